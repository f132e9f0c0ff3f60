"""A Django project's development server for tests that drive a running site."""

import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def runserver(python, project, env, base):
    """``manage.py runserver`` for ``project`` at ``base`` ("http://127.0.0.1:<port>"), once it answers."""
    server = subprocess.Popen(
        [python, "manage.py", "runserver", base.removeprefix("http://"), "--noreload"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)

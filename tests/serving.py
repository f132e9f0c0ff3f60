"""Servers for tests that drive a running site: Django's development server, gunicorn, Redis, SMTP."""

import shlex
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

START_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def runserver(python, project, env, base):
    """``manage.py runserver`` for ``project`` at ``base`` ("http://127.0.0.1:<port>"), once it
    answers; if it does not within ``START_SECONDS``, the test fails with what the server said."""
    return serving([python, "manage.py", "runserver", base.removeprefix("http://"), "--noreload"], project, env, base)


def gunicorn(python, project, env, base, wsgi="newsroom.wsgi"):
    """gunicorn serving ``project``'s ``wsgi`` module at ``base`` with one worker, as
    ``runserver`` does."""
    command = [python, "-m", "gunicorn", wsgi, "--bind", base.removeprefix("http://"), "--workers", "1"]
    return serving(command, project, env, base)


@contextmanager
def serving(command, project, env, base):
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        try:
            wait_until_answering(base, server, log)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def wait_until_answering(base, server, log):
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            return
        except urllib.error.HTTPError:
            return  # it answers, if not with a page
        except OSError:
            time.sleep(0.2)
    log.seek(0)
    pytest.fail(f"{shlex.join(server.args)} did not answer at {base}:\n{log.read()}")


class RedisServer:
    """A real Redis server of the test's own on ``port``, to stop and start again (Debian's redis-server)."""

    def __init__(self, port):
        self.port, self.process = port, None
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        pytest.fail(f"redis-server did not start on port {self.port}")

    def stop(self):
        self.process.kill()
        self.process.wait(timeout=10)


class SmtpInbox:
    """A real SMTP server of the test's own on ``port`` (aiosmtpd), keeping each message it accepts
    with the envelope's recipients, as a mail relay would receive them."""

    def __init__(self, port):
        self.port, self.received = port, []
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((sorted(envelope.rcpt_tos), message))
        return "250 OK"

    def start(self):
        self.controller.start()  # returns once the server answers
        return self

    def stop(self):
        self.controller.stop()

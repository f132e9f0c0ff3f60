"""A site and its task worker as separate processes, for tests that watch the worker do its part: the
site's environment on a temporary SQLite database with ``TASK_QUEUE=database``, its set-up, runs of
``manage.py db_worker``, and an editor's admin session over HTTP."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup

from .helpers import ROOT

WORKER_SECONDS = 60


def worker_site_environment(folder: Path, **overrides) -> dict:
    """The example site in debug (no collected static files needed), its tasks queued in the database."""
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{folder}/site.sqlite3",
        "MEDIA_ROOT": str(folder / "media"),
        "TASK_QUEUE": "database",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    return env | overrides


def manage(env, *args, timeout=120):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


def set_up_site(env, username, password):
    """Migrate, set up the newsroom and add a superuser; the set-up's own tasks run at once, so the
    queue starts empty."""
    at_once = env | {"TASK_QUEUE": "immediate", "DJANGO_SUPERUSER_PASSWORD": password}
    manage(at_once, "migrate", "--noinput", "-v0")
    manage(at_once, "setup_newsroom", "--site-name", "Worker Newsroom")
    manage(at_once, "createsuperuser", "--noinput", "--username", username, "--email", f"{username}@example.com")


def start_worker(env, *args) -> subprocess.Popen:
    """``manage.py db_worker`` with ``args`` (``--max-tasks 1``, ``--batch``), its output kept for a failure."""
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    return subprocess.Popen(
        [*command, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def finish_worker(worker: subprocess.Popen) -> str:
    """Wait for a worker that stops by itself (``--batch``, ``--max-tasks``); what it printed."""
    try:
        output, _ = worker.communicate(timeout=WORKER_SECONDS)
    except subprocess.TimeoutExpired:
        worker.kill()
        output, _ = worker.communicate()
        pytest.fail(f"db_worker did not stop within {WORKER_SECONDS}s:\n{output}")
    assert worker.returncode == 0, output
    return output


def wait_for(check, what, seconds=WORKER_SECONDS, every=0.25):
    """``check()``'s first true answer, asked every ``every`` seconds; the test fails after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if answer := check():
            return answer
        time.sleep(every)
    pytest.fail(f"gave up waiting for {what} after {seconds}s")


class AdminSession:
    """An editor in the admin, as a browser is: cookies, the CSRF token of each form, redirects."""

    def __init__(self, base):
        self.base, self.http = base, requests.Session()

    def get(self, path, **kwargs):
        return self.http.get(self.base + path, timeout=30, **kwargs)

    def post_form(self, path, data, files=None, **kwargs):
        data = {"csrfmiddlewaretoken": self.http.cookies["csrftoken"], **data}
        return self.http.post(self.base + path, data=data, files=files, timeout=60, **kwargs)

    def log_in(self, username, password):
        self.get("/admin/login/")  # sets the CSRF cookie
        response = self.post_form("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
        assert response.url == f"{self.base}/admin/", response.text[:2000]


def soup(response):
    return BeautifulSoup(response.text, "html.parser")

"""What the scale-out tests need: nginx, PostgreSQL and Redis on 127.0.0.1, and Chromium for the
editor. Without them the tests are skipped, except where ``NEWSROOM_TEST_REQUIRE_SCALEOUT`` is set
(``.ci/run``): there they fail."""

import os
import shutil
import socket
from pathlib import Path

import pytest

from ..browser import chromium
from ..helpers import CHROMIUM
from .stack import POSTGRES


def answers(host, port):
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
        return True
    except OSError:
        return False


NEEDED = {
    "nginx (apt-get install nginx)": lambda: bool(shutil.which("nginx")),
    "Chromium (apt-get install chromium)": lambda: Path(CHROMIUM).exists(),
    "PostgreSQL on 127.0.0.1:5432": lambda: answers(POSTGRES["host"], POSTGRES["port"]),
    "Redis on 127.0.0.1:6379": lambda: answers("127.0.0.1", 6379),
}


@pytest.fixture(scope="session", autouse=True)
def tools_are_there():
    missing = [name for name, present in NEEDED.items() if not present()]
    if missing:
        message = "the scale-out tests need " + ", ".join(missing)
        if os.environ.get("NEWSROOM_TEST_REQUIRE_SCALEOUT"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    with chromium() as launched:
        yield launched

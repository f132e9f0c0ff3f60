"""The real site in a browser: the server, the browser, and what they need.

The server is the one ``make run`` starts (``manage.py runserver``) on a fresh SQLite database.
Chromium is Debian's (/usr/bin/chromium); axe-core and the Nu Html Checker come from npm into
``node_modules/``; newsboat is Debian's. Without them these tests are skipped with a note on how to
get them, except where ``NEWSROOM_TEST_REQUIRE_E2E`` is set (``.ci/run``): there they fail.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..browser import chromium
from ..helpers import AXE, CHROMIUM, EDITOR, REPORTER, ROOT, VNU
from ..object_storage_server import new_bucket, object_storage_server
from ..serving import free_port, gunicorn, runserver

NEEDED = {
    "Chromium (apt-get install chromium)": Path(CHROMIUM).exists(),
    "axe-core and vnu-jar (npm install)": AXE.exists() and VNU.exists(),
    "Java for the Nu Html Checker": bool(shutil.which("java")),
    "newsboat (apt-get install newsboat)": bool(shutil.which("newsboat")),
}


@pytest.fixture(scope="session", autouse=True)
def tools_are_there():
    """Before the server and the browser start: skip, or fail where they are required."""
    missing = [name for name, present in NEEDED.items() if not present]
    if missing:
        message = "end-to-end tests need " + ", ".join(missing) + "; `make e2e` installs the npm part"
        if os.environ.get("NEWSROOM_TEST_REQUIRE_E2E"):
            pytest.fail(message)
        pytest.skip(message)


def manage(env, *args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The base URL of the site, served by ``manage.py runserver`` on a database of its own."""
    folder = tmp_path_factory.mktemp("site")
    base = f"http://127.0.0.1:{free_port()}"
    env = os.environ | {
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
        "MEDIA_ROOT": str(folder / "media"),
        "WAGTAILADMIN_BASE_URL": base,
    }
    env.pop("REDIS_URL", None)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "setup_newsroom", "--site-url", base, stdout=subprocess.DEVNULL)
    users = (
        "from django.contrib.auth.models import Group, User\n"
        f"User.objects.create_superuser('{EDITOR[0]}', 'editor@example.com', '{EDITOR[1]}')\n"
        f"User.objects.create_user('{REPORTER[0]}', 'reporter@example.com', '{REPORTER[1]}')"
        ".groups.add(Group.objects.get(name='Reporters'))\n"
    )
    manage(env, "shell", "-c", users)
    with runserver(sys.executable, ROOT, env, base):
        yield base


@dataclass(frozen=True)
class Showcase:
    base: str
    urls: dict  # {"home": url, "article": url, ...}: the pages showcase.build() names


@pytest.fixture(scope="session")
def showcase(tmp_path_factory):
    """A desk's first day (``showcase.py``) served as production serves it: gunicorn
    with the production settings, static files from WhiteNoise, media in an S3 bucket. TLS is the
    front proxy's (deploy/nginx), so here the site answers plain HTTP on 127.0.0.1, which browsers
    count as a secure origin."""
    folder = tmp_path_factory.mktemp("showcase")
    base = f"http://127.0.0.1:{free_port()}"
    with object_storage_server() as endpoint_url, new_bucket(endpoint_url) as bucket:
        env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "REDIS_URL"}}
        env |= bucket.site_environment() | {
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "SECRET_KEY": "showcase-tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
            "STATIC_ROOT": str(folder / "static"),
            "WAGTAILADMIN_BASE_URL": base,
        }
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "setup_newsroom", "--site-url", base, stdout=subprocess.DEVNULL)
        dressed = manage(env, "shell", "-c", "from tests.e2e.showcase import dress; dress()", stdout=subprocess.PIPE)
        paths = json.loads(dressed.stdout.splitlines()[-1])
        with gunicorn(sys.executable, ROOT, env, base):
            yield Showcase(base, {name: base + path for name, path in paths.items()})


@pytest.fixture(scope="session")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def artefacts():
    """Fetched pages, and in screens/ and lighthouse/ the screenshots and Lighthouse's reports, kept
    for CI under the git-ignored var/ folder."""
    folder = ROOT / "var" / "e2e"
    for kept in ("screens", "lighthouse"):
        (folder / kept).mkdir(parents=True, exist_ok=True)
    return folder

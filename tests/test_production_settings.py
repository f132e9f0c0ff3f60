"""Production settings: Django's deployment checks, security headers, upload limits, static files
under gunicorn, and versions."""

import io
import os
import re
import subprocess
import sys
import urllib.request
from importlib.metadata import version
from pathlib import Path

import PIL.Image
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from packaging.version import Version
from wagtail.images import get_image_model

from .serving import free_port, gunicorn

ROOT = Path(__file__).resolve().parent.parent
# What collectstatic names a file: its content's hash before the extension (css/site.19073a1570f9.css).
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.css$")
ONE_YEAR = 365 * 24 * 60 * 60

# The latest security release of each, as of this file's last change (no vulnerability database is
# reachable from CI, so the floor is kept here and raised with each security release).
MINIMUM_SECURE_VERSIONS = {"Django": "5.2.19", "wagtail": "8.0.1", "Pillow": "13.0.0"}


def production_environment(tmp_path, **overrides):
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "REDIS_URL"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "SECRET_KEY": "k" * 10 + "production-like-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "news.example.com",
        "CSRF_TRUSTED_ORIGINS": "https://news.example.com",
        "DATABASE_URL": f"sqlite:///{tmp_path}/production.sqlite3",
        "BEHIND_TLS_PROXY": "1",
    }
    return env | overrides


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_deployment_checks_pass_with_production_values(tmp_path):
    result = manage(production_environment(tmp_path), "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("hosts", ["*", "news.example.com,*"])
def test_a_wildcard_host_is_refused_outside_debug(tmp_path, hosts):
    result = manage(production_environment(tmp_path, ALLOWED_HOSTS=hosts), "check")

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name the site's hosts" in result.stderr


def test_reader_pages_carry_the_security_headers(client, seed_article):
    response = client.get(seed_article.url)

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_cached_pages_keep_the_security_headers(client, seed_article):
    client.get(seed_article.url)

    again = client.get(seed_article.url)

    assert "script-src 'self'" in again["Content-Security-Policy"]
    assert again["X-Frame-Options"] == "DENY"


def test_the_admin_is_left_out_of_the_reader_policy(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_cookies_are_secure_and_the_session_cookie_http_only_outside_debug(settings):
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SECURE_HSTS_SECONDS >= 31_536_000


def test_an_image_over_forty_megapixels_is_refused_before_it_is_decoded(admin_client):
    bomb = io.BytesIO()
    PIL.Image.new("1", (8000, 6000)).save(bomb, "PNG")  # 48 megapixels in a few kilobytes
    upload = SimpleUploadedFile("bomb.png", bomb.getvalue(), content_type="image/png")

    response = admin_client.post("/admin/images/add/", {"title": "Bomb", "file": upload})

    assert response.status_code == 200  # the form again, with its error
    assert "pixels" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(("package", "minimum"), MINIMUM_SECURE_VERSIONS.items())
def test_installed_versions_are_at_or_above_the_latest_security_release(package, minimum):
    assert Version(version(package)) >= Version(minimum), f"{package} {version(package)} is below {minimum}"


@pytest.fixture(scope="module")
def production_site(tmp_path_factory):
    """gunicorn with the production settings, after the README's deployment steps, behind a TLS proxy."""
    folder = tmp_path_factory.mktemp("production")
    env = production_environment(folder, STATIC_ROOT=str(folder / "static"), MEDIA_ROOT=str(folder / "media"))
    collecting = subprocess.Popen(  # beside the migrations, which take longer
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, stderr=subprocess.PIPE
    )
    for command in (["migrate", "--noinput", "-v0"], ["setup_newsroom", "--site-url", "https://news.example.com"]):
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr
    assert collecting.wait(timeout=120) == 0, collecting.stderr.read()
    with gunicorn(sys.executable, ROOT, env, f"http://127.0.0.1:{free_port()}") as base:
        yield base


def fetch(base, path, **headers):
    request = urllib.request.Request(
        base + path, headers={"Host": "news.example.com", "X-Forwarded-Proto": "https", **headers}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def stylesheets(html):
    return [link["href"] for link in BeautifulSoup(html, "html.parser").select("link[rel=stylesheet]")]


def assert_served_for_a_year(base, path):
    status, headers, body = fetch(base, path, **{"Accept-Encoding": "gzip"})
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert status == 200 and body, path
    assert HASHED_NAME.search(path), path
    assert max_age >= ONE_YEAR and "immutable" in headers["Cache-Control"], headers["Cache-Control"]
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Content-Encoding"] == "gzip"


def test_the_admin_login_is_styled_under_gunicorn_with_production_settings(production_site):
    status, _headers, html = fetch(production_site, "/admin/login/")

    admin_stylesheets = stylesheets(html)
    assert status == 200
    assert any(href.startswith("/static/wagtailadmin/css/core.") for href in admin_stylesheets), admin_stylesheets
    for href in admin_stylesheets:
        assert_served_for_a_year(production_site, href)


def test_reader_pages_are_styled_under_gunicorn_with_production_settings(production_site):
    status, _headers, html = fetch(production_site, "/")

    reader_stylesheets = stylesheets(html)
    assert status == 200
    assert {href.rsplit(".", 2)[0] for href in reader_stylesheets} >= {
        "/static/css/site",
        "/static/newsroom_articles/css/newsroom",
    }
    for href in reader_stylesheets:
        assert_served_for_a_year(production_site, href)

"""Production settings: Django's deployment checks, security headers, upload limits, and versions."""

import io
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import PIL.Image
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from packaging.version import Version
from wagtail.images import get_image_model

ROOT = Path(__file__).resolve().parent.parent

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

"""Real Varnish with deploy/varnish/newsroom.vcl in front of gunicorn: readers get cached pages, and
the next request after any change a page shows gets the change; drafts and the admin never come
from the cache. Debian's varnish; skipped without it, except where ``NEWSROOM_TEST_REQUIRE_VARNISH``
is set (``.ci/run``)."""

import gzip
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup

from .helpers import ROOT
from .serving import free_port, serving

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"
RECIPE_BACKEND_PORT = '.port = "8080";'
THE_SEED = "ArticlePage.objects.exclude(slug='embargoed-draft').get()"  # code for the shell: not the draft

pytestmark = pytest.mark.skipif(
    not Path(VARNISHD).exists() and not os.environ.get("NEWSROOM_TEST_REQUIRE_VARNISH"),
    reason="Varnish is not installed (apt-get install varnish)",
)


@contextmanager
def varnish(folder: Path, backend_port: int):
    """varnishd with the recipe's VCL, but for the backend's port, on a free port of its own."""
    vcl = folder / "newsroom.vcl"
    recipe = VCL.read_text()
    assert RECIPE_BACKEND_PORT in recipe
    vcl.write_text(recipe.replace(RECIPE_BACKEND_PORT, f'.port = "{backend_port}";'))
    port = free_port()
    command = [VARNISHD, "-F", "-n", str(folder / "varnish"), "-a", f"127.0.0.1:{port}", "-f", str(vcl)]
    command += ["-s", "malloc,64m", "-T", "none", "-j", "none", "-p", "ban_lurker_sleep=0.01"]
    with serving(command, ROOT, dict(os.environ), f"http://127.0.0.1:{port}") as base:  # 503 until gunicorn is up
        yield base


class Site:
    def __init__(self, env, front):
        self.env, self.front = env, front

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True,
            text=True, timeout=120,
        ).stdout  # fmt: skip

    def shell(self, code):
        """Run ``code`` as the admin's save and publish would: Wagtail's signals, then the commit."""
        return self.manage("shell", "-v0", "-c", "from articles.models import *\nfrom authors.models import *\n" + code)

    def get(self, path, **headers):
        """(status, X-Cache, body) through Varnish."""
        request = urllib.request.Request(self.front + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers.get("X-Cache"), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("X-Cache"), error.read().decode()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seed published, served by gunicorn with production settings behind Varnish, which the
    site's front-end cache purges."""
    folder = tmp_path_factory.mktemp("front-cache")
    app_port, varnish_folder = free_port(), folder / "v"
    varnish_folder.mkdir()
    with varnish(varnish_folder, app_port) as front:
        env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "REDIS_URL", "DATABASE_URL"}}
        env |= {
            "SECRET_KEY": "front-cache-tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "SECURE_SSL_REDIRECT": "0",  # plain HTTP from the test to Varnish
            "FRONTEND_CACHE_PURGE_URL": front,
        }
        running = Site(env, front)
        running.manage("migrate", "--noinput", "-v0")
        running.manage("collectstatic", "--noinput", "-v0")
        running.manage("setup_newsroom", "--site-url", front)
        running.manage("import_story", "--publish", "seeds/")
        command = [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"]
        server_env = env | {"GUNICORN_BIND": f"127.0.0.1:{app_port}", "GUNICORN_WORKERS": "2"}
        with serving(command, ROOT, server_env, f"http://127.0.0.1:{app_port}"):
            yield running


def fetch_raw(site, path, **headers):
    """(status, headers, body as sent) through Varnish: nothing decompressed."""
    request = urllib.request.Request(site.front + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def headline(html):
    return BeautifulSoup(html, "html.parser").h1.get_text(" ", strip=True)


@pytest.fixture(scope="module")
def article_path(site):
    return site.shell(f"print({THE_SEED}.url)").strip()


def warm(site, path):
    site.get(path)
    _, cache, body = site.get(path)
    assert cache == "hit", f"{path} was not served from Varnish"
    return body


def test_readers_get_pages_feeds_and_not_found_from_the_cache(site, article_path):
    for path in ("/", article_path, "/feeds/latest/rss/", "/sitemap.xml", "/no-such-page/"):
        warm(site, path)


def test_the_admin_and_signed_in_readers_are_never_served_from_the_cache(site, article_path):
    for _ in range(2):
        assert site.get("/admin/login/")[1] == "pass"
        assert site.get(article_path, Cookie="sessionid=abc")[1] == "pass"
    assert site.get(article_path, Cookie="_ga=GA1.2.3")[1] == "hit"  # other cookies change nothing


def test_a_published_edit_is_there_on_the_next_request_and_a_draft_never(site, article_path):
    warm(site, article_path)
    warm(site, "/")
    site.shell(f"a = {THE_SEED}; a.title = 'Edited and published'; a.save_revision().publish()")

    assert headline(site.get(article_path)[2]) == "Edited and published"
    assert "Edited and published" in site.get("/")[2]

    site.shell(f"a = {THE_SEED}; a.title = 'Only a draft'; a.save_revision()")
    for _ in range(2):
        assert headline(site.get(article_path)[2]) == "Edited and published"
        assert "Only a draft" not in site.get("/")[2]


def test_a_page_never_published_is_never_served(site):
    site.shell(
        "index = NewsIndexPage.objects.get(locale__language_code='en')\n"
        "index.add_child(instance=ArticlePage(title='Embargoed draft', slug='embargoed-draft', live=False))"
    )
    for _ in range(2):
        status, _, body = site.get("/embargoed-draft/")
        assert status == 404
        assert "Embargoed draft" not in body


def test_an_author_page_edit_shows_on_the_article_at_once(site, article_path):
    warm(site, article_path)
    site.shell(
        "author = AuthorPage.objects.get(title='Solange Reyner')\n"
        "author.bio = '<p>Covers space policy from Washington.</p>'\n"
        "author.save_revision().publish()"
    )

    assert "Covers space policy from Washington." in site.get(article_path)[2]


def test_a_correction_and_a_settings_change_show_at_once(site, article_path):
    warm(site, article_path)
    site.shell(f"Correction.objects.create(article={THE_SEED}, text='The launch was in March.')")
    assert "The launch was in March." in site.get(article_path)[2]

    warm(site, article_path)
    site.shell("s = NewsroomSettings.objects.get(); s.publisher_name = 'Harbour Daily Press'; s.save()")
    assert "Harbour Daily Press" in site.get(article_path)[2]


def test_a_withdrawal_takes_the_story_out_at_once_and_a_restore_brings_nothing_back(site, article_path):
    warm(site, article_path)
    warm(site, "/feeds/latest/rss/")
    site.shell(
        "from articles.withdrawals import withdraw_article\n"
        f"withdraw_article({THE_SEED}, 'kill', reason='Legal.', notice='Killed on legal advice.')"
    )

    status, _, body = site.get(article_path)
    assert status == 410 and "Killed on legal advice." in body
    feed = site.get("/feeds/latest/rss/")[2]
    assert "Story withdrawn" in feed and "Killed on legal advice." in feed
    site.shell(f"from articles.withdrawals import restore_article\nrestore_article({THE_SEED})")
    assert site.get(article_path)[0] == 404  # a draft once restored, until an editor publishes it
    site.shell(f"{THE_SEED}.get_latest_revision().publish()")
    assert site.get(article_path)[0] == 200


def test_unpublishing_takes_the_story_out_at_once(site, article_path):
    warm(site, article_path)
    warm(site, "/feeds/latest/rss/")
    site.shell(f"{THE_SEED}.unpublish()")

    assert site.get(article_path)[0] == 404
    assert "Edited and published" not in site.get("/feeds/latest/rss/")[2]


@pytest.mark.parametrize("path", ["/", "/feeds/latest/rss/", "/feeds/latest/json/"])
def test_each_reader_gets_the_coding_it_asks_for_from_the_cache(site, path):
    asks = {"br": "gzip, deflate, br, zstd", "gzip": "gzip, deflate", None: "identity"}
    answers = {}
    for coding, accept_encoding in asks.items():
        fetch_raw(site, path, **{"Accept-Encoding": accept_encoding})
        answers[coding] = fetch_raw(site, path, **{"Accept-Encoding": accept_encoding})

    plain = answers[None][2]
    for coding, (status, headers, _) in answers.items():
        assert status == 200 and headers["X-Cache"] == "hit", (path, coding)
        assert headers.get("Content-Encoding") == coding, (path, coding)
        assert "Accept-Encoding" in headers["Vary"]
        assert headers["ETag"].startswith('W/"')  # compressed, or unzipped by Varnish from the gzip copy
    assert gzip.decompress(answers["gzip"][2]) == plain
    assert brotli.decompress(answers["br"][2]) == plain


def test_a_conditional_poll_of_a_compressed_feed_is_a_304_from_the_cache(site):
    for accept_encoding in ("gzip, deflate", "br"):
        _, headers, _ = fetch_raw(site, "/feeds/latest/atom/", **{"Accept-Encoding": accept_encoding})
        status, again, body = fetch_raw(
            site, "/feeds/latest/atom/", **{"Accept-Encoding": accept_encoding, "If-None-Match": headers["ETag"]}
        )

        assert (status, body) == (304, b"")
        assert again["X-Cache"] == "hit"
        assert again["ETag"] == headers["ETag"]

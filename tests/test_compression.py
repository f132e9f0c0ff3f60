"""Compression (articles.compression): Brotli or gzip for anonymous readers, as their client asks,
with ``Vary: Accept-Encoding``, weak ETags that still get a 304, and the reader cache still serving;
never for a signed-in user or beside a CSRF token; feedparser and newsboat reading a gzip feed from
gunicorn."""

import gzip
import json
import os
import subprocess
import sys
import time
import urllib.request

import brotli
import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.codings import is_text, preferred_coding

from .factories import PageViewRestrictionFactory
from .helpers import ROOT, newsboat_items
from .serving import free_port, serving

FEEDS = ["/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/"]
DECODE = {"gzip": gzip.decompress, "br": brotli.decompress}
BROWSER = "gzip, deflate, br, zstd"
ACCESS_LOG = "%(U)s %(s)s %({accept-encoding}i)s|%({content-encoding}o)s"  # path status asked|sent
HEADLINE = "from articles.models import ArticlePage; print(ArticlePage.objects.get().title)"


def reader_urls(article):
    return ["/", article.url, *FEEDS, "/sitemap-pages.xml", "/api/v2/pages/?type=newsroom_articles.ArticlePage"]


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_pages_feeds_and_the_api_come_compressed_as_the_reader_asks(client, newsroom_with_articles, coding):
    _, article, _ = newsroom_with_articles
    for url in reader_urls(article):
        plain = client.get(url)

        compressed = client.get(url, HTTP_ACCEPT_ENCODING=coding)

        assert compressed["Content-Encoding"] == coding, url
        assert DECODE[coding](compressed.content) == plain.content, url
        assert len(compressed.content) < len(plain.content) / 2, url
        assert int(compressed["Content-Length"]) == len(compressed.content)
        assert "Accept-Encoding" in compressed["Vary"] and "Accept-Encoding" in plain["Vary"]
        assert compressed["ETag"] == "W/" + plain["ETag"]  # a strong ETag for the identity body only
        assert compressed["Content-Type"] == plain["Content-Type"]


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [
        ("gzip, deflate", "gzip"),  # feedparser, newsboat
        ("gzip, deflate, br, zstd", "br"),  # browsers
        ("br;q=0.5, gzip", "gzip"),
        ("GZIP;Q=0.2, br;q=0.1", "gzip"),
        ("*", "br"),
        ("br;q=0, *", "gzip"),
        ("gzip;q=0, br;q=0", None),
        ("", None),
        ("identity", None),
        ("deflate", None),
        ("gzip;q=nonsense", None),
        ("gzip;q=nan, br;q=-1", None),
        ("gzip;level=9;q=1.0", "gzip"),
        ("x" * 5000 + ", gzip", None),  # past the first thousand characters nothing is read
    ],
)
def test_the_coding_follows_the_readers_weights(accept_encoding, coding):
    assert preferred_coding(accept_encoding) == coding


@pytest.mark.parametrize("accept_encoding", ["", "identity", "deflate", "gzip;q=0, br;q=0"])
def test_nothing_is_compressed_for_a_client_that_does_not_ask(client, newsroom_with_articles, accept_encoding):
    _, article, _ = newsroom_with_articles
    for url in reader_urls(article):
        response = client.get(url, HTTP_ACCEPT_ENCODING=accept_encoding)

        assert not response.has_header("Content-Encoding"), url
        assert response["ETag"].startswith('"')
        assert "Accept-Encoding" in response["Vary"]  # a cache in between must not give it a compressed copy


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_the_etag_of_a_compressed_feed_gets_a_304_with_the_same_validators(client, newsroom_with_articles, coding):
    for url in FEEDS:
        first = client.get(url, HTTP_ACCEPT_ENCODING=coding)

        again = client.get(url, HTTP_ACCEPT_ENCODING=coding, HTTP_IF_NONE_MATCH=first["ETag"])
        plain = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])  # the same feed, whatever its coding

        assert again.status_code == 304 and again.content == b""
        assert again["ETag"] == first["ETag"]
        assert "Accept-Encoding" in again["Vary"]
        assert not again.has_header("Content-Encoding")
        assert plain.status_code == 304 and plain["ETag"] == first["ETag"].removeprefix("W/")


def test_an_identity_etag_gets_a_304_from_a_client_that_now_asks_for_brotli(client, newsroom_with_articles):
    plain = client.get("/feeds/latest/rss/")

    again = client.get("/feeds/latest/rss/", HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=plain["ETag"])

    assert again.status_code == 304
    assert again["ETag"] == "W/" + plain["ETag"]


@pytest.mark.parametrize("first_coding", ["br", "gzip"])
def test_the_reader_cache_keeps_one_copy_and_serves_every_coding_from_it(client, newsroom_with_articles, first_coding):
    _, article, _ = newsroom_with_articles
    for url in (article.url, "/feeds/latest/rss/"):
        first = client.get(url, HTTP_ACCEPT_ENCODING=first_coding)

        with CaptureQueriesContext(connection) as queries:
            plain = client.get(url)
            answers = {coding: client.get(url, HTTP_ACCEPT_ENCODING=coding) for coding in DECODE}

        assert DECODE[first_coding](first.content) == plain.content  # the cache kept the identity body
        assert not plain.has_header("Content-Encoding")
        for coding, answer in answers.items():
            assert answer["Content-Encoding"] == coding
            assert DECODE[coding](answer.content) == plain.content
        # None; one when the local-memory copy of the content version (kept a second) has just expired.
        assert len(queries) <= 1


def test_each_compressed_copy_is_made_once_and_kept_until_the_content_changes(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    first = client.get("/feeds/latest/rss/", HTTP_ACCEPT_ENCODING="gzip")

    again = client.get("/feeds/latest/rss/", HTTP_ACCEPT_ENCODING="gzip")
    article.save_revision().publish()
    changed = client.get("/feeds/latest/rss/", HTTP_ACCEPT_ENCODING="gzip")

    # Django's gzip pads each body it makes with random bytes (against BREACH): the same bytes
    # again are the kept copy, and a new version is compressed afresh.
    assert again.content == first.content
    assert changed.content != first.content and changed["ETag"] != first["ETag"]


def test_with_the_reader_cache_off_every_reader_gets_a_copy_compressed_for_it(client, newsroom_with_articles, settings):
    settings.NEWSROOM_CACHE_SECONDS = 0
    plain = client.get("/feeds/latest/atom/")

    first, again = (client.get("/feeds/latest/atom/", HTTP_ACCEPT_ENCODING="gzip") for _ in range(2))

    assert first.content != again.content  # each padded afresh
    assert gzip.decompress(first.content) == gzip.decompress(again.content) == plain.content
    assert first["ETag"] == again["ETag"] == "W/" + plain["ETag"]  # the feed's own validators


def test_a_change_is_in_the_next_compressed_copy(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    client.get("/feeds/latest/rss/", HTTP_ACCEPT_ENCODING="br")
    article.title = "A headline changed since the last poll"
    article.save_revision().publish()

    feed = client.get("/feeds/latest/rss/", HTTP_ACCEPT_ENCODING="br")

    assert b"A headline changed since the last poll" in brotli.decompress(feed.content)


def test_short_answers_and_redirects_go_as_they_are(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    redirect = client.get(article.url.rstrip("/"), HTTP_ACCEPT_ENCODING=BROWSER)  # APPEND_SLASH

    head = client.head("/feeds/latest/rss/", HTTP_ACCEPT_ENCODING="gzip")

    assert redirect.status_code == 301 and not redirect.has_header("Content-Encoding")
    assert head["Content-Encoding"] == "gzip"  # as the GET would answer, without the body
    assert head.content == b""


def test_a_signed_in_user_gets_nothing_compressed(admin_client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    for url in ("/admin/", f"/admin/pages/{article.pk}/edit/", article.url, "/feeds/latest/rss/"):
        response = admin_client.get(url, HTTP_ACCEPT_ENCODING=BROWSER)

        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url  # BREACH: the CSRF token and the user's own


def test_a_page_with_a_csrf_token_is_never_compressed(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    PageViewRestrictionFactory(page=article, restriction_type="password", password="s3cret")
    login = client.get("/admin/login/", HTTP_ACCEPT_ENCODING=BROWSER)
    password_form = client.get(article.url, HTTP_ACCEPT_ENCODING=BROWSER)

    for response in (login, password_form):
        assert b"csrfmiddlewaretoken" in response.content
        assert not response.has_header("Content-Encoding")
    # A reader holding that CSRF cookie still gets the public pages compressed: they hold no secret.
    assert client.cookies.get("csrftoken")
    assert client.get("/", HTTP_ACCEPT_ENCODING=BROWSER)["Content-Encoding"] == "br"


@pytest.mark.parametrize(
    ("content_type", "compressible"),
    [
        ("text/html; charset=utf-8", True),
        ("application/rss+xml; charset=utf-8", True),
        ("application/atom+xml", True),
        ("application/feed+json", True),
        ("application/json", True),
        ("application/xml", True),
        ("image/svg+xml", True),
        ("text/javascript", True),
        ("image/jpeg", False),
        ("application/pdf", False),
        ("application/zip", False),
        ("", False),
    ],
)
def test_only_text_is_compressed(content_type, compressible):
    assert is_text(content_type) is compressible


# --- feed readers over real HTTP: gunicorn with the production settings


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The seed published, served by gunicorn with production settings, logging each request's
    Accept-Encoding and the answer's status and Content-Encoding."""
    folder = tmp_path_factory.mktemp("compression")
    base, log = f"http://127.0.0.1:{free_port()}", folder / "access.log"
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "REDIS_URL", "DATABASE_URL"}}
    env |= {
        "SECRET_KEY": "compression-tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP from the readers to gunicorn
    }
    steps = [["collectstatic", "--noinput", "-v0"], ["migrate", "--noinput", "-v0"]]
    steps += [
        ["setup_newsroom", "--site-url", base],
        ["import_story", "--publish", "seeds/"],
        ["shell", "-v0", "-c", HEADLINE],
    ]
    for step in steps:
        ran = subprocess.run([sys.executable, "manage.py", *step], cwd=ROOT, env=env, check=True, capture_output=True)
    headline = ran.stdout.decode().strip()
    command = [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", base.removeprefix("http://")]
    command += ["--access-logfile", str(log), "--access-logformat", ACCESS_LOG]
    with serving(command, ROOT, env, base):
        yield base, log, headline


def logged(log, path) -> list[tuple[str, str, str]]:
    """(status, Accept-Encoding, Content-Encoding) of each request for ``path`` logged so far."""
    lines = [line.split(" ", 2) for line in log.read_text().splitlines() if line.startswith(path + " ")]
    return [(status, *rest.split("|")) for _, status, rest in lines]


def logged_after(log, path, earlier, count):
    """The ``count`` requests for ``path`` logged after the ``earlier`` ones: gunicorn writes each
    line once the answer is sent, so a client can be done a moment before its line is there."""
    deadline = time.monotonic() + 5
    while len(logged(log, path)) < earlier + count and time.monotonic() < deadline:
        time.sleep(0.05)
    return logged(log, path)[earlier:]


@pytest.mark.parametrize("format_name", ["rss", "atom"])
def test_feedparser_reads_a_gzip_feed_and_polls_it_with_its_etag(served, format_name):
    base, log, headline = served
    path = f"/feeds/latest/{format_name}/"
    earlier = len(logged(log, path))

    first = feedparser.parse(base + path)
    again = feedparser.parse(base + path, etag=first.etag, modified=first.modified)

    assert first.status == 200 and not first.bozo, first.get("bozo_exception")
    assert first.headers["content-encoding"] == "gzip"
    assert first.etag.startswith('W/"')
    assert [entry.title for entry in first.entries] == [headline]
    assert again.status == 304
    assert logged_after(log, path, earlier, 2) == [("200", "gzip, deflate", "gzip"), ("304", "gzip, deflate", "-")]


@pytest.mark.parametrize("format_name", ["rss", "atom"])
def test_newsboat_reads_a_gzip_feed_and_polls_it_with_its_etag(served, format_name, tmp_path):
    base, log, headline = served
    path = f"/feeds/latest/{format_name}/"
    earlier = len(logged(log, path))

    items = newsboat_items(base + path, tmp_path)
    for _ in range(2):  # newsboat 2.21 keeps the validators from its second reload on
        newsboat_items(base + path, tmp_path)

    assert [title for title, _ in items] == [headline]
    polls = logged_after(log, path, earlier, 3)
    assert [(status, encoding) for status, _, encoding in polls] == [("200", "gzip"), ("200", "gzip"), ("304", "-")]
    assert all("gzip" in accepted for _, accepted, _ in polls)


def fetch(url, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as response:
        return response.headers, response.read()


def test_a_json_feed_reader_and_a_browser_get_theirs_compressed_a_plain_client_not(served):
    base, _, headline = served

    _, plain = fetch(base + "/feeds/latest/json/")
    gzip_headers, gzipped = fetch(base + "/feeds/latest/json/", **{"Accept-Encoding": "gzip"})
    br_headers, brotli_page = fetch(base + "/", **{"Accept-Encoding": BROWSER})
    _, plain_page = fetch(base + "/")

    assert gzip_headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(gzipped))["items"][0]["title"] == headline
    assert gzip.decompress(gzipped) == plain
    assert br_headers["Content-Encoding"] == "br"
    assert brotli.decompress(brotli_page) == plain_page

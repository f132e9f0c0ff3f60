"""Speed as a tested property: query budgets, no writes on the read path, and a cache that is never stale.

Query counts are deterministic; timings are measured by ``make bench``, not here.
"""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from articles.caching import reader_cache_tag
from articles.models import ArticlePage, CopyrightNotice, Correction, NewsIndexPage, NewsroomSettings

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory, SectionFactory

WRITE_RE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def clear_caches():
    for alias in ("default", "renditions"):
        caches[alias].clear()


def queries_for(client, url, **headers):
    """Queries of one anonymous request for a page or feed nobody has asked for yet.

    The site-wide caches (Wagtail's site paths, the site and its settings) are warmed by another
    page first, as they are on any site that has served a reader.
    """
    clear_caches()
    client.get("/authors/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code in (200, 304), url
    return [query["sql"] for query in queries.captured_queries]


@pytest.fixture
def newsroom_with_articles(newsroom):
    """25 live articles, 5 authors each, in a section, with tags, lead images and a correction."""
    authors = [AuthorPageFactory(parent=newsroom.author_index, live=True, photo=ImageFactory()) for _ in range(5)]
    section = SectionFactory(name="Science")
    image = ImageFactory()
    articles = [
        ArticlePageFactory(parent=newsroom.news_index, authors=authors, section=section, lead_image=image, live=True)
        for _ in range(25)
    ]
    newest = articles[-1]
    newest.tags.add("space", "russia")
    newest.save_revision().publish()
    Correction.objects.create(article=newest, text="An earlier version misstated the date.")
    return newsroom, newest, authors


def test_article_page_stays_within_ten_queries_with_one_author_or_five(client, newsroom_with_articles):
    newsroom, rich_article, _ = newsroom_with_articles
    simple = ArticlePageFactory(
        parent=newsroom.news_index, authors=[AuthorPageFactory(parent=newsroom.author_index, live=True)], live=True
    )

    assert len(queries_for(client, rich_article.url)) <= 10
    assert len(queries_for(client, simple.url)) <= 10


@pytest.mark.parametrize("url", ["/", "/section/science/"])
def test_listings_of_twenty_stay_within_twelve_queries_whatever_the_total(client, newsroom_with_articles, url):
    assert len(queries_for(client, url)) <= 12


def test_author_page_stays_within_ten_queries(client, newsroom_with_articles):
    _, _, authors = newsroom_with_articles

    assert len(queries_for(client, authors[0].url)) <= 10


@pytest.mark.parametrize("url", ["/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/"])
def test_feed_stays_within_eight_queries(client, newsroom_with_articles, url):
    assert len(queries_for(client, url)) <= 8


def test_conditional_feed_request_is_answered_304_within_three_queries(client, newsroom_with_articles):
    etag = client.get("/feeds/latest/rss/")["ETag"]

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/feeds/latest/rss/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert len(queries) <= 3


def test_anonymous_reading_never_writes_to_the_database(client, newsroom_with_articles):
    _, article, authors = newsroom_with_articles
    urls = [
        article.url, "/", "/section/science/", authors[0].url, "/authors/", "/search/?q=headline",
        "/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/", "/sitemap.xml", "/sitemap-news.xml",
        "/api/v2/pages/?type=newsroom_articles.ArticlePage", "/no-such-page/",
    ]  # fmt: skip
    clear_caches()  # cold caches: the first reader of everything

    with CaptureQueriesContext(connection) as queries:
        for url in urls:
            client.get(url)

    writes = [query["sql"] for query in queries.captured_queries if WRITE_RE.match(query["sql"])]
    assert writes == []


def test_page_responses_carry_validators_a_cdn_can_honour(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles

    response = client.get(article.url)

    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert client.get(article.url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_signed_in_users_always_get_a_fresh_page(admin_client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    admin_client.get(article.url)
    ArticlePage.objects.filter(pk=article.pk).update(title="Changed behind the cache's back")

    assert "Changed behind the cache" in admin_client.get(article.url).content.decode()


@pytest.mark.parametrize(
    "url", ["article", "/", "/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/", "/search/?q=headline"]
)
def test_a_warm_page_or_feed_is_served_from_the_cache_without_the_database(client, newsroom_with_articles, url):
    _, article, _ = newsroom_with_articles
    url = article.url if url == "article" else url
    first = client.get(url)

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)

    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    # None; one when the local-memory copy of the content version (kept a second) has just expired.
    assert len(queries) <= 1


def test_a_missing_page_is_answered_from_the_cache_until_a_page_is_published_there(client, newsroom_with_articles):
    newsroom, _, authors = newsroom_with_articles
    for url in ("/no-such-story/", "/wp-login.php"):  # a page path, and a path no URL pattern matches
        assert client.get(url).status_code == 404

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/no-such-story/").status_code == 404
        assert client.get("/wp-login.php").status_code == 404
    article = ArticlePageFactory(parent=newsroom.news_index, slug="no-such-story", authors=authors[:1])
    article.save_revision().publish()

    assert len(queries) <= 1  # one when the local copy of the content version has just expired
    assert client.get("/no-such-story/").status_code == 200


# Each change a reader must see on the very next request, with the page cache warm.


def test_an_edit_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    for url in (article.url, "/", "/feeds/latest/atom/", "/search/?q=headline"):
        client.get(url)
    article.title = "A corrected headline"
    article.save_revision().publish()

    assert "A corrected headline" in client.get(article.url).content.decode()
    assert "A corrected headline" in client.get("/").content.decode()
    assert "A corrected headline" in client.get("/feeds/latest/atom/").content.decode()
    assert "A corrected headline" in client.get("/search/?q=headline").content.decode()


def test_unpublishing_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    client.get(article.url)
    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_making_a_page_private_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    client.get(article.url)
    PageViewRestriction.objects.create(page=article, restriction_type="login")

    assert client.get(article.url).status_code == 302  # to the login page, not the cached article


def test_a_move_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    client.get("/")
    archive = Page.get_first_root_node().add_child(instance=NewsIndexPage(title="Archive", slug="archive"))
    article.move(archive, pos="last-child")

    assert article.title not in client.get("/").content.decode()


def test_an_author_page_change_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, authors = newsroom_with_articles
    client.get(article.url)
    authors[0].title = "Renamed Author"
    authors[0].save_revision().publish()

    assert "Renamed Author" in client.get(article.url).content.decode()


def test_a_copyright_settings_change_is_visible_on_the_next_request(client, newsroom_with_articles):
    newsroom, _, _ = newsroom_with_articles
    client.get("/")
    site_settings = NewsroomSettings.for_site(newsroom.news_index.get_site())
    site_settings.copyright_notice = CopyrightNotice.objects.create(holder="New Holder", year=2026)
    site_settings.save()

    assert "© 2026 New Holder. All rights reserved." in client.get("/").content.decode()


def test_a_password_form_is_never_cached_for_other_readers(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="secret")
    client.cookies["csrftoken"] = "a" * 32  # a reader who already has a CSRF cookie

    first = client.get(article.url)

    assert first.status_code == 200  # Wagtail's password form
    assert "ETag" not in first  # not stored, so no other reader gets this reader's CSRF token


@pytest.mark.parametrize("cache_control", ["private", "no-cache", "max-age=0, no-store, must-revalidate"])
def test_a_response_that_forbids_shared_caching_is_never_kept(rf, cache_control):
    response = HttpResponse("A preview")
    response.reader_cache_tag = "page"  # a Newsroom page, as Wagtail's preview serves it

    assert reader_cache_tag(rf.get("/"), response) == "page"
    response["Cache-Control"] = cache_control
    assert reader_cache_tag(rf.get("/"), response) is None


@pytest.mark.parametrize("vary", ["Accept-Language", "Cookie, Accept-Encoding"])
def test_a_response_that_varies_by_more_than_cookies_is_never_kept(rf, vary):
    response = HttpResponse("Nachrichten")
    response.reader_cache_tag = "page"
    response["Vary"] = "Cookie"

    assert reader_cache_tag(rf.get("/"), response) == "page"
    response["Vary"] = vary
    assert reader_cache_tag(rf.get("/"), response) is None


def test_a_new_redirect_replaces_a_cached_not_found_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    assert client.get("/old-story-address/").status_code == 404

    Redirect.objects.create(old_path="/old-story-address", redirect_page=article)

    assert client.get("/old-story-address/")["Location"] == article.url


@pytest.mark.parametrize("url", ["/", "/feeds/latest/rss/", "/no-such-page/"])
def test_a_cached_response_varies_as_the_fresh_one_did(client, newsroom_with_articles, url):
    clear_caches()

    fresh, cached = client.get(url), client.get(url)

    assert cached.get("Vary") == fresh.get("Vary")
    if url == "/":
        assert "Cookie" in cached["Vary"]

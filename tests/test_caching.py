"""The reader cache (articles.caching): validators a CDN can honour, and never a stale or private page."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from articles.caching import bump_content_version, reader_cache_tag, remember_site_and_settings
from articles.models import ArticlePage, ContentVersion, NewsroomSettings

from .factories import (
    ArticlePageFactory,
    CopyrightNoticeFactory,
    NewsIndexPageFactory,
    PageViewRestrictionFactory,
    RedirectFactory,
    SiteFactory,
)
from .helpers import clear_caches


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
    "url",
    [
        "article", "/", "/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/", "/search/?q=headline",
        "/sitemap.xml", "/sitemap-pages.xml", "/sitemap-news-index.xml", "/sitemap-news.xml", "/robots.txt",
        "/api/v2/pages/?type=newsroom_articles.ArticlePage&fields=*", "/api/v2/pages/?search=headline",
    ],
)  # fmt: skip
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


def test_an_edit_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    api = f"/api/v2/pages/{article.pk}/"
    for url in (article.url, "/", "/feeds/latest/atom/", "/search/?q=headline", api):
        client.get(url)
    article.title = "A corrected headline"
    article.save_revision().publish()

    assert "A corrected headline" in client.get(article.url).content.decode()
    assert "A corrected headline" in client.get("/").content.decode()
    assert "A corrected headline" in client.get("/feeds/latest/atom/").content.decode()
    assert "A corrected headline" in client.get("/search/?q=headline").content.decode()
    assert "A corrected headline" in client.get(api).content.decode()


def test_unpublishing_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    client.get(article.url)
    article.unpublish()

    assert client.get(article.url).status_code == 404


def test_making_a_page_private_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    client.get(article.url)
    PageViewRestrictionFactory(page=article)

    assert client.get(article.url).status_code == 302  # to the login page, not the cached article


def test_a_move_is_visible_on_the_next_request(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    client.get("/")
    archive = NewsIndexPageFactory(parent=Page.get_first_root_node(), title="Archive", slug="archive", live=True)
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
    site_settings.copyright_notice = CopyrightNoticeFactory(holder="New Holder", year=2026)
    site_settings.save()

    assert "© 2026 New Holder. All rights reserved." in client.get("/").content.decode()


def test_a_password_form_is_never_cached_for_other_readers(client, newsroom_with_articles):
    _, article, _ = newsroom_with_articles
    PageViewRestrictionFactory(page=article, password="secret")
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

    RedirectFactory(old_path="/old-story-address", redirect_page=article)

    assert client.get("/old-story-address/")["Location"] == article.url


@pytest.mark.parametrize("url", ["/", "/feeds/latest/rss/", "/no-such-page/", "/sitemap-pages.xml"])
def test_a_cached_response_varies_as_the_fresh_one_did(client, newsroom_with_articles, url):
    clear_caches()

    fresh, cached = client.get(url), client.get(url)

    assert cached.get("Vary") == fresh.get("Vary")
    assert cached.get("X-Robots-Tag") == fresh.get("X-Robots-Tag")  # sitemaps keep crawlers' noindex
    if url == "/":
        assert "Cookie" in cached["Vary"]


def test_wagtail_answers_with_the_site_and_settings_the_cache_gave_the_request(rf, newsroom):
    # Pins what remember_site_and_settings relies on in the installed Wagtail: find_for_request
    # and for_request answer from what it kept on the request.
    other_site = SiteFactory(root_page=newsroom.news_index)
    other_settings = NewsroomSettings.for_site(other_site)
    request = rf.get("/", HTTP_HOST="localhost")
    remember_site_and_settings(request, other_site, other_settings)

    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is other_site
        assert NewsroomSettings.for_request(request) is other_settings
    assert len(queries) == 0


def test_reading_the_content_version_never_writes_and_a_bump_saves_a_missing_one(db):
    ContentVersion.objects.all().delete()  # as a flushed database has none

    assert ContentVersion.current().number == 0
    assert not ContentVersion.objects.exists()
    bump_content_version()
    assert ContentVersion.objects.get().number == 1

"""The sitemaps and robots.txt, as crawlers read them: two indexes, each listing its sitemap's pages."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import ArticlePage
from articles.sitemaps import NewsSitemap, PagesSitemap

from .factories import ArticlePageFactory, PageViewRestrictionFactory
from .helpers import SEED_URL

SITEMAPS_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def test_sitemap_index_lists_one_sitemap_per_page_of_the_full_sitemap(client, newsroom, monkeypatch):
    monkeypatch.setattr(PagesSitemap, "limit", 2)
    for number in range(5):  # 5 articles, the home and authors pages in English and French: 9 URLs
        ArticlePageFactory(parent=newsroom.news_index, title=f"Story {number}", live=True)

    response = client.get("/sitemap.xml")
    index = BeautifulSoup(response.content, "xml")

    assert response["Content-Type"] == "application/xml"
    assert index.find("sitemapindex")["xmlns"] == SITEMAPS_NS
    assert sitemap_locations(index) == [
        "http://localhost/sitemap-pages.xml",
        "http://localhost/sitemap-pages.xml?p=2",
        "http://localhost/sitemap-pages.xml?p=3",
        "http://localhost/sitemap-pages.xml?p=4",
        "http://localhost/sitemap-pages.xml?p=5",
    ]
    pages = [url_locations(client, location) for location in sitemap_locations(index)]
    assert [len(page) for page in pages] == [2, 2, 2, 2, 1]
    listed = [location for page in pages for location in page]
    assert len(set(listed)) == 9
    assert {"http://localhost/", "http://localhost/authors/", "http://localhost/story-4/"} <= set(listed)
    assert {"http://localhost/fr/", "http://localhost/fr/authors/"} <= set(listed)


def test_sitemap_indexes_give_each_sitemap_its_newest_publication_time(client, seed_article, newsroom):
    newest = ArticlePageFactory(parent=newsroom.news_index, title="Newest story", live=True)

    for address in ("/sitemap.xml", "/sitemap-news-index.xml"):
        index = BeautifulSoup(client.get(address).content, "xml")
        assert index.find("sitemap").find("lastmod").get_text() == newest.last_published_at.isoformat(), address


def test_full_sitemaps_hold_at_most_50000_urls_and_news_sitemaps_1000():
    assert PagesSitemap.limit == 50_000
    assert NewsSitemap.limit == 1_000


def test_sitemap_lists_live_pages_with_their_last_publication_date(client, seed_article, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, title="Draft story")

    soup = BeautifulSoup(client.get("/sitemap-pages.xml").content, "xml")
    entries = {url.find("loc").get_text(): url.find("lastmod") for url in soup.find_all("url")}

    assert soup.find("urlset")["xmlns"] == SITEMAPS_NS
    assert entries[SEED_URL].get_text() == seed_article.last_published_at.date().isoformat()
    assert not any("draft-story" in location for location in entries)


def test_sitemap_leaves_out_an_expired_story_wagtail_has_not_yet_unpublished(client, newsroom, monkeypatch):
    monkeypatch.setattr(PagesSitemap, "limit", 2)
    expired = ArticlePageFactory(parent=newsroom.news_index, title="Expired story", live=True)
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    index = BeautifulSoup(client.get("/sitemap.xml").content, "xml")

    # The home and authors pages, in English and in French.
    assert sitemap_locations(index) == ["http://localhost/sitemap-pages.xml", "http://localhost/sitemap-pages.xml?p=2"]
    assert url_locations(client, "/sitemap-pages.xml") == ["http://localhost/", "http://localhost/authors/"]
    assert url_locations(client, "/sitemap-pages.xml?p=2") == ["http://localhost/fr/", "http://localhost/fr/authors/"]


@pytest.mark.parametrize("page", ["2", "0", "x"])
def test_a_sitemap_page_past_the_end_or_not_a_number_is_not_found(client, seed_article, page):
    assert client.get("/sitemap-pages.xml", {"p": page}).status_code == 404
    assert client.get("/sitemap-news.xml", {"p": page}).status_code == 404


def test_google_news_sitemap_lists_recent_live_articles_with_publication(client, seed_article):
    response = client.get("/sitemap-news.xml")
    soup = BeautifulSoup(response.content, "xml")

    assert soup.find("loc").get_text() == SEED_URL
    assert soup.find("news:name").get_text() == "Test Newsroom"
    assert soup.find("news:language").get_text() == "en"
    assert soup.find("news:publication_date").get_text() == seed_article.first_published_at.isoformat()
    assert news_sitemap_titles(client) == [seed_article.title]


def test_google_news_sitemap_excludes_drafts_private_and_older_articles(client, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, title="Fresh story", live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Draft story")
    private = ArticlePageFactory(parent=newsroom.news_index, title="Private story", live=True)
    PageViewRestrictionFactory(page=private)
    old = ArticlePageFactory(parent=newsroom.news_index, title="Old story", live=True)
    ArticlePage.objects.filter(pk=old.pk).update(first_published_at=timezone.now() - timedelta(days=2, minutes=1))

    assert news_sitemap_titles(client) == ["Fresh story"]


def test_news_sitemap_index_splits_the_news_sitemap_at_its_limit_newest_first(client, newsroom, monkeypatch):
    monkeypatch.setattr(NewsSitemap, "limit", 2)
    for number in range(5):
        ArticlePageFactory(parent=newsroom.news_index, title=f"Story {number}", live=True)

    index = BeautifulSoup(client.get("/sitemap-news-index.xml").content, "xml")

    assert index.find("sitemapindex")["xmlns"] == SITEMAPS_NS
    assert sitemap_locations(index) == [
        "http://localhost/sitemap-news.xml",
        "http://localhost/sitemap-news.xml?p=2",
        "http://localhost/sitemap-news.xml?p=3",
    ]
    assert [news_sitemap_titles(client, location) for location in sitemap_locations(index)] == [
        ["Story 4", "Story 3"],
        ["Story 2", "Story 1"],
        ["Story 0"],
    ]


def test_a_story_republished_from_another_outlet_is_in_neither_sitemap(client, newsroom):
    ArticlePageFactory(
        parent=newsroom.news_index,
        title="Republished story",
        canonical_url="https://www.foxnews.com/science/russia-astronaut",
        live=True,
    )
    ArticlePageFactory(
        parent=newsroom.news_index,
        title="Own story",
        canonical_url="https://localhost/own-story/",  # the site's own address: still its own story
        live=True,
    )

    assert news_sitemap_titles(client) == ["Own story"]
    listed = url_locations(client, "/sitemap-pages.xml")
    assert "http://localhost/own-story/" in listed
    assert not any("republished-story" in location for location in listed)


def test_robots_txt_points_at_both_sitemap_indexes(client, newsroom):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        "Sitemap: http://localhost/sitemap.xml",
        "Sitemap: http://localhost/sitemap-news-index.xml",
    ]
    for line in response.content.decode().splitlines()[-2:]:
        index = BeautifulSoup(client.get(line.removeprefix("Sitemap: http://localhost")).content, "xml")
        assert index.find("sitemapindex") is not None, line


def sitemap_locations(index):
    return [sitemap.find("loc").get_text() for sitemap in index.find_all("sitemap")]


def url_locations(client, address):
    response = client.get(address.removeprefix("http://localhost"))
    assert response.status_code == 200, address
    return [url.find("loc").get_text() for url in BeautifulSoup(response.content, "xml").find_all("url")]


def news_sitemap_titles(client, address="/sitemap-news.xml"):
    response = client.get(address.removeprefix("http://localhost"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "xml")
    return [title.get_text() for title in soup.find_all("news:title")]

"""The sitemaps and robots.txt, as crawlers read them."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import ArticlePage

from .factories import ArticlePageFactory, PageViewRestrictionFactory
from .helpers import SEED_URL


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


def test_sitemap_lists_live_pages_with_their_last_publication_date(client, seed_article, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, title="Draft story")

    soup = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    entries = {url.find("loc").get_text(): url.find("lastmod") for url in soup.find_all("url")}

    assert entries[SEED_URL].get_text() == seed_article.last_published_at.date().isoformat()
    assert not any("draft-story" in location for location in entries)


def test_robots_txt_points_at_both_sitemaps(client, newsroom):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        "Sitemap: http://localhost/sitemap.xml",
        "Sitemap: http://localhost/sitemap-news.xml",
    ]


def news_sitemap_titles(client):
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "xml")
    return [title.get_text() for title in soup.find_all("news:title")]

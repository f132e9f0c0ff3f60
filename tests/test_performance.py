"""Speed as a tested property: query budgets, no writes on the read path, and a cache that is never stale.

Query counts are deterministic; timings are measured by ``make bench``, not here.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import ArticlePageFactory, AuthorPageFactory
from .helpers import clear_caches, queries_for

WRITE_RE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


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
        "/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/", "/sitemap.xml", "/sitemap-pages.xml",
        "/sitemap-news-index.xml", "/sitemap-news.xml",
        "/api/v2/pages/?type=newsroom_articles.ArticlePage", "/no-such-page/",
    ]  # fmt: skip
    clear_caches()  # cold caches: the first reader of everything

    with CaptureQueriesContext(connection) as queries:
        for url in urls:
            client.get(url)

    writes = [query["sql"] for query in queries.captured_queries if WRITE_RE.match(query["sql"])]
    assert writes == []


# Each change a reader must see on the very next request, with the page cache warm.


API_ARTICLES = "/api/v2/pages/?type=newsroom_articles.ArticlePage"


@pytest.mark.parametrize(
    "fields", ["", "&fields=*", "&fields=byline,tags,corrections,image&author=", "&search=headline"]
)
def test_the_api_list_costs_the_same_queries_for_one_article_or_twenty(client, newsroom_with_articles, fields):
    if fields.endswith("&author="):
        fields += newsroom_with_articles[2][0].slug
    one = queries_for(client, f"{API_ARTICLES}&limit=1{fields}")
    twenty = queries_for(client, f"{API_ARTICLES}&limit=20{fields}")

    assert len(twenty) == len(one)
    assert len(twenty) <= 14

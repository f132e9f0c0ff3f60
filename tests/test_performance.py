"""Speed as a tested property: query budgets, no writes on the read path, and a cache that is never stale.

Query counts are deterministic; timings are measured by ``make bench``, not here.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import NewsroomSettings

from .factories import ArticlePageFactory, AuthorPageFactory, SectionFactory
from .helpers import clear_caches, queries_for

WRITE_RE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


# The site publishes in two languages (English and French, as the example site does): a page pays
# one query more for Wagtail's lookup of the active locale as it routes, and one for the page's own
# translations (the hreflang links and the language switcher).
I18N_PAGE_QUERIES = 2


def test_article_page_stays_within_twelve_queries_with_one_author_or_five(client, newsroom_with_articles):
    newsroom, rich_article, _ = newsroom_with_articles
    simple = ArticlePageFactory(
        parent=newsroom.news_index, authors=[AuthorPageFactory(parent=newsroom.author_index, live=True)], live=True
    )

    assert len(queries_for(client, rich_article.url)) <= 10 + I18N_PAGE_QUERIES
    assert len(queries_for(client, simple.url)) <= 10 + I18N_PAGE_QUERIES


@pytest.mark.parametrize("url", ["/section/science/", "/?page=2", "/section/science/?page=2"])
def test_listings_of_twenty_stay_within_twelve_queries_whatever_the_total(client, newsroom_with_articles, url):
    assert len(queries_for(client, url)) <= 12


def test_the_front_page_stays_within_sixteen_queries_whatever_the_total(client, newsroom_with_articles):
    # A listing's 12, with the section blocks' stories and their bylines and images (articles.front_page).
    assert len(queries_for(client, "/")) <= 14 + I18N_PAGE_QUERIES


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-news-index.xml", "/sitemap-news.xml", "/sitemap-pages.xml"])
def test_sitemaps_cost_the_same_queries_for_one_article_or_many(client, newsroom, url):
    ArticlePageFactory(parent=newsroom.news_index, live=True)
    one = len(queries_for(client, url))
    for _ in range(10):
        ArticlePageFactory(parent=newsroom.news_index, live=True)

    assert len(queries_for(client, url)) == one
    assert one <= 8


def test_author_page_stays_within_twelve_queries(client, newsroom_with_articles):
    _, _, authors = newsroom_with_articles

    assert len(queries_for(client, authors[0].url)) <= 10 + I18N_PAGE_QUERIES


@pytest.mark.parametrize("url", ["/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/"])
def test_feed_stays_within_ten_queries(client, newsroom_with_articles, url):
    # The articles and their items (from the cache), and two for the stories lately withdrawn.
    assert len(queries_for(client, url)) <= 10


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
    # Wagtail's API scopes each queryset to the site's home and, in two languages, its translations:
    # one query more each time (four).
    assert len(twenty) <= 18


def test_a_page_after_another_story_is_published_asks_nothing_about_the_site(client, newsroom_with_articles, settings):
    """The site, its settings and its sections are kept under the version's shared token, which a
    publish of an article leaves alone: even with the reader cache off, the first reader after a
    publish pays only for the article."""
    settings.NEWSROOM_CACHE_SECONDS = 0
    newsroom, article, _ = newsroom_with_articles
    client.get(article.url)
    ArticlePageFactory(parent=newsroom.news_index, title="Another story").save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200

    tables = ("wagtailcore_site", "newsroom_articles_newsroomsettings", "newsroom_articles_section")
    asked = [query["sql"] for query in queries.captured_queries if any(f'FROM "{t}"' in query["sql"] for t in tables)]
    assert asked == []
    # The article, its byline, photos, tags, corrections, image sizes, privacy, its related stories,
    # the active locale and its translations.
    assert len(queries) <= 11 + I18N_PAGE_QUERIES


def test_with_the_reader_cache_off_a_settings_or_section_change_shows_at_once(client, newsroom_with_articles, settings):
    settings.NEWSROOM_CACHE_SECONDS = 0
    _, article, _ = newsroom_with_articles
    client.get(article.url)
    site_settings = NewsroomSettings.objects.get()
    site_settings.publisher_name = "Harbour Daily Press"
    site_settings.save()
    SectionFactory(name="Weather")

    page = client.get(article.url).content.decode()
    assert "Harbour Daily Press" in page
    assert "Weather" in page


def test_the_sitemap_index_counts_its_pages_and_finds_the_newest_in_one_query(client, newsroom):
    for _ in range(3):
        ArticlePageFactory(parent=newsroom.news_index, live=True)

    aggregates = [sql for sql in queries_for(client, "/sitemap.xml") if re.search(r"\b(COUNT|MAX)\(", sql)]

    assert len(aggregates) == 1  # each is a pass over every page: two took twice as long at 100,000


def test_the_api_list_looks_for_expired_pages_once(client, newsroom_with_articles):
    queries = queries_for(client, f"{API_ARTICLES}&fields=*")
    expiry_lookups = [sql for sql in queries if re.search(r'"expire_at" <=', sql)]

    assert len(expiry_lookups) == 1


@pytest.mark.django_db
def test_pages_past_their_expiry_are_found_by_an_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")

    assert any(found["index"] and found["columns"] == ["expire_at"] for found in constraints.values())

"""Machine-readable attribution: JSON-LD, Open Graph, sitemaps and robots.txt, read by real extractors."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from articles.models import ArticlePage, Outlet, Section, SourceRelationship

from .factories import ArticlePageFactory, AuthorPageFactory, OutletFactory, SectionFactory
from .helpers import SEED_FILE, SEED_URL, extract, json_ld_of_type, open_graph


def test_seed_article_has_open_graph_twitter_canonical_and_description(client, seed_article):
    seed_article.section = SectionFactory(name="Science")
    seed_article.tags.add("space")
    seed_article.save_revision().publish()
    seed_article.refresh_from_db()

    response = client.get(seed_article.url)
    properties = open_graph(extract(client, seed_article.url))
    soup = BeautifulSoup(response.content, "html.parser")

    assert ("og:type", "article") in properties
    assert ("og:url", SEED_URL) in properties
    assert ("article:published_time", seed_article.first_published_at.isoformat()) in properties
    assert ("article:modified_time", seed_article.last_published_at.isoformat()) in properties
    assert ("article:author", "http://localhost/authors/solange-reyner/") in properties
    assert ("article:section", "Science") in properties
    assert ("article:tag", "space") in properties
    assert soup.select_one("meta[name='twitter:card']")["content"] == "summary"
    assert soup.select_one("link[rel=canonical]")["href"] == SEED_URL
    assert soup.select_one("meta[name=description]")["content"].endswith("…")


def test_seo_title_and_description_win_over_the_fallbacks(client, newsroom):
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        title="A long headline for the page",
        dek="The standfirst.",
        seo_title="Short SEO title",
        search_description="Written for search engines.",
        live=True,
    )

    soup = BeautifulSoup(client.get(article.url).content, "html.parser")

    assert soup.title.string.startswith("Short SEO title")
    assert soup.select_one("meta[property='og:title']")["content"] == "Short SEO title"
    assert soup.select_one("meta[name=description]")["content"] == "Written for search engines."


def test_description_falls_back_to_the_standfirst(client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, dek="The standfirst.", live=True)

    soup = BeautifulSoup(client.get(article.url).content, "html.parser")

    assert soup.select_one("meta[name=description]")["content"] == "The standfirst."


def test_republished_story_points_its_canonical_link_at_the_original(client, seed_article):
    seed_article.source_relationship = SourceRelationship.ORIGINALLY_PUBLISHED_BY
    seed_article.canonical_url = "https://www.foxnews.com/science/russia-astronaut"
    seed_article.save_revision().publish()

    response = client.get(seed_article.url)
    soup = BeautifulSoup(response.content, "html.parser")
    article = json_ld_of_type(extract(client, seed_article.url), "NewsArticle")

    assert soup.select_one("link[rel=canonical]")["href"] == "https://www.foxnews.com/science/russia-astronaut"
    assert article["isBasedOn"]["url"] == "https://www.foxnews.com/science/russia-astronaut"
    assert soup.select_one(".source-credit").get_text(" ", strip=True) == "Originally published by Fox News"


def test_importer_reuses_the_outlet_record_matched_by_name(newsroom, tmp_path):
    OutletFactory(name="FOX NEWS", url="https://www.foxnews.com/")

    call_command("import_story", str(SEED_FILE), stdout=io.StringIO())

    assert Outlet.objects.count() == 1
    assert ArticlePage.objects.get().source.url == "https://www.foxnews.com/"


def test_outlet_url_is_linked_from_the_credit(client, seed_article):
    Outlet.objects.filter(name="Fox News").update(url="https://www.foxnews.com/")

    credit = BeautifulSoup(client.get(seed_article.url).content, "html.parser").select_one(".source-credit a")

    assert (credit.get_text(), credit["href"]) == ("Fox News", "https://www.foxnews.com/")


@pytest.fixture
def listings_of_three(newsroom, settings):
    """Three articles by one author, in one section and tag, listed two to a page."""
    settings.NEWSROOM_PAGE_SIZE = 2
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ada Page", live=True)
    section = SectionFactory(name="Science", slug="science")
    for _ in range(3):
        article = ArticlePageFactory(parent=newsroom.news_index, authors=[author], section=section, live=True)
        article.tags.add("space")
        article.save_revision().publish()
    return ["/", "/section/science/", "/tag/space/", author.url]


def canonical_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").select_one("head link[rel=canonical]")["href"]


def test_each_page_of_a_listing_is_its_own_canonical_url(client, listings_of_three):
    for listing in listings_of_three:
        assert canonical_of(client, f"{listing}?page=2") == f"http://localhost{listing}?page=2"


@pytest.mark.parametrize("query", ["", "?page=1", "?page=01", "?page=x"])
def test_a_listings_first_page_has_the_listings_own_canonical_url(client, listings_of_three, query):
    for listing in listings_of_three:
        assert canonical_of(client, f"{listing}{query}") == f"http://localhost{listing}"


def meta_description(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    description = page.select_one("head meta[name=description]")
    return description["content"] if description else None


def test_every_listing_describes_itself_to_search_engines(client, listings_of_three):
    described = {url: meta_description(client, url) for url in [*listings_of_three, "/authors/", "/search/"]}

    assert described == {
        "/": "The latest stories from Test Newsroom, newest first.",
        "/section/science/": "The latest Science stories from Test Newsroom.",
        "/tag/space/": "Stories about “space” from Test Newsroom, newest first.",
        listings_of_three[3]: "Articles by Ada Page",
        "/authors/": "Our journalists, each with their bio and their stories.",
        "/search/": "Search every story by its words, and narrow the results by section, author and date.",
    }


def test_a_sections_own_description_and_the_editors_win(client, listings_of_three, newsroom):
    Section.objects.filter(slug="science").update(description="Discoveries & doubts.")
    newsroom.news_index.search_description = "News from the harbour town."
    newsroom.news_index.save_revision().publish()

    assert meta_description(client, "/section/science/") == "Discoveries & doubts."
    assert meta_description(client, "/") == "News from the harbour town."


@pytest.mark.parametrize("query", ["?q=space", "?section=science", "?q="])
def test_search_results_ask_not_to_be_indexed_and_the_search_page_is_indexed(client, listings_of_three, query):
    results = BeautifulSoup(client.get(f"/search/{query}").content, "html.parser")
    search_page = BeautifulSoup(client.get("/search/").content, "html.parser")

    assert results.select_one("meta[name=robots]")["content"] == "noindex"
    assert results.select_one("link[rel=canonical]") is None
    assert search_page.select_one("meta[name=robots]") is None
    assert search_page.select_one("link[rel=canonical]")["href"] == "http://localhost/search/"

"""/search/ over headline, standfirst, body and author names: on SQLite and PostgreSQL alike."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import ArticlePageFactory, PageViewRestrictionFactory

SEED_HEADLINE = "Russia is threatening to leave an American astronaut stranded in space"


def result_titles(client, query, page=None):
    params = {"q": query} | ({"page": page} if page else {})
    response = client.get("/search/", params)
    assert response.status_code == 200
    return [link.get_text() for link in BeautifulSoup(response.content, "html.parser").select(".card-headline a")]


@pytest.mark.parametrize("query", ["Vande Hei", "Solange Reyner", "astronaut stranded", "Rogozin"])
def test_search_finds_the_seed_story(client, seed_article, query):
    assert result_titles(client, query) == [SEED_HEADLINE]


def test_search_finds_words_in_the_standfirst(client, newsroom):
    ArticlePageFactory(
        parent=newsroom.news_index, title="Budget day", dek="Chancellor unveils spending plans", live=True
    )

    assert result_titles(client, "spending plans") == ["Budget day"]


def test_search_never_returns_drafts_or_private_pages(client, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, title="Harbour story published", live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Harbour story draft")
    private = ArticlePageFactory(parent=newsroom.news_index, title="Harbour story private", live=True)
    PageViewRestrictionFactory(page=private)

    assert result_titles(client, "harbour") == ["Harbour story published"]


def test_search_results_come_newest_first_however_often_a_story_says_the_word(client, newsroom):
    """Newest first, as the listings and feeds read, never by relevance: on SQLite, modelsearch
    ranks with one full-text match per matching story, so a word in every story of 20,000 took
    41 s (``make bench-scale``); newest first it is one match for the whole search."""
    now = timezone.now()
    two_days_ago = now - timedelta(days=2)
    ArticlePageFactory(
        parent=newsroom.news_index, title="Harbour harbour harbour", first_published_at=two_days_ago, live=True
    )
    ArticlePageFactory(parent=newsroom.news_index, title="Harbour reopens", first_published_at=now, live=True)

    assert result_titles(client, "harbour") == ["Harbour reopens", "Harbour harbour harbour"]


def test_search_results_are_paginated(client, newsroom, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for number in range(3):
        ArticlePageFactory(parent=newsroom.news_index, title=f"Harbour story {number}", live=True)

    first, second = result_titles(client, "harbour"), result_titles(client, "harbour", page=2)

    assert len(first) == 2
    assert len(second) == 1
    assert set(first + second) == {"Harbour story 0", "Harbour story 1", "Harbour story 2"}


def test_empty_search_shows_the_form_and_no_results(client, newsroom):
    soup = BeautifulSoup(client.get("/search/").content, "html.parser")

    assert soup.select_one("form[role=search] input[name=q]")
    assert not soup.select(".listing")


def test_search_pages_link_to_each_other_keeping_the_query(client, newsroom, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for number in range(3):
        ArticlePageFactory(parent=newsroom.news_index, title=f"Harbour story {number}", live=True)

    soup = BeautifulSoup(client.get("/search/", {"q": "harbour"}).content, "html.parser")

    assert soup.select_one(".listing p").get_text() == "3 results for “harbour”."
    assert soup.select_one(".pagination span").get_text() == "Page 1 of 2"
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?q=harbour&page=2"
    assert soup.select_one(".pagination a[rel=next]").get_text() == "Next"


def test_search_past_the_last_page_shows_the_last_page(client, newsroom, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for number in range(3):
        ArticlePageFactory(parent=newsroom.news_index, title=f"Harbour story {number}", live=True)

    for page in ("3", "999999999999"):
        assert len(result_titles(client, "harbour", page=page)) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40))
def test_search_answers_any_query_a_reader_types(client, seed_article, query):
    """Quotes, brackets, operators and stray punctuation are words to look for, never a query syntax
    the database may refuse ('"<x>"' answered 500 on SQLite's full-text search)."""
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "query", ['"<x>"', '"', "AND", "NOT astronaut", "astro*", "(space", "a:b", "-", "^", "NEAR(a b)"]
)
def test_search_answers_query_syntax_as_words(client, seed_article, query):
    assert client.get("/search/", {"q": query}).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite searches its own full-text table")
def test_on_postgresql_what_a_search_matches_has_an_index(client, seed_article):
    with CaptureQueriesContext(connection) as queries:
        client.get("/search/", {"q": "astronaut"})
    search = next(query["sql"] for query in queries.captured_queries if " @@ " in query["sql"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'newsroom_search_title_and_body'")
        (definition,) = cursor.fetchone()

    # The planner uses an index on an expression only where a query has that very expression.
    assert definition.endswith("USING gin (((title || body)))")
    assert '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@ ' in search

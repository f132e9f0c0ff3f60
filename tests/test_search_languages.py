"""On PostgreSQL each story is indexed with the text-search rules of its own language, and a
reader's words are read with those of the active language: a French search finds a French story by
an inflected word that English rules would not reduce to the same stem."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.urls import reverse
from django.utils import translation

from articles.models import NewsIndexPage
from articles.site_setup import setup_newsroom
from newsroom_core.search_backend import search_configuration

from .factories import ArticlePageFactory
from .test_search import SEED_HEADLINE

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="text-search configurations are PostgreSQL's; SQLite's FTS5 has none"
)

FRENCH_LEDE = "La mairie a annoncé hier les dates des élections municipales anticipées."
GERMAN_LEDE = "Die Stadtverwaltung hat die Wahlen für den Gemeinderat auf den Herbst verschoben."


def result_titles(client, query):
    """The headlines the search of the active language's edition (/fr/search/ in French) finds for ``query``."""
    response = client.get(reverse("newsroom_search:search"), {"q": query})
    assert response.status_code == 200
    return [link.get_text() for link in BeautifulSoup(response.content, "html.parser").select(".card-headline a")]


@pytest.fixture
def french_and_german_stories(newsroom, settings):
    """A French story in the French edition and a German one in a German edition: the site in a
    third language, as ``CONTENT_LANGUAGES=en,fr,de`` makes it."""
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    setup_newsroom(site_name="Test Newsroom")
    for title, language, lede in [
        ("Municipales anticipées à Lyon", "fr", FRENCH_LEDE),
        ("Gemeinderatswahl verschoben", "de", GERMAN_LEDE),
    ]:
        ArticlePageFactory(
            parent=NewsIndexPage.objects.get(locale__language_code=language), title=title, language=language,
            live=True, body=[("paragraph", f"<p>{lede}</p>")],
        )  # fmt: skip


@pytest.mark.parametrize("words", ["annonce", "élection municipale", "anticipée"])
def test_french_search_finds_a_french_story_by_an_inflected_word(client, french_and_german_stories, words):
    with translation.override("fr"):
        assert result_titles(client, words) == ["Municipales anticipées à Lyon"]


def test_german_search_finds_a_german_story_by_its_singular(client, french_and_german_stories):
    with translation.override("de"):
        assert result_titles(client, "Wahl") == ["Gemeinderatswahl verschoben"]


def test_english_search_still_finds_english_stories_by_their_stem(client, seed_article):
    assert result_titles(client, "astronauts") == [SEED_HEADLINE]


@pytest.mark.parametrize(
    ("language", "configuration"),
    [("fr", "french"), ("fr-CA", "french"), ("pt-BR", "portuguese"), ("en-us", "english"), ("ar", "arabic"),
     ("ja", "simple"), ("", "simple"), (None, "simple")],
)  # fmt: skip
def test_each_language_is_indexed_with_its_own_rules_or_none(language, configuration):
    assert search_configuration(language) == configuration

"""Names and dates as readers see them, in the active language: "A, B et C", "2 décembre 2026"; English
as the house style has always printed them."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.credits import CreditRole
from newsroom_core.names import join_names
from newsroom_core.reader_formats import join_reader_names, join_reader_names_html

from .factories import ArticlePageFactory, AuthorPageFactory

LANGUAGES = ["en", "fr", "de", "es", "ar", "ja", "pt-br", "zh-hans"]
# Letters of several scripts, and the characters HTML must escape.
NAME_LETTERS = "abcXYZéøßαβγабвгابتثאבגकखग王李张" + "<>&\"'"
WHEN = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)

names = st.lists(st.text(alphabet=NAME_LETTERS, min_size=1, max_size=10), min_size=1, max_size=5)


@pytest.mark.parametrize(
    ("language", "joined"),
    [
        ("en", "Ann Poe, Bo Li and Chen Wu"),
        ("en-us", "Ann Poe, Bo Li and Chen Wu"),
        ("fr", "Ann Poe, Bo Li et Chen Wu"),
        ("de", "Ann Poe, Bo Li und Chen Wu"),
        ("es", "Ann Poe, Bo Li y Chen Wu"),
        ("ar", "Ann Poe وBo Li وChen Wu"),
    ],
)
def test_join_reader_names_uses_the_active_language_s_words(language, joined):
    with translation.override(language):
        assert join_reader_names(["Ann Poe", "Bo Li", "Chen Wu"]) == joined


def test_join_reader_names_joins_two_names_without_a_comma():
    with translation.override("fr"):
        assert join_reader_names(["Ann Poe", "Bo Li"]) == "Ann Poe et Bo Li"


@settings(max_examples=60, deadline=None)
@given(names=names, language=st.sampled_from(LANGUAGES))
def test_join_reader_names_html_keeps_every_name_in_order_and_escaped(names, language):
    linked = [f'<a href="/authors/{index}/">{escape(name)}</a>' for index, name in enumerate(names)]
    with translation.override(language):
        html = join_reader_names_html(linked)
        text = join_reader_names(names)
    soup = BeautifulSoup(html, "html.parser")
    assert [link.get_text() for link in soup.find_all("a")] == names
    assert soup.get_text() == text  # the words between the names survive as text: escaped, not markup
    assert not soup.find_all(lambda tag: tag.name != "a")


def test_the_byline_include_joins_names_in_the_active_language_and_escapes_them(newsroom):
    writers = [
        AuthorPageFactory(parent=newsroom.author_index, title=name, live=True)
        for name in ("Ann Poe", "<b>Bo</b> Li", "Chen Wu")
    ]
    article = ArticlePageFactory(parent=newsroom.news_index, authors=writers, live=True)
    meta = article.get_metadata()
    with translation.override("fr"):
        html = render_to_string("newsroom_articles/includes/byline.html", {"authors": meta.authors})
    byline = BeautifulSoup(html, "html.parser").select_one(".byline")
    assert byline.get_text() == "Par Ann Poe, <b>Bo</b> Li et Chen Wu"
    assert [link.get_text() for link in byline.find_all("a")] == ["Ann Poe", "<b>Bo</b> Li", "Chen Wu"]


def test_the_byline_text_and_credits_line_join_in_the_active_language(newsroom):
    people = [AuthorPageFactory(parent=newsroom.author_index, title=name) for name in ("Ann Poe", "Bo Li", "Cy Ng")]
    credits = [(people[1], CreditRole.PHOTOGRAPHY), (people[2], CreditRole.PHOTOGRAPHY)]
    article = ArticlePageFactory(parent=newsroom.news_index, authors=people[:2], credits=credits, live=True)
    meta = article.get_metadata()
    with translation.override("de"):
        assert meta.byline == "Ann Poe und Bo Li"
        assert meta.credits_text == "Fotos: Bo Li und Cy Ng."
        html = render_to_string("newsroom_articles/includes/credits_line.html", {"credits": meta.credits})
    assert BeautifulSoup(html, "html.parser").get_text().strip() == "Fotos: Bo Li und Cy Ng."
    assert meta.byline == "Ann Poe and Bo Li"


def test_join_names_for_story_files_stays_english_whatever_the_active_language():
    with translation.override("fr"):
        assert join_names(["Ann Poe", "Bo Li", "Chen Wu"]) == "Ann Poe, Bo Li and Chen Wu"


@pytest.mark.parametrize(
    ("language", "day", "day_and_time"),
    [
        ("en", "2 December 2026", "2 December 2026, 14:05 UTC"),
        ("fr", "2 décembre 2026", "2 décembre 2026, 14:05 UTC"),
        ("de", "2. Dezember 2026", "2. Dezember 2026, 14:05 UTC"),
        ("es", "2 de diciembre de 2026", "2 de diciembre de 2026, 14:05 UTC"),
        ("ar", "2 ديسمبر 2026", "2 ديسمبر 2026، 2:05 م UTC"),
    ],
)
def test_newsroom_time_shows_the_date_in_the_active_language(language, day, day_and_time):
    template = Template('{% load newsroom_tags %}{{ when|newsroom_time }}|{{ when|newsroom_time:"datetime" }}')
    with translation.override(language):
        html = template.render(Context({"when": WHEN}))
    machine = '<time datetime="2026-12-02T14:05:00+00:00">'
    assert html == f"{machine}{day}</time>|{machine}{day_and_time}</time>"

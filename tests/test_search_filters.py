"""Search narrowed by section, author and date range, with words or without."""

from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import ArticlePage

from .factories import ArticlePageFactory, AuthorPageFactory, SectionFactory


def results(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text() for link in page.select(".listing .card-headline a")], page


@pytest.fixture
def desk(newsroom):
    harbour, courts = SectionFactory(name="Harbour"), SectionFactory(name="Courts")
    ann = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe", live=True)
    bob = AuthorPageFactory(parent=newsroom.author_index, title="Bob Roe", live=True)
    day = timezone.make_aware(datetime(2026, 11, 10, 12))
    stories = [
        ("Ferry strike ends", harbour, ann, day),
        ("Ferry fares rise", harbour, bob, day + timedelta(days=2)),
        ("Ferry operator in court", courts, ann, day + timedelta(days=4)),
    ]
    for title, section, author, published in stories:
        article = ArticlePageFactory(
            parent=newsroom.news_index, title=title, section=section, authors=[author], live=True
        )
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published)
    return harbour, ann


def test_a_section_narrows_the_search(client, desk):
    assert results(client, q="ferry", section="harbour")[0] == ["Ferry fares rise", "Ferry strike ends"]


def test_an_author_narrows_the_search(client, desk):
    assert results(client, q="ferry", author="ann-poe")[0] == ["Ferry operator in court", "Ferry strike ends"]


def test_a_date_range_takes_both_of_its_days_whole(client, desk):
    found, _ = results(client, q="ferry", since="2026-11-12", until="2026-11-14")

    assert found == ["Ferry operator in court", "Ferry fares rise"]


def test_filters_without_words_list_their_stories_newest_first(client, desk):
    found, page = results(client, section="harbour", author="bob-roe")

    assert found == ["Ferry fares rise"]
    assert "1 result." in page.get_text()


def test_a_range_ending_before_it_starts_is_refused_with_a_message(client, desk):
    found, page = results(client, q="ferry", since="2026-11-14", until="2026-11-12")

    assert found == []
    assert "before its start" in page.select_one(".field-error").get_text()


@pytest.mark.parametrize(
    "params",
    [
        {"section": "no-such-section"},
        {"author": "<script>"},
        {"since": "yesterday"},
        {"until": "2026-02-30"},
        {"until": "9999-12-31"},
        {"since": "0001-01-01"},  # a day past these would overflow Python's dates
    ],
)
def test_an_unknown_filter_value_is_answered_with_a_message_not_an_error(client, desk, params):
    response = client.get("/search/", {"q": "ferry", **params})

    assert response.status_code == 200
    assert b"<script>" not in response.content
    assert BeautifulSoup(response.content, "html.parser").select(".field-error")


def test_the_next_page_keeps_the_words_and_filters(client, newsroom, desk, settings):
    settings.NEWSROOM_PAGE_SIZE = 1
    harbour, _ = desk

    _, page = results(client, q="ferry", section=harbour.slug, since="2026-11-01")
    following = page.select_one("a[rel=next]")["href"]

    found, _ = results(client, **dict(pair.split("=") for pair in following.lstrip("?").split("&")))
    assert following.startswith("?q=ferry&section=harbour&since=2026-11-01&page=2")
    assert found == ["Ferry strike ends"]


def test_the_filters_offer_the_sections_and_live_authors(client, newsroom, desk):
    AuthorPageFactory(parent=newsroom.author_index, title="Draft Author", live=False)

    _, page = results(client)

    assert "Harbour" in [option.get_text() for option in page.select("select[name=section] option")]
    authors = [option.get_text() for option in page.select("select[name=author] option")]
    assert authors == ["Any author", "Ann Poe", "Bob Roe"]


def test_spaces_alone_are_no_search(client, desk):
    found, page = results(client, q="   ")

    assert found == [] and page.select_one(".listing") is None

"""The site-wide corrections page and feed: every published correction, clarification and update,
newest first, each with its story, and never one of a story readers may not see."""

import json
import subprocess
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.feed_checks import check_feed
from articles.models import ArticlePage, CorrectionKind

from .factories import ArticlePageFactory, CorrectionFactory, PageViewRestrictionFactory
from .helpers import ATOM_SCHEMA, requires_jing

PAGE = "/corrections/"
FEED = "/feeds/corrections/rss/"
FORMATS = ["rss", "atom", "json"]


@pytest.fixture
def corrected(newsroom):
    """Two corrected live stories, and corrected stories readers may not see."""
    now = timezone.now()
    older = ArticlePageFactory(parent=newsroom.news_index, title="Harbour story", live=True)
    newer = ArticlePageFactory(parent=newsroom.news_index, title="Election story", live=True)
    CorrectionFactory(article=older, text="The harbour opened in 1921.", published_at=now - timedelta(days=2))
    CorrectionFactory(
        article=newer, kind=CorrectionKind.UPDATE, text="Turnout figures added.", published_at=now - timedelta(hours=1)
    )
    draft = ArticlePageFactory(parent=newsroom.news_index, title="Draft story", live=False)
    private = ArticlePageFactory(parent=newsroom.news_index, title="Private story", live=True)
    PageViewRestrictionFactory(page=private)
    expired = ArticlePageFactory(parent=newsroom.news_index, title="Expired story", live=True)
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=now - timedelta(minutes=1))
    for hidden in (draft, private, expired):
        CorrectionFactory(article=hidden, text=f"Hidden correction to {hidden.title}.")
    return older, newer


def entries(client):
    html = BeautifulSoup(client.get(PAGE).content, "html.parser")
    return [
        (entry.select_one(".card-headline a"), entry.get_text(" ", strip=True))
        for entry in html.select(".correction-entry")
    ]


def test_the_corrections_page_lists_every_published_correction_newest_first_with_its_story(client, corrected):
    _, newer = corrected

    found = entries(client)

    assert [link.get_text() for link, _ in found] == ["Election story", "Harbour story"]
    assert found[0][0]["href"] == f"{newer.url}#corrections"
    assert "Update" in found[0][1] and "Turnout figures added." in found[0][1]
    assert "The harbour opened in 1921." in found[1][1]


def test_the_corrections_page_never_shows_a_story_readers_may_not_see(client, corrected):
    text = client.get(PAGE).content.decode()

    assert "Hidden correction" not in text
    assert "Draft story" not in text and "Private story" not in text and "Expired story" not in text


def test_a_correction_links_to_the_corrections_under_its_story(client, corrected):
    older, _ = corrected

    html = BeautifulSoup(client.get(older.url).content, "html.parser")

    assert html.select_one("#corrections").get_text().count("The harbour opened in 1921.") == 1


def test_the_corrections_page_is_paginated_with_self_canonical_pages(client, newsroom, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)
    for number in range(5):
        CorrectionFactory(article=article, text=f"Correction number {number}.")

    second = BeautifulSoup(client.get(PAGE, {"page": 2}).content, "html.parser")

    assert len(second.select(".correction-entry")) == 2
    assert second.select_one("link[rel=canonical]")["href"].endswith("/corrections/?page=2")
    assert second.select_one("a[rel=next]") and second.select_one("a[rel=prev]")
    assert client.get(PAGE, {"page": 9}).status_code == 404


def test_a_correction_text_is_shown_as_text(client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)
    CorrectionFactory(article=article, text='<script>alert("x")</script> & more')

    body = client.get(PAGE).content.decode()

    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in body


def test_a_site_without_corrections_says_so(client, newsroom):
    assert "No corrections have been published." in client.get(PAGE).content.decode()


@pytest.mark.parametrize("format_name", FORMATS)
def test_the_corrections_feed_lists_them_newest_first_and_passes_the_strict_checks(client, corrected, format_name):
    response = client.get(f"/feeds/corrections/{format_name}/")

    assert response.status_code == 200
    assert check_feed(response.content, response["Content-Type"]) == []
    if format_name == "json":
        items = [(item["title"], item["url"]) for item in json.loads(response.content)["items"]]
    else:
        items = [(entry.title, entry.link) for entry in feedparser.parse(response.content).entries]
    assert [title for title, _ in items] == ["Update: Election story", "Correction: Harbour story"]
    assert items[0][1].endswith(f"{corrected[1].url}#corrections")
    assert "Hidden correction" not in response.content.decode()


def test_a_correction_keeps_its_feed_id_when_its_story_is_renamed(client, corrected):
    older, _ = corrected
    before = {entry.title: entry.id for entry in feedparser.parse(client.get(FEED).content).entries}
    older.title, older.slug = "Harbour story, renamed", "harbour-story-renamed"
    older.save_revision().publish()

    after = {entry.title: entry.id for entry in feedparser.parse(client.get(FEED).content).entries}

    assert after["Correction: Harbour story, renamed"] == before["Correction: Harbour story"]


@requires_jing
def test_the_corrections_atom_feed_is_valid_against_the_rfc_4287_schema(client, corrected, tmp_path):
    feed_file = tmp_path / "corrections.xml"
    feed_file.write_bytes(client.get("/feeds/corrections/atom/").content)

    result = subprocess.run(["jing", "-c", str(ATOM_SCHEMA), str(feed_file)], capture_output=True, text=True)

    assert result.returncode == 0, (result.stdout, result.stderr)


def test_the_corrections_page_advertises_its_feeds(client, newsroom):
    html = BeautifulSoup(client.get(PAGE).content, "html.parser")

    hrefs = {link["href"] for link in html.select("link[rel=alternate]")}
    assert {f"/feeds/corrections/{name}/" for name in FORMATS} <= hrefs

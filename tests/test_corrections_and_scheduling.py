"""Corrections after publication, and scheduled publication, as readers and machines see them."""

import io
import json
from datetime import timedelta

import feedparser
import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticlePage, CorrectionKind

from .factories import CorrectionFactory
from .helpers import SEED_FILE

SEED_PATH = "/russia-is-threatening-to-leave-an-american-astronaut-stranded-in-space/"


@pytest.fixture
def correction(seed_article):
    return CorrectionFactory(
        article=seed_article,
        kind=CorrectionKind.CORRECTION,
        text="An earlier version misstated the length of the mission.",
        published_at=seed_article.first_published_at + timedelta(hours=3),
    )


def test_correction_appears_under_the_body_without_republishing(client, seed_article, correction):
    revisions_before = seed_article.revisions.count()

    soup = BeautifulSoup(client.get(SEED_PATH).content, "html.parser")

    notes = soup.select(".corrections li")
    assert len(notes) == 1
    assert "Correction" in notes[0].get_text()
    assert "misstated the length of the mission" in notes[0].get_text()
    assert seed_article.revisions.count() == revisions_before


def test_correction_is_in_the_json_ld_and_moves_the_modified_time(client, seed_article, correction):
    soup = BeautifulSoup(client.get(SEED_PATH).content, "html.parser")
    data = json.loads(soup.select_one("script[type='application/ld+json']").string)

    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Correction: An earlier version misstated the length of the mission.",
            "datePublished": correction.published_at.isoformat(),
        }
    ]
    assert data["dateModified"] == correction.published_at.isoformat()


def test_correction_is_in_every_feed_at_once(client, seed_article):
    etag = client.get("/feeds/latest/atom/")["ETag"]
    CorrectionFactory(article=seed_article, kind=CorrectionKind.UPDATE, text="Nasa has since replied.")

    atom = client.get("/feeds/latest/atom/", HTTP_IF_NONE_MATCH=etag)
    rss = feedparser.parse(client.get("/feeds/latest/rss/").content).entries[0]
    item = json.loads(client.get("/feeds/latest/json/").content)["items"][0]

    assert atom.status_code == 200
    assert "Nasa has since replied." in feedparser.parse(atom.content).entries[0].content[0].value
    assert "Nasa has since replied." in rss.content[0].value
    assert item["_newsroom"]["corrections"][0]["text"] == "Nasa has since replied."


def test_correction_is_in_the_api(client, seed_article, correction):
    item = client.get(f"/api/v2/pages/{seed_article.pk}/").json()

    assert item["corrections"][0]["text"] == "An earlier version misstated the length of the mission."
    assert item["modified_at"] == correction.published_at.isoformat()


def test_editor_adds_a_correction_from_the_article(admin_client, seed_article):
    add_url = reverse("wagtailsnippets_newsroom_articles_correction:add") + f"?article={seed_article.pk}"

    form = admin_client.get(add_url)
    response = admin_client.post(
        add_url,
        {"article": seed_article.pk, "kind": "clarification", "text": "The video was shared on Telegram.",
         "published_at": timezone.now().strftime("%Y-%m-%d %H:%M")},
    )  # fmt: skip

    assert f'value="{seed_article.pk}"' in form.content.decode()
    assert response.status_code == 302
    assert seed_article.corrections.get().kind == "clarification"


def test_scheduled_article_appears_on_page_feeds_and_api_only_at_its_time(client, newsroom):
    go_live_at = timezone.now() + timedelta(hours=1)
    call_command("import_story", "--go-live-at", go_live_at.isoformat(), str(SEED_FILE), stdout=io.StringIO())
    article = ArticlePage.objects.get()
    api_url = "/api/v2/pages/?type=newsroom_articles.ArticlePage"

    assert client.get(SEED_PATH).status_code == 404
    assert feedparser.parse(client.get("/feeds/latest/rss/").content).entries == []
    assert client.get(api_url).json()["items"] == []

    with time_machine.travel(go_live_at + timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())

    assert client.get(SEED_PATH).status_code == 200
    assert [entry.title for entry in feedparser.parse(client.get("/feeds/latest/rss/").content).entries] == [
        article.title
    ]
    assert [item["id"] for item in client.get(api_url).json()["items"]] == [article.pk]

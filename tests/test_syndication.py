"""The syndication endpoints: each live article as ninjs, and the partner feed, read back as a partner
reads them; what readers may not see never goes out."""

import json
from dataclasses import replace
from datetime import timedelta

import feedparser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from articles.importing import ImportOptions, import_file
from articles.licences import Licence
from articles.models import ArticlePage, Withdrawal
from articles.parsing.formats.newsml_g2 import read_newsml_g2_file
from articles.parsing.formats.ninjs import read_ninjs_file
from articles.syndication import iso, syndicated, with_versions
from articles.withdrawals import withdraw_article

from .factories import ArticlePageFactory, AuthorPageFactory, CorrectionFactory, PageViewRestrictionFactory
from .helpers import FORMATS_DIR, newsml_g2_schema_errors, ninjs_schema_errors, set_site_rights

FEED_URL = "/syndication/ninjs.json"


def item_url(article):
    return f"/syndication/{article.pk}.ninjs.json"


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def test_syndication_item_is_valid_ninjs_with_byline_rights_and_body(client, seed_article):
    document = get_json(client, item_url(seed_article))

    assert ninjs_schema_errors(document) == []
    assert document["headlines"] == [{"role": "main", "value": seed_article.title}]
    assert document["by"] == seed_article.get_metadata().byline
    assert document["copyrightnotice"] == seed_article.get_metadata().copyright.text
    assert document["renditions"][0]["href"] == seed_article.get_full_url()
    assert [body["contenttype"] for body in document["bodies"]] == ["text/html", "text/plain"]
    assert document["pubstatus"] == "usable" and document["version"] == "1"


def test_syndication_item_uri_is_the_atom_entry_id(client, seed_article):
    atom = feedparser.parse(client.get("/feeds/latest/atom/").content)

    assert get_json(client, item_url(seed_article))["uri"] == atom.entries[0].id


def test_syndication_item_reads_back_as_the_story_it_was_written_from(client, seed_article):
    response = client.get(item_url(seed_article))
    article = with_versions(ArticlePage.objects.filter(pk=seed_article.pk).for_reading()).get()
    story, _ = syndicated(article, article.get_metadata(), article.get_site())

    assert read_ninjs_file("item.json", response.content)[0] == story
    assert story.paragraphs and story.authors


def test_syndication_version_counts_the_publications(client, seed_article):
    seed_article.save_revision().publish()

    assert get_json(client, item_url(seed_article))["version"] == "2"


def test_syndication_item_carries_corrections_licence_and_credits(client, newsroom):
    writer = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", role="Science writer", live=True)
    photographer = AuthorPageFactory(parent=newsroom.author_index, title="Kenji Sato", live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        authors=[writer],
        credits=[(photographer, "photography")],
        dateline="OSLO",
        live=True,
    )
    set_site_rights(Site.objects.get(is_default_site=True), Licence.CC_BY_ND)
    CorrectionFactory(article=article, text="An earlier version misstated the date.")

    document = get_json(client, item_url(article))

    assert ninjs_schema_errors(document) == []
    assert document["by"] == "Jane Doe (Science writer)"
    assert {"name": "Kenji Sato", "rel": "photography"} in document["people"]
    assert document["rightsinfo"] == {"linkedrights": "https://creativecommons.org/licenses/by-nd/4.0/"}
    assert document["descriptions"][-1]["role"] == "correction"
    assert document["descriptions"][-1]["value"].endswith("An earlier version misstated the date.")
    assert document["located"] == "OSLO"
    assert document["bodies"][0]["value"].startswith("<p>OSLO — ")


def test_syndication_hides_drafts_private_expired_and_embargoed_stories(client, newsroom):
    public = ArticlePageFactory(parent=newsroom.news_index, title="Public ferry story", live=True)
    hidden = [
        ArticlePageFactory(parent=newsroom.news_index, title="Draft walrus", live=False),
        ArticlePageFactory(
            parent=newsroom.news_index, title="Expired walrus", live=True, expire_at=timezone.now() - timedelta(hours=1)
        ),
        ArticlePageFactory(
            parent=newsroom.news_index,
            title="Embargoed walrus",
            live=True,
            embargo_until=timezone.now() + timedelta(days=1),
        ),
    ]
    private = ArticlePageFactory(parent=newsroom.news_index, title="Private walrus", live=True)
    PageViewRestrictionFactory(page=private, password="s3cret")
    hidden.append(private)

    feed = client.get(FEED_URL).content.decode()

    assert "Public ferry story" in feed and "walrus" not in feed
    for article in hidden:
        response = client.get(item_url(article))
        assert response.status_code == 404 and b"walrus" not in response.content, article.title
    assert client.get(item_url(public)).status_code == 200


def test_syndication_withdrawn_story_is_a_canceled_item_without_content(client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, title="Heron story", live=True)
    article.save_revision().publish()
    live_version = int(get_json(client, item_url(article))["version"])
    withdraw_article(article, "withdraw", reason="Wrong heron.", notice="We withdrew this story.")

    item = get_json(client, item_url(article), status=410)
    feed = get_json(client, FEED_URL)

    assert item["pubstatus"] == "canceled" and item["version"] == str(live_version + 1)
    assert not {"headlines", "bodies", "descriptions", "by"} & set(item)
    assert ninjs_schema_errors(item) == []
    assert [entry["pubstatus"] for entry in feed["items"] if entry["uri"] == item["uri"]] == ["canceled"]
    assert "Heron" not in json.dumps(feed)
    assert read_ninjs_file("item.json", json.dumps(item).encode())[0].kill.kind == "kill"


def test_syndication_feed_lists_the_newest_first_each_valid(client, newsroom, settings):
    settings.NEWSROOM_FEED_ITEMS = 3
    articles = [ArticlePageFactory(parent=newsroom.news_index, title=f"Story {n}", live=True) for n in range(5)]
    for n, article in enumerate(articles):
        article.first_published_at = article.last_published_at = timezone.now() - timedelta(hours=5 - n)
        article.save()

    feed = get_json(client, FEED_URL)

    assert feed["sender"] and feed["sent"]
    assert [entry["headlines"][0]["value"] for entry in feed["items"]] == ["Story 4", "Story 3", "Story 2"]
    assert all(ninjs_schema_errors(entry) == [] for entry in feed["items"])


def test_syndication_answers_conditional_requests(client, seed_article):
    first = client.get(FEED_URL)

    again = client.get(FEED_URL, HTTP_IF_NONE_MATCH=first["ETag"])

    assert "public" in first["Cache-Control"] and first["ETag"]
    assert again.status_code == 304


def test_syndication_unknown_article_is_not_found(client, newsroom):
    assert client.get("/syndication/999999.ninjs.json").status_code == 404


def test_syndication_feed_queries_do_not_grow_with_its_items(client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, live=True)
    counts = []
    for _ in range(2):
        for _ in range(3):
            CorrectionFactory(article=ArticlePageFactory(parent=newsroom.news_index, authors=[author], live=True))
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(FEED_URL).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_syndication_a_partner_importing_an_item_and_then_its_cancel_withdraws_its_copy(client, newsroom):
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        title="Ferry back on the water",
        body=[("paragraph", "<p>The ferry ran again on Monday after a three-week strike.</p>")],
        live=True,
    )
    item = client.get(item_url(article)).content
    withdraw_article(article, "withdraw", reason="Wrong ferry.", notice="We withdrew this story.")
    cancel = client.get(item_url(article)).content

    imported = import_file("item.ninjs.json", item, newsroom, ImportOptions(publish=True))
    killed = import_file("cancel.ninjs.json", cancel, newsroom, ImportOptions(publish=True))

    assert imported.error == "" and killed.error == ""
    copy = ArticlePage.objects.exclude(pk=article.pk).get()
    assert copy.title == "Ferry back on the water" and Withdrawal.objects.filter(article=copy).exists()


def test_ninjs_versions_from_a_wire_update_one_article_and_its_cancel_withdraws_it(newsroom):
    """The importing side of syndication: Superdesk's version 1, its corrected version 2 (same guid) and
    its kill (version 3, pubstatus canceled) act on one article."""
    options = ImportOptions(publish=True)
    first, corrected, kill = (
        (FORMATS_DIR / f"ninjs-superdesk-harbour-ferry{suffix}.json").read_bytes()
        for suffix in ("", "-corrected", "-kill")
    )

    assert import_file("v1.json", first, newsroom, options).error == ""
    assert import_file("v2.json", corrected, newsroom, options).error == ""
    article = ArticlePage.objects.get()
    assert "Fjordlink Ferries" in str(article.body[2].value.source)
    assert import_file("v1-again.json", first, newsroom, options).error == ""  # an older version changes nothing
    assert "Fjordlink Ferries" in str(ArticlePage.objects.get().body[2].value.source)
    assert import_file("kill.json", kill, newsroom, options).error == ""
    assert Withdrawal.objects.filter(article=article).exists()


def test_syndication_item_keeps_subheads_quotes_and_links(client, newsroom):
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        body=[
            ("paragraph", '<p>The ferry ran again, the <a href="https://union.example.org/">union</a> said.</p>'),
            ("heading", "What the deal says"),
            ("quote", {"text": "We are back on the water.", "attribution": "Ingrid Haug"}),
            ("paragraph", "<p>Crews accepted a <b>4.5 per cent</b> rise.</p>"),
        ],
        live=True,
    )

    story = read_ninjs_file("item.json", client.get(item_url(article)).content)[0]

    assert story.paragraphs == (
        "The ferry ran again, the [union](https://union.example.org/) said.",
        "## What the deal says",
        "We are back on the water.",
        "Ingrid Haug",
        "Crews accepted a **4.5 per cent** rise.",
    )


def test_syndication_newsml_g2_item_and_feed_validate_and_read_back(client, seed_article):
    item = client.get(f"/syndication/{seed_article.pk}.xml")
    feed = client.get("/syndication/newsml-g2.xml")

    assert item.status_code == feed.status_code == 200
    assert item["Content-Type"].startswith("application/xml")
    assert newsml_g2_schema_errors(item.content) == [] and newsml_g2_schema_errors(feed.content) == []
    article = with_versions(ArticlePage.objects.filter(pk=seed_article.pk).for_reading()).get()
    story, _ = syndicated(article, article.get_metadata(), article.get_site())
    # NewsML-G2 carries a story's original publication time as firstCreated, which is otherwise when
    # the item was first published here: read back, that is the story's publication time.
    back = read_newsml_g2_file("item.xml", item.content)[0]
    assert replace(back, published="") == story and back.published == iso(article.first_published_at)
    assert read_ninjs_file("item.json", client.get(item_url(seed_article)).content)[0] == story


def test_syndication_newsml_g2_withdrawn_story_is_a_canceled_item_without_content(client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, title="Heron story", live=True)
    withdraw_article(article, "withdraw", reason="Wrong heron.", notice="We withdrew this story.")

    item = client.get(f"/syndication/{article.pk}.xml")
    feed = client.get("/syndication/newsml-g2.xml")

    assert item.status_code == 410 and b"stat:canceled" in item.content
    assert newsml_g2_schema_errors(item.content) == [] and newsml_g2_schema_errors(feed.content) == []
    assert b"Heron" not in item.content and b"Heron" not in feed.content

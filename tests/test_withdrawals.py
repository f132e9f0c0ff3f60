"""Withdrawals: an editor kills, takes down or withdraws a live story with a reason and a notice.
Its address then answers 410 Gone with the notice, the feeds carry the withdrawal as the item's
last update, the API answers 410 with it, the sitemaps and search drop it, the audit log keeps
who, when and why; restoring it is an editor's deliberate act. A kill advisory file acts on the
story it names."""

import io

import feedparser
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from articles.models import ArticlePage, Withdrawal
from articles.publication_check import publication_problems
from articles.withdrawals import restore_article, withdraw_article

from .factories import ArticlePageFactory, NewsIndexPageFactory, SiteFactory
from .helpers import (
    HARBOUR_STORY,
    atom_schema_errors,
    confirm,
    import_story_text,
    messages_of,
    preview,
    requires_jing,
    soup_of,
)


@pytest.fixture
def live_story(newsroom, tmp_path):
    import_story_text(tmp_path, HARBOUR_STORY, "--publish")
    article = ArticlePage.objects.get(title="Harbour bridge to reopen")
    assert article.live
    return article


def withdraw_in_the_admin(client, article, kind, reason="It named the wrong engineer.", notice=""):
    url = reverse("newsroom_withdraw_article", args=[article.pk])
    return client.post(url, {"kind": kind, "reason": reason, "notice": notice}, follow=True)


def test_withdrawn_story_answers_410_with_its_notice_headline_and_byline(client, live_story, editor):
    admin = Client()
    admin.force_login(editor)
    response = withdraw_in_the_admin(admin, live_story, "withdraw", notice="We withdrew this story <script>.")
    assert "is withdrawn" in " ".join(messages_of(response))

    page = client.get(live_story.url)

    assert page.status_code == 410
    soup = soup_of(page)
    assert "We withdrew this story <script>." in soup.get_text()  # escaped, as written
    assert b"<script>." not in page.content
    assert soup.h1.get_text() == "Harbour bridge to reopen"
    assert "Jane Doe" in soup.select_one(".byline").get_text()
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "Engineers found cracks" not in soup.get_text()


def test_killed_story_answers_410_without_its_headline_or_byline(client, live_story, editor):
    withdraw_article(live_story, "kill", reason="Legal: the court ordered it.", user=editor)

    page = client.get(live_story.url)

    assert page.status_code == 410
    text = page.content.decode()
    assert "Harbour bridge" not in text and "Jane Doe" not in text
    assert "no longer available" in text


def test_withdrawal_is_in_the_audit_log_with_who_and_why(live_story, editor):
    withdraw_article(live_story, "takedown", reason="A takedown request from the photographer.", user=editor)

    entry = PageLogEntry.objects.get(page=live_story, action="newsroom.withdraw")

    assert entry.user == editor
    assert entry.data["reason"] == "A takedown request from the photographer."
    assert entry.data["kind"] == "takedown"
    assert "A takedown request" in entry.message
    assert PageLogEntry.objects.filter(page=live_story, action="wagtail.unpublish").exists()


def test_reporter_may_not_withdraw_a_story(live_story, reporter, editor):
    client = Client()
    client.force_login(reporter)

    refused = client.get(reverse("newsroom_withdraw_article", args=[live_story.pk]))
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's answer to PermissionDenied
    assert "permission" in " ".join(messages_of(withdraw_in_the_admin(client, live_story, "kill")))
    assert ArticlePage.objects.get(pk=live_story.pk).live
    editor_client = Client()
    editor_client.force_login(editor)
    edit_page = editor_client.get(reverse("wagtailadmin_pages:edit", args=[live_story.pk])).content.decode()
    assert "Withdraw, kill or take down" in edit_page
    assert (
        "Withdraw, kill or take down"
        not in client.get(reverse("wagtailadmin_pages:edit", args=[live_story.pk])).content.decode()
    )


def test_withdrawal_needs_a_reason(live_story, editor):
    client = Client()
    client.force_login(editor)

    response = withdraw_in_the_admin(client, live_story, "kill", reason="")

    assert response.status_code == 200 and not Withdrawal.objects.exists()
    assert ArticlePage.objects.get(pk=live_story.pk).live


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("withdraw", "Withdrawn: Harbour bridge to reopen"),
        ("kill", "Story withdrawn"),
        ("takedown", "Story taken down"),
    ],
)
def test_feeds_carry_the_withdrawal_as_the_items_last_update(client, live_story, editor, kind, title):
    guid = f"urn:uuid:{live_story.translation_key}"
    before = {fmt: client.get(f"/feeds/latest/{fmt}/").content for fmt in ("rss", "atom")}
    withdrawal = withdraw_article(live_story, kind, reason="Wrong name.", notice="We withdrew it.", user=editor)

    for fmt in ("rss", "atom"):
        feed = feedparser.parse(client.get(f"/feeds/latest/{fmt}/").content)
        assert not feed.bozo, (fmt, feed.bozo_exception)
        assert feedparser.parse(before[fmt]).entries[0].id == guid
        (entry,) = [entry for entry in feed.entries if entry.id == guid]
        assert entry.title == title
        assert "We withdrew it." in entry.summary
        assert "Engineers found cracks" not in str(entry)
        if fmt == "atom":
            assert entry.updated_parsed[:5] == withdrawal.withdrawn_at.utctimetuple()[:5]
    item = client.get("/feeds/latest/json/").json()["items"][0]
    assert item["id"] == guid and item["title"] == title
    assert item["_newsroom"]["withdrawn"]["kind"] == kind


@requires_jing
def test_atom_feed_with_a_withdrawal_is_valid_against_the_rfc_4287_schema(client, live_story, editor, tmp_path):
    withdraw_article(live_story, "kill", reason="Wrong name.", user=editor)

    assert atom_schema_errors(client.get("/feeds/latest/atom/").content, tmp_path) == ""


def test_api_answers_410_with_the_withdrawal_and_lists_it_no_more(client, live_story, editor):
    withdraw_article(live_story, "withdraw", reason="Wrong name.", notice="We withdrew it.", user=editor)

    response = client.get(f"/api/v2/pages/{live_story.pk}/")

    assert response.status_code == 410
    data = response.json()
    assert data["withdrawn"]["kind"] == "withdraw" and data["withdrawn"]["notice"] == "We withdrew it."
    assert data["meta"]["html_url"].endswith(live_story.url)
    listing = client.get("/api/v2/pages/?type=newsroom_articles.ArticlePage").json()
    assert live_story.pk not in [item["id"] for item in listing["items"]]


def test_withdrawn_story_leaves_the_sitemaps_and_search(client, live_story, editor):
    assert live_story.slug in client.get("/sitemap-pages.xml").content.decode()
    withdraw_article(live_story, "withdraw", reason="Wrong name.", user=editor)

    assert live_story.slug not in client.get("/sitemap-pages.xml").content.decode()
    assert live_story.slug not in client.get("/sitemap-news.xml").content.decode()
    assert "Harbour bridge" not in client.get("/search/?q=harbour").content.decode()


def test_withdrawn_story_cannot_be_published_until_restored(client, live_story, editor):
    withdraw_article(live_story, "kill", reason="Wrong name.", user=editor)
    article = ArticlePage.objects.get(pk=live_story.pk)
    assert any("restore it" in problem.message for problem in publication_problems(article))

    restore_article(article, user=editor)

    assert client.get(live_story.url).status_code == 404  # a draft again, until an editor publishes it
    assert not publication_problems(article)
    article.get_latest_revision().publish(user=editor)
    assert client.get(live_story.url).status_code == 200
    assert PageLogEntry.objects.filter(page=article, action="newsroom.restore").exists()


def test_restore_in_the_admin_says_it_is_a_draft(live_story, editor):
    client = Client()
    client.force_login(editor)
    withdraw_article(live_story, "withdraw", reason="Wrong name.", user=editor)

    response = client.post(
        reverse("newsroom_withdraw_article", args=[live_story.pk]), {"restore": "restore"}, follow=True
    )

    assert not Withdrawal.objects.exists()
    assert "restored as a draft" in " ".join(messages_of(response))


@pytest.mark.parametrize(
    "advisory",
    [
        "KILL\n" + HARBOUR_STORY,
        "Please kill the story Harbour bridge to reopen, V9991.\n"
        "A kill is mandatory. Make certain the story is not used.\n",
        "WITHDRAWN: the court forbids naming the engineer.\nHarbour bridge to reopen\n",
    ],
)
def test_kill_advisory_file_withdraws_the_story_it_names(client, live_story, tmp_path, advisory):
    output = import_story_text(tmp_path, advisory, name="advisory.txt")

    assert "withdrawn" in output
    withdrawal = Withdrawal.objects.get(article=live_story)
    assert withdrawal.reason.split()[0] in advisory
    assert client.get(live_story.url).status_code == 410
    assert ArticlePage.objects.count() == 1  # acted on the story; no new article
    assert live_story.imports.first().file_name.endswith("advisory.txt")


def test_kill_advisory_for_an_unknown_story_is_an_error_that_changes_nothing(client, live_story, tmp_path):
    path = tmp_path / "advisory.txt"
    path.write_text("KILL\nA story this desk never ran\n", encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_story", str(path), stdout=out, stderr=out)
    output = out.getvalue()

    assert "advisory.txt" in output and "no imported story is headlined" in output
    assert not Withdrawal.objects.exists()
    assert client.get(live_story.url).status_code == 200


def test_kill_advisory_imported_in_the_admin_shows_what_it_does_then_withdraws(client, live_story, editor):
    admin = Client()
    admin.force_login(editor)
    advisory = b"KILL\nHarbour bridge to reopen\n"

    shown = preview(admin, ("kill.txt", advisory))
    assert "A kill advisory: importing it withdraws the story" in soup_of(shown).get_text()
    done = confirm(admin, shown)

    assert Withdrawal.objects.get(article=live_story).kind == "kill"
    assert client.get(live_story.url).status_code == 410
    assert "Withdrawn, killed" in soup_of(admin.get(done.url)).get_text()


def test_story_withdrawn_before_readers_had_it_is_simply_not_there(client, newsroom, tmp_path, editor):
    import_story_text(tmp_path, "EMBARGOED UNTIL 00:01 GMT 3 December 2099\n" + HARBOUR_STORY, "--publish")
    article = ArticlePage.objects.get(title="Harbour bridge to reopen")
    withdraw_article(article, "withdraw", reason="The minister's office asked us to hold it.", user=editor)

    assert client.get(article.url).status_code == 404
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404
    assert "Harbour bridge" not in client.get("/feeds/latest/rss/").content.decode()
    assert not article.revisions.filter(approved_go_live_at__isnull=False).exists()  # nothing scheduled


def test_withdraw_form_sent_twice_leaves_the_story_withdrawn(live_story, editor):
    client = Client()
    client.force_login(editor)
    withdraw_in_the_admin(client, live_story, "kill")

    again = withdraw_in_the_admin(client, live_story, "kill")

    assert Withdrawal.objects.filter(article=live_story).exists()
    assert "already withdrawn" in " ".join(messages_of(again))


def test_api_finds_a_withdrawn_story_by_its_address_and_answers_410(client, live_story, editor):
    withdraw_article(live_story, "kill", reason="Legal.", user=editor)

    response = client.get(f"/api/v2/pages/find/?html_path={live_story.url}", follow=True)

    assert response.status_code == 410
    assert response.json()["withdrawn"]["title"] == "Story withdrawn"
    assert "title" not in response.json()  # a killed story's headline is not repeated


def test_feed_carries_a_withdrawal_of_a_story_older_than_its_items(client, live_story, editor, tmp_path, settings):
    settings.NEWSROOM_FEED_ITEMS = 2
    for number in range(2):  # two newer stories fill the feed
        newer = HARBOUR_STORY.replace("Harbour bridge", f"Ferry pier {number}").replace("harbour bridge", "ferry pier")
        import_story_text(tmp_path, newer.replace("Officials", f"Officials in ward {number}"), "--publish")
    withdraw_article(live_story, "withdraw", reason="Wrong name.", user=editor)

    titles = [entry.title for entry in feedparser.parse(client.get("/feeds/latest/rss/").content).entries]

    assert titles == ["Ferry pier 1 to reopen", "Ferry pier 0 to reopen", "Withdrawn: Harbour bridge to reopen"]


def test_authors_feed_leaves_out_a_killed_story_but_tells_of_a_withdrawn_one(client, live_story, editor):
    author = live_story.credits.first().author
    withdraw_article(live_story, "kill", reason="Legal.", user=editor)
    assert "Story withdrawn" not in client.get(f"/feeds/authors/{author.slug}/rss/").content.decode()

    restore_article(live_story, user=editor)
    live_story.get_latest_revision().publish(user=editor)
    withdraw_article(ArticlePage.objects.get(pk=live_story.pk), "withdraw", reason="Wrong name.", user=editor)
    assert "Withdrawn: Harbour bridge to reopen" in client.get(f"/feeds/authors/{author.slug}/rss/").content.decode()


def test_kill_advisory_acts_on_the_story_of_the_importing_site_only(client, live_story, tmp_path):
    other_root = NewsIndexPageFactory(parent=Page.get_first_root_node(), title="Other", slug="other", live=True)
    SiteFactory(hostname="other.example", port=80, root_page=other_root, site_name="Other")
    elsewhere = ArticlePageFactory(parent=other_root, title=live_story.title, story_key="elsewhere", live=True)

    import_story_text(tmp_path, f"KILL\n{live_story.title}\n", name="advisory.txt")

    assert Withdrawal.objects.filter(article=live_story).exists()
    assert not Withdrawal.objects.filter(article=elsewhere).exists()

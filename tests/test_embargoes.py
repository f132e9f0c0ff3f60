"""Embargoes: a story with an embargo reaches no reader before its time, whoever presses publish.
Publishing schedules it for the embargo's end, and says so; a story made live round the embargo
is still kept from every public channel; the admin shows the embargo wherever it lists pages."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import ArticlePage
from articles.publication_check import publication_problems

from .helpers import HARBOUR_STORY, import_story_text, messages_of, post_editor_form


def embargo_line(when):
    return f"EMBARGOED UNTIL {when:%H:%M} GMT {when.day} {when:%B %Y}\n"


@pytest.fixture
def embargo():
    return (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)


def test_imported_embargo_schedules_publishing_for_its_end(client, newsroom, tmp_path, embargo):
    output = import_story_text(tmp_path, embargo_line(embargo) + HARBOUR_STORY, "--publish")

    article = ArticlePage.objects.get(title="Harbour bridge to reopen")
    assert article.embargo_until == embargo
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at == embargo
    assert "scheduled" in output
    assert "EMBARGOED" not in str(article.body.raw_data)
    with time_machine.travel(embargo + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
        assert client.get(article.url).status_code == 200


def test_editor_pressing_publish_on_an_embargoed_story_schedules_it_and_is_told(newsroom, tmp_path, editor, embargo):
    import_story_text(tmp_path, HARBOUR_STORY)
    article = ArticlePage.objects.get(title="Harbour bridge to reopen")
    client = Client()
    client.force_login(editor)
    local = timezone.localtime(embargo)

    response = post_editor_form(
        client, article, "action-publish", embargo_until=f"{local:%Y-%m-%d %H:%M}", is_source_confirmed="on"
    )

    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at == embargo
    said = " ".join(messages_of(response))
    assert "scheduled" in said and "Embargoed until" in said
    assert "(embargoed until" in article.get_admin_display_title()


def test_embargoed_story_made_live_round_the_embargo_is_kept_from_readers(client, newsroom, tmp_path, embargo):
    import_story_text(tmp_path, HARBOUR_STORY, "--publish")
    article = ArticlePage.objects.get(title="Harbour bridge to reopen")
    article.embargo_until = embargo
    article.save_revision(clean=False).publish()  # no clean, no check: as a script might
    assert ArticlePage.objects.get(pk=article.pk).live

    assert client.get(article.url).status_code == 404
    for url in ("/", "/feeds/latest/rss/", "/sitemap-pages.xml", "/search/?q=harbour", "/api/v2/pages/"):
        assert "Harbour bridge" not in client.get(url).content.decode(), url
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404
    with time_machine.travel(embargo + datetime.timedelta(minutes=1)):
        assert client.get(article.url).status_code == 200
        assert "Harbour bridge" in client.get("/feeds/latest/rss/").content.decode()


def test_publication_check_refuses_a_go_live_time_before_the_embargo(newsroom, tmp_path, embargo):
    import_story_text(tmp_path, HARBOUR_STORY)
    article = ArticlePage.objects.get(title="Harbour bridge to reopen")
    article.embargo_until = embargo
    article.go_live_at = embargo - datetime.timedelta(hours=2)

    (problem,) = [p for p in publication_problems(article) if p.field == "embargo_until"]
    assert "may not go live sooner" in problem.message

    article.full_clean()  # what every save of a revision does
    assert article.go_live_at == embargo
    assert not [p for p in publication_problems(article) if p.field == "embargo_until"]


def test_unreadable_embargo_line_is_an_error_that_imports_nothing(newsroom, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("EMBARGOED UNTIL 00.01hrs Monday April 28\n" + HARBOUR_STORY, encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_story", "--publish", str(path), stdout=out, stderr=out)

    assert "story.txt" in out.getvalue() and "line 1" in out.getvalue() and "embargo line" in out.getvalue()
    assert not ArticlePage.objects.exists()


def test_not_for_publication_copy_is_imported_but_never_published(client, newsroom, tmp_path):
    output = import_story_text(tmp_path, "NOT FOR PUBLICATION\n" + HARBOUR_STORY, "--publish")

    article = ArticlePage.objects.get(title="Harbour bridge to reopen")
    assert not article.live and article.licence == "not-for-publication"
    assert "not for publication" in output.lower()
    assert client.get(article.url).status_code == 404


def test_editor_sees_the_embargo_at_the_top_of_the_story(newsroom, tmp_path, editor, embargo):
    import_story_text(tmp_path, embargo_line(embargo) + HARBOUR_STORY)
    article = ArticlePage.objects.get(title="Harbour bridge to reopen")
    client = Client()
    client.force_login(editor)

    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    assert "Embargoed until" in html and "publishing schedules it for that time" in html
    assert html.index("Embargoed until") < html.index('name="title"')


def test_preview_of_an_embargoed_story_is_for_signed_in_editors_only(client, newsroom, tmp_path, embargo):
    import_story_text(tmp_path, embargo_line(embargo) + HARBOUR_STORY)
    article = ArticlePage.objects.get(title="Harbour bridge to reopen")

    for url in (f"/admin/pages/{article.pk}/edit/preview/", f"/admin/pages/{article.pk}/view_draft/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/admin/login/"), url
        assert b"Harbour bridge" not in response.content

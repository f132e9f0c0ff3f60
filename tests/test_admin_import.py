"""The admin's "Import stories" view: permission, CSRF, preview, import, and bad files."""

import hashlib
import io
import json
import zipfile
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from articles.models import ArticlePage, PreviewedImport, PreviewedStoryFile
from articles.roles import REPORTERS
from authors.models import AuthorPage

from .factories import SectionFactory
from .helpers import FORMATS_DIR, IMPORT_URL, SEED_FILE, confirm, make_user, member_of, preview, preview_token, soup_of


@pytest.fixture
def editor(client, newsroom):
    client.force_login(make_user("editor", superuser=True))
    return client


def test_menu_offers_import_stories_to_an_editor(editor):
    response = editor.get(reverse("wagtailadmin_home"))

    assert IMPORT_URL in response.content.decode()


def test_user_without_add_permission_is_refused(client, newsroom):
    client.force_login(make_user("reader", news_index=newsroom.news_index))

    refused = client.get(IMPORT_URL, follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "Sorry, you do not have permission to access this area." in refused.content.decode()
    assert preview(client, ("story.txt", SEED_FILE.read_bytes())).status_code == 302
    assert IMPORT_URL not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not ArticlePage.objects.exists()


def test_anonymous_visitor_is_sent_to_the_login_page(client, newsroom):
    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_upload_without_csrf_token_is_rejected(newsroom):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("editor", superuser=True))

    response = preview(client, ("story.txt", SEED_FILE.read_bytes()))

    assert response.status_code == 403


def test_preview_shows_what_was_read_and_writes_nothing(editor):
    before = (Page.objects.count(), Revision.objects.count())

    response = preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))

    assert response.status_code == 200
    text = " ".join(soup_of(response).get_text(" ").split())
    assert "Russia is threatening to leave an American astronaut stranded in space" in text
    assert "Proposed headline" in text
    assert "By Solange Reyner" in text
    assert "Solange Reyner: Solange Reyner is a writer and editor for Newsmax." in text
    assert "Source: Fox News" in text
    assert "© 2026 Newsmax. All rights reserved." in text
    assert "(8 paragraphs in all)" in text
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_preview_shows_the_opening_paragraphs_as_readers_will_read_them(editor):
    response = preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))

    shown = [p.get_text() for p in soup_of(response).select(".newsroom-story-preview p")]
    assert shown[2].startswith("Russia is threatening to leave an American astronaut stranded in space as tensions")
    assert shown[3].startswith("Astronaut Mark Vande Hei, who holds the ongoing record")
    assert "… and 5 more paragraphs" in shown[5]


def test_preview_names_the_sites_default_notice_for_a_file_without_one(editor):
    story = SEED_FILE.read_bytes().replace(b"\xc2\xa9 2026 Newsmax. All rights reserved.", b"")

    text = soup_of(preview(editor, ("no-notice.txt", story))).get_text(" ")

    assert "© 2026 Test Newsroom. All rights reserved. (the site's default)" in " ".join(text.split())


def test_when_every_file_is_refused_the_upload_form_is_offered_again(editor):
    response = preview(editor, ("empty.txt", b""), ("binary.txt", b"\x00\x01"))

    soup = soup_of(response)
    assert "Not imported: the file is empty" in soup.get_text()
    assert soup.select_one("input[type=file][name=files]")
    assert not soup.select("input[name=preview]")


def test_the_confirmation_posts_a_short_id_and_twenty_files_of_a_megabyte_import(editor):
    paragraph = "Officials said on Tuesday that the harbour bridge would reopen to traffic next month. " * 40
    files = [
        (f"story-{n}.txt", "\n".join([f"Bridge story number {n}", "By Jane Doe", *[f"{n} {paragraph}"] * 280]).encode())
        for n in range(20)
    ]
    assert all(950_000 < len(data) <= 1_000_000 for _, data in files)

    response = preview(editor, *files)
    token = preview_token(response)
    imported = editor.post(IMPORT_URL, {"preview": token}, follow=True)

    assert len(token) < 100
    assert imported.status_code == 200
    assert imported.redirect_chain[0][0].startswith("/admin/newsroom/import/jobs/")  # the job's page
    assert ArticlePage.objects.count() == 20
    assert "Imported 20 of 20 file(s)." in imported.content.decode()
    assert not PreviewedImport.objects.exists()  # used up


def test_the_import_takes_the_stories_the_preview_read_without_reading_the_files_again(editor, monkeypatch):
    response = preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))

    def read_again(*args):
        raise AssertionError("the file was read again")

    monkeypatch.setattr("articles.importing.read_story_file", read_again)
    confirm(editor, response)

    article = ArticlePage.objects.get()
    assert article.imports.get().checksum == hashlib.sha256(SEED_FILE.read_bytes()).hexdigest()


def test_a_preview_imports_once(editor):
    response = preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))
    confirm(editor, response)

    again = confirm(editor, response)

    assert "already imported, or the preview expired" in again.content.decode()
    assert soup_of(again).select_one("input[type=file][name=files]")
    assert ArticlePage.objects.count() == 1


def test_another_users_preview_imports_nothing(editor, client, newsroom):
    response = preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))
    other = Client()
    other.force_login(make_user("other-editor", superuser=True))

    refused = confirm(other, response)

    assert "This preview belongs to another user" in refused.content.decode()
    assert not ArticlePage.objects.exists()


def test_prune_import_previews_removes_the_previews_past_their_hour_and_keeps_the_others(editor):
    preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))
    out = io.StringIO()

    with time_machine.travel(timezone.now() + timedelta(minutes=30)):
        preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        call_command("prune_import_previews", stdout=out)

    assert "removed 1 import preview(s)" in out.getvalue()
    assert PreviewedImport.objects.count() == 1
    assert PreviewedStoryFile.objects.count() == 1


def test_previews_older_than_an_hour_are_removed_and_refused(editor):
    response = preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))

    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        expired = confirm(editor, response)
        preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))

    assert "over an hour old" in expired.content.decode()
    assert PreviewedImport.objects.count() == 1  # the new one only
    assert not ArticlePage.objects.exists()


def test_import_after_preview_creates_a_draft_that_opens_in_the_page_editor(editor):
    response = editor.get(confirm(editor, preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes())))["Location"])

    article = ArticlePage.objects.get()
    assert not article.live
    assert article.is_headline_proposed
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert soup_of(response).select_one(f"a[href='{edit_url}']")
    assert editor.get(edit_url).status_code == 200
    assert article.imports.get().file_name == SEED_FILE.name


def test_import_can_publish_into_a_section(editor):
    science = SectionFactory(name="Science")

    confirm(editor, preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes())), section=science.pk, publish="on")

    article = ArticlePage.objects.get()
    assert article.live
    assert article.section == science


def test_a_bad_file_is_reported_and_the_good_one_beside_it_still_imports(editor):
    response = preview(editor, ("empty.txt", b""), (SEED_FILE.name, SEED_FILE.read_bytes()))

    rows = soup_of(response).select("tbody tr")
    assert "Not imported: the file is empty" in rows[0].get_text()
    assert "Russia is threatening" in rows[1].get_text()

    confirm(editor, response)

    assert ArticlePage.objects.count() == 1


def test_a_tampered_preview_token_imports_nothing(editor):
    response = preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes()))
    token = preview_token(response)

    response = editor.post(IMPORT_URL, {"preview": token[:-2] + "xx"})

    assert "could not be found" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_a_user_who_may_add_but_not_publish_gets_drafts_only(client, newsroom):
    client.force_login(
        make_user("reporter", page_permissions=["add_page", "change_page"], news_index=newsroom.news_index)
    )

    response = preview(client, (SEED_FILE.name, SEED_FILE.read_bytes()))
    assert not soup_of(response).select("input[name=publish]")
    confirm(client, response, publish="on")

    assert ArticlePage.objects.get().live is False


def test_a_reporters_upload_imports_every_file_even_one_bringing_a_live_author_a_bio(client, newsroom, tmp_path):
    first = tmp_path / "first.txt"
    first.write_text("Harbour bridge reopens\nBy Ann Poe\nThe harbour bridge reopened to traffic on Tuesday.\n")
    call_command("import_story", "--publish", str(first), stdout=io.StringIO())
    client.force_login(member_of(REPORTERS, "reporter"))
    with_bio = "Courts close early\nBy Ann Poe\nThe courts will close early on Friday, the clerk said.\nAnn Poe ✉\n"
    with_bio += "Ann Poe covers the courts.\n"
    other = "Ferry returns\nBy Bo Lee\nThe harbour ferry returns to its summer timetable on Monday.\n"

    confirmed = confirm(client, preview(client, ("with-bio.txt", with_bio.encode()), ("other.txt", other.encode())))
    response = client.get(confirmed["Location"])

    assert "Imported 2 of 2 file(s)." in response.content.decode()
    assert ArticlePage.objects.count() == 3
    assert AuthorPage.objects.get(title="Ann Poe").bio == ""  # the reporter's bio waits for an editor


def test_the_preview_flags_a_name_that_only_looks_like_an_author(editor, seed_article):
    look_alike = "Sol\u0430nge Reyn\u0435r"  # a Cyrillic a and e
    story = f"Harbour bridge reopens\nBy {look_alike}\nThe harbour bridge reopened to traffic on Tuesday.\n"

    text = " ".join(soup_of(preview(editor, ("look-alike.txt", story.encode()))).get_text(" ").split())

    assert f"Will not import: “{look_alike}” looks like the author “Solange Reyner”" in text
    assert "“а” (cyrillic small letter a)" in text


def test_the_preview_shows_roles_dateline_original_date_and_contributors(editor):
    story = (
        "Harbour bridge reopens\nBy Jane Doe, Transport Correspondent, and John Roe\n"
        "Published 5:11 PM EST, Sun November 27, 2022\n"
        "BOSTON (AP) — The harbour bridge reopened to traffic on Tuesday after two years of repairs.\n"
        "Photos by Ann Poe\n"
    )

    text = " ".join(soup_of(preview(editor, ("wire.txt", story.encode()))).get_text(" ").split())

    assert "By Jane Doe (Transport Correspondent) and John Roe" in text
    assert "Dateline: BOSTON · First published: 2022-11-27T17:11:00-05:00" in text
    assert "Wire service: AP" in text
    assert "Photos by Ann Poe" in text


FORMAT_SAMPLES = [
    "docx-word365-freelancer-night-ferry.docx",
    "html-wordpress-yoast-coast-gazette.html",
    "eml-gmail-forward-orchard-hostel.eml",
]


def test_the_upload_field_offers_word_files_web_pages_and_emails(editor):
    field = soup_of(editor.get(IMPORT_URL)).select_one("input[type=file][name=files]")

    assert {".docx", ".html", ".eml", ".zip", ".txt", ".md"} <= set(field["accept"].split(","))


@pytest.mark.parametrize("name", FORMAT_SAMPLES)
def test_a_word_file_web_page_or_email_is_previewed_and_imported(editor, name):
    expected = json.loads((FORMATS_DIR / "expected.json").read_text(encoding="utf-8"))[name]

    response = preview(editor, (name, (FORMATS_DIR / name).read_bytes()))
    assert expected["headline"] in " ".join(soup_of(response).get_text(" ").split())
    confirm(editor, response)

    article = ArticlePage.objects.get()
    assert article.title == expected["headline"]
    assert [link.author.title for link in article.credits.all()] == [a["name"] for a in expected["authors"]]
    assert len(article.body) == len(expected["paragraphs"])


def test_a_zip_of_a_word_file_a_web_page_and_an_email_imports_each(editor):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        for name in FORMAT_SAMPLES:
            bundle.write(FORMATS_DIR / name, f"partners/{name}")

    confirm(editor, preview(editor, ("partners.zip", archive.getvalue())))

    expected = json.loads((FORMATS_DIR / "expected.json").read_text(encoding="utf-8"))
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == sorted(
        expected[name]["headline"] for name in FORMAT_SAMPLES
    )

"""The admin's "Import stories" view: permission, CSRF, preview, import, and bad files."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Revision

from articles.models import ArticlePage, Section

from .conftest import SEED_FILE

IMPORT_URL = "/admin/newsroom/import/"


def make_user(username, *, superuser=False, page_permissions=(), news_index=None):
    user_model = get_user_model()
    if superuser:
        return user_model.objects.create_superuser(username, f"{username}@example.com", "password")
    user = user_model.objects.create_user(username, f"{username}@example.com", "password")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.create(
            group=group, page=news_index, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="text/plain")


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def editor(client, newsroom):
    client.force_login(make_user("editor", superuser=True))
    return client


def preview(client, *files):
    return client.post(IMPORT_URL, {"files": [upload(name, data) for name, data in files]})


def confirm(client, preview_response, **fields):
    token = soup_of(preview_response).select_one("input[name=stories]")["value"]
    return client.post(IMPORT_URL, {"stories": token, **fields})


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
    assert "Solange Reyner: Solange Reyner is a writer and editor for Newsmax." in text
    assert "Source: Fox News" in text
    assert "Copyright: © 2026 Newsmax. All rights reserved." in text
    assert "8 paragraphs" in text
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_import_after_preview_creates_a_draft_that_opens_in_the_page_editor(editor):
    response = confirm(editor, preview(editor, (SEED_FILE.name, SEED_FILE.read_bytes())))

    article = ArticlePage.objects.get()
    assert not article.live
    assert article.is_headline_proposed
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert soup_of(response).select_one(f"a[href='{edit_url}']")
    assert editor.get(edit_url).status_code == 200
    assert article.imports.get().file_name == SEED_FILE.name


def test_import_can_publish_into_a_section(editor):
    science = Section.objects.create(name="Science", slug="science")

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
    token = soup_of(response).select_one("input[name=stories]")["value"]

    response = editor.post(IMPORT_URL, {"stories": token[:-2] + "xx"})

    assert "could not be read back" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_a_user_who_may_add_but_not_publish_gets_drafts_only(client, newsroom):
    client.force_login(
        make_user("reporter", page_permissions=["add_page", "change_page"], news_index=newsroom.news_index)
    )

    response = preview(client, (SEED_FILE.name, SEED_FILE.read_bytes()))
    assert not soup_of(response).select("input[name=publish]")
    confirm(client, response, publish="on")

    assert ArticlePage.objects.get().live is False

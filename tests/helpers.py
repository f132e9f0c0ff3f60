"""Helpers the tests share: the project's paths, people in the newsroom's groups, and the admin used
as a person would."""

from pathlib import Path

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))
SEED_FILE = SEEDS_DIR / "000_3581a14dfa9c6e0e.txt"
STORIES_DIR = Path(__file__).resolve().parent / "stories"


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def messages_of(response):
    """The messages the admin shows, as text (they may hold links)."""
    return [BeautifulSoup(str(message), "html.parser").get_text() for message in response.context["messages"]]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_editor_form(client, page, action, **changes):
    """Submit the page editor as a person would: the form as rendered, with ``changes`` and a button."""
    html = client.get(edit_url(page)).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # A ticked checkbox without a value attribute is sent as "on" by browsers (the helper sends "").
    for checkbox in BeautifulSoup(html, "html.parser").select("#page-edit-form input[type=checkbox][checked]"):
        data[checkbox["name"]] = checkbox.get("value", "on")
    # The body's StreamField is drawn by JavaScript, so it is not in the HTML: post it as the browser would.
    blocks = page.get_latest_revision_as_object().body
    body = streamfield([(block.block_type, rich_text(block.value.source)) for block in blocks])
    for name, value in nested_form_data({"body": body}).items():
        data[name] = value
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    data[action] = action
    return client.post(edit_url(page), data, follow=True)


def log_in(page, site, user):
    """Sign in to the admin in the browser (Playwright's ``page``) as ``user``, (username, password)."""
    page.goto(f"{site}/admin/login/")
    page.fill("input[name=username]", user[0])
    page.fill("input[name=password]", user[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/admin/")

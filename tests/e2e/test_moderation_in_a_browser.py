"""Moderation as the desk does it, in Chromium: a reporter imports and submits, an editor changes the
story in moderation and approves. What goes live is exactly what the editor approved."""

import re
import urllib.error
import urllib.request

import pytest

from ..helpers import EDITOR, REPORTER, log_in

pytestmark = pytest.mark.e2e

FERRY_STORY = """\
The harbour ferry will stop running for the winter from Monday, reports Harbour News.
The operator said the service would resume in April, once both boats have been refitted.
Jane Moderation ✉
Jane Moderation covers transport for the Harbour Times.
© 2026 Harbour Times. All rights reserved.
"""
FERRY_HEADLINE = "Harbour ferry stops for the winter"
LIBRARY_STORY = """\
Library extends its opening hours
By John Byline
The city library will stay open until nine in the evening from next week, the council said.
Staff numbers will rise to cover the longer hours, officials added on Thursday.
© 2026 Harbour Times. All rights reserved.
"""


def click_footer_action(page, selector):
    """Press one of the page editor's actions: the first is on show, the others behind the toggle."""
    button = page.locator(selector)
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    button.click()


def reporter_imports_and_submits(browser, site, tmp_path, name, story):
    """The reporter uploads ``story`` as a draft and submits it for moderation; its edit URL."""
    context = browser.new_context()
    page = context.new_page()
    log_in(page, site, REPORTER)
    path = tmp_path / name
    path.write_text(story)
    page.goto(f"{site}/admin/newsroom/import/")
    page.set_input_files("input[type=file]", str(path))
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("button", name=re.compile(r"^Import")).click()
    page.locator(".newsroom-import-results td:last-child a").click()  # the job's page: the article, to edit
    edit_url = page.url
    click_footer_action(page, "button[name=action-submit]")
    page.wait_for_load_state()
    context.close()
    return edit_url


def status_of(url):
    try:
        return urllib.request.urlopen(url).status
    except urllib.error.HTTPError as error:
        return error.code


def test_an_editor_fixes_a_submitted_story_in_moderation_and_approves_it_live(browser, page, site, tmp_path):
    edit_url = reporter_imports_and_submits(browser, site, tmp_path, "ferry.txt", FERRY_STORY)
    log_in(page, site, EDITOR)
    page.goto(edit_url)
    assert "Not ready to publish yet." in page.locator("main").inner_text()

    page.fill("input[name=title]", FERRY_HEADLINE)
    page.uncheck("input[name=is_headline_proposed]")
    page.check("input[name=is_source_confirmed]")
    page.locator("footer button[type=submit]:not([name])").first.click()  # Save draft
    page.wait_for_url(edit_url)
    assert "Byline, credit and headline are ready to publish." in page.locator("main").inner_text()
    click_footer_action(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    page.wait_for_load_state()

    home = urllib.request.urlopen(site + "/").read().decode()
    assert FERRY_HEADLINE in home
    path = re.search(rf'<a href="([^"]+)">{FERRY_HEADLINE}</a>', home)[1]
    article = urllib.request.urlopen(site + path).read().decode()
    assert f"<h1>{FERRY_HEADLINE}</h1>" in article
    assert "Harbour News" in article and "Jane Moderation" in article


def test_an_editor_who_empties_the_byline_and_approves_is_told_why_and_nothing_goes_live(browser, page, site, tmp_path):
    edit_url = reporter_imports_and_submits(browser, site, tmp_path, "library.txt", LIBRARY_STORY)
    log_in(page, site, EDITOR)
    page.goto(edit_url)
    assert "Byline, credit and headline are ready to publish." in page.locator("main").inner_text()

    page.locator("#id_credits-0-DELETE-button").click()
    click_footer_action(page, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])")
    page.wait_for_url(edit_url)

    message = page.locator(".messages").inner_text()
    assert "Not approved, and nothing was published." in message
    assert "The byline is empty: add at least one author." in message
    assert status_of(f"{site}/library-extends-its-opening-hours/") == 404
    assert (
        "Library extends its opening hours" not in urllib.request.urlopen(site + "/feeds/latest/rss/").read().decode()
    )

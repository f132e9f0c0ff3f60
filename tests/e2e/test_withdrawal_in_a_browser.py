"""An editor kills a live story in Chromium; a reader then gets 410 Gone with the notice, and the
feed readers (feedparser, newsboat) see the withdrawal in place of the story."""

import json
import re
import urllib.error
import urllib.request

import feedparser
import pytest

from ..helpers import EDITOR, log_in, newsboat_items

pytestmark = pytest.mark.e2e

HEADLINE = "Ferry timetable changes for the winter"
NOTICE = "This story has been withdrawn: it named the wrong skipper."
STORY = (
    f"{HEADLINE}\nBy Morgan Tide\n"
    "The harbour ferry will run every forty minutes from Monday, the operator said on Tuesday.\n"
    "Skipper Dana Quay said the change follows a fall in winter passenger numbers.\n"
    "© 2026 City Times. All rights reserved.\n"
)


def test_an_editor_kills_a_live_story_and_readers_and_feed_readers_see_the_withdrawal(browser, page, site, tmp_path):
    story_file = tmp_path / "ferry.txt"
    story_file.write_text(STORY, encoding="utf-8")
    log_in(page, site, EDITOR)
    page.get_by_role("link", name="Import stories").click()
    page.set_input_files("input[type=file]", str(story_file))
    page.get_by_role("button", name="Preview").click()
    page.check("input[name=publish]")
    page.get_by_role("button", name=re.compile(r"^Import")).click()
    page.locator(".newsroom-import-results").get_by_role("link", name=HEADLINE).wait_for()
    article_url = site + "/ferry-timetable-changes-for-the-winter/"
    assert urllib.request.urlopen(article_url).status == 200
    had_it = tmp_path / "had-it"  # a newsboat that read the story before the kill
    had_it.mkdir()
    assert HEADLINE in {title for title, _ in newsboat_items(f"{site}/feeds/latest/rss/", had_it)}

    path = "/ferry-timetable-changes-for-the-winter/"
    article = json.load(urllib.request.urlopen(f"{site}/api/v2/pages/find/?html_path={path}"))
    page.goto(f"{site}/admin/pages/{article['id']}/edit/")
    page.locator("header [data-w-dropdown-target=toggle]").first.click()  # the page header's actions
    page.get_by_role("link", name="Withdraw, kill or take down").click()
    page.check("input[name=kind][value=kill]")
    page.fill("textarea[name=reason]", "The skipper quoted is someone else: legal asked for a kill.")
    page.fill("textarea[name=notice]", NOTICE)
    page.get_by_role("button", name="Withdraw the story").click()
    assert "is killed" in page.locator(".messages").inner_text()

    reader = browser.new_context().new_page()
    response = reader.goto(article_url)
    assert response.status == 410
    assert NOTICE in reader.locator("main").inner_text()
    assert HEADLINE not in reader.content()
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(article_url)
    assert gone.value.code == 410

    new_reader = tmp_path / "new-reader"
    new_reader.mkdir()
    for format_name, folder in (("rss", had_it), ("atom", new_reader)):
        feed = feedparser.parse(urllib.request.urlopen(f"{site}/feeds/latest/{format_name}/").read())
        assert not feed.bozo, feed.bozo_exception
        (entry,) = [entry for entry in feed.entries if entry.link == article_url]
        assert entry.title == "Story withdrawn" and NOTICE in entry.summary
        titles = {title for title, _ in newsboat_items(f"{site}/feeds/latest/{format_name}/", folder)}
        assert "Story withdrawn" in titles and HEADLINE not in titles, titles

"""An editor, a reporter and a reader using the real site in Chromium, and real feed readers.

The tests run in file order, as the desk works: the editor imports and publishes the seed story,
then readers and feed readers find it. (Every reader's page, checked by axe-core, the Nu Html
Checker and Lighthouse, is in test_reader_pages.py and test_lighthouse.py, on a fuller desk.)
"""

import json
import re
import urllib.request

import feedparser
import pytest

from ..helpers import EDITOR, REPORTER, ROOT, log_in, newsboat_items

pytestmark = pytest.mark.e2e

SEED = ROOT / "seeds" / "000_3581a14dfa9c6e0e.txt"
AUTHOR = "Solange Reyner"
CORRECTED_HEADLINE = "Russia threatens to strand a US astronaut on the space station"


def test_an_editor_imports_the_seed_corrects_the_headline_and_publishes(page, site):
    log_in(page, site, EDITOR)
    page.get_by_role("link", name="Import stories").click()
    page.set_input_files("input[type=file]", str(SEED))
    page.get_by_role("button", name="Preview").click()

    preview = page.locator("table.listing")
    assert "Russia is threatening to leave an American astronaut stranded in space" in preview.inner_text()
    assert "Proposed headline" in preview.inner_text()
    assert AUTHOR in preview.inner_text() and "Fox News" in preview.inner_text()
    page.get_by_role("button", name=re.compile(r"^Import")).click()
    results = page.locator(".newsroom-import-results")  # on the import job's page, once it is over
    assert "Created, draft" in results.inner_text()

    results.get_by_role("link", name="Russia is threatening to leave an American astronaut stranded in space").click()
    page.fill("input[name=title]", CORRECTED_HEADLINE)
    page.uncheck("input[name=is_headline_proposed]")
    page.check("input[name=is_source_confirmed]")
    page.locator("[data-w-dropdown-target=toggle]").last.click()  # the footer's other actions
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))

    assert CORRECTED_HEADLINE in urllib.request.urlopen(site + "/").read().decode()


def test_a_reporter_is_not_offered_publishing(page, site):
    articles = json.load(urllib.request.urlopen(f"{site}/api/v2/pages/?type=newsroom_articles.ArticlePage"))
    log_in(page, site, REPORTER)
    page.goto(f"{site}/admin/pages/{articles['items'][0]['id']}/edit/")

    assert page.locator("button[name=action-publish]").count() == 0
    assert page.locator("button[name=action-submit]").count() == 1  # submit for moderation instead


def test_a_reader_follows_the_story_and_the_byline(page, site):
    page.goto(site + "/")
    page.get_by_role("link", name=CORRECTED_HEADLINE).click()

    assert page.locator("h1").inner_text() == CORRECTED_HEADLINE
    for part in (".byline", "time", ".article-body p", ".source-credit", ".bio-box", ".copyright"):
        assert page.locator(part).first.is_visible(), part
    assert "Source: Fox News" in page.locator(".source-credit").inner_text()

    page.locator(".byline a", has_text=AUTHOR).click()
    assert page.locator("h1").inner_text() == AUTHOR
    page.get_by_role("link", name=CORRECTED_HEADLINE).click()
    assert page.locator("h1").inner_text() == CORRECTED_HEADLINE


@pytest.mark.parametrize("format_name", ["rss", "atom"])
def test_feedparser_reads_the_headline_and_author(site, format_name):
    feed = feedparser.parse(urllib.request.urlopen(f"{site}/feeds/latest/{format_name}/").read())

    assert not feed.bozo
    assert feed.entries[0].title == CORRECTED_HEADLINE
    assert feed.entries[0].author == AUTHOR


@pytest.mark.parametrize("format_name", ["rss", "atom"])
def test_newsboat_reads_the_headline_and_author(site, format_name, tmp_path):
    assert (CORRECTED_HEADLINE, AUTHOR) in newsboat_items(f"{site}/feeds/latest/{format_name}/", tmp_path)

"""Every page a reader reaches on the showcase desk, in Chromium: written to var/e2e/screens/ at a
desktop's 1280 px and a phone's 390 px, never wider than the screen, clean under axe-core in light
and dark colours, and valid to the Nu Html Checker. The story in Arabic reads right to left on a
page in the interface's language."""

import subprocess
import urllib.error
import urllib.request

import pytest
from django.conf import settings

from ..helpers import AXE, STORIES_DIR, VNU

pytestmark = pytest.mark.e2e

NOT_FOUND = "not found"

PAGES = [
    "home", "article", "article in Arabic", "section", "tag", "author", "authors", "corrections", "search",
    "search results", "withdrawn",
]  # fmt: skip
STATUS = {NOT_FOUND: 404, "withdrawn": 410}  # the others: 200
WIDTHS = {1280: 900, 390: 844}  # a desktop's window, a phone's screen


def url_of(showcase, name):
    return showcase.base + "/no-such-story/" if name == NOT_FOUND else showcase.urls[name]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*PAGES, NOT_FOUND])
def test_each_page_fits_the_screen_and_is_kept_as_a_screenshot(browser, showcase, artefacts, name, width):
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]})
    page = context.new_page()
    response = page.goto(url_of(showcase, name))

    overflow = page.evaluate("document.documentElement.scrollWidth") - width
    page.screenshot(path=artefacts / "screens" / f"{name.replace(' ', '-')}-{width}.png", full_page=True)
    context.close()
    assert response.status == STATUS.get(name, 200)
    assert overflow <= 0, f"{name} is {overflow}px wider than a {width}px screen"


@pytest.mark.parametrize("colours", ["light", "dark"])
@pytest.mark.parametrize("name", [*PAGES, NOT_FOUND])
def test_each_page_has_no_accessibility_violations(browser, showcase, name, colours):
    # The site's policy rightly refuses injected scripts like axe: the test's context bypasses it.
    context = browser.new_context(bypass_csp=True, color_scheme=colours)
    page = context.new_page()
    page.goto(url_of(showcase, name))
    page.add_script_tag(path=str(AXE))

    violations = page.evaluate("async () => (await axe.run()).violations")

    context.close()
    assert [(v["id"], v["impact"], v["help"], [node["target"] for node in v["nodes"]]) for v in violations] == []


def test_each_page_is_valid_html(showcase, artefacts):
    files = []
    for name in [*PAGES, NOT_FOUND]:
        files.append(artefacts / f"{name.replace(' ', '-')}.html")
        try:
            files[-1].write_bytes(urllib.request.urlopen(url_of(showcase, name)).read())
        except urllib.error.HTTPError as error:  # the page not found, the withdrawn story's notice
            files[-1].write_bytes(error.read())

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", *map(str, files)], capture_output=True, text=True, timeout=300
    )

    assert result.returncode == 0, result.stderr


def test_the_story_in_arabic_reads_right_to_left_on_a_page_in_the_interface_language(page, showcase):
    headline = (STORIES_DIR / "language_arabic.txt").read_text(encoding="utf-8").splitlines()[0]
    page.goto(showcase.urls["article in Arabic"])

    marked = "e => [e.getAttribute('lang'), e.getAttribute('dir'), getComputedStyle(e).direction]"
    around = page.locator("html").evaluate(marked)
    story = [page.locator(selector).evaluate(marked) for selector in ("article h1", "article .article-body")]

    assert page.locator("article h1").inner_text() == headline
    assert around == [settings.LANGUAGE_CODE, None, "ltr"]
    assert story == [["ar", "rtl", "rtl"], ["ar", "rtl", "rtl"]]


def test_the_arabic_story_s_bio_and_copyright_notice_take_their_own_direction(page, showcase):
    page.goto(showcase.urls["article in Arabic"])

    direction = "e => [e.textContent.trim().slice(0, 2), getComputedStyle(e).direction]"
    bio = page.locator(".bio-box .bio-text").evaluate(direction)
    notice = page.locator(".article-footer .copyright span").evaluate(direction)

    assert bio == ["لي", "rtl"]  # "ليلى عبد الرحمن صحفية…", unmarked by language: the text's own direction
    assert notice == ["© ", "rtl"]  # "© 2026 صوت الخليج.": isolated, so its full stops stay where they belong

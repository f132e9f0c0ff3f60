"""Every hostile and sample story file, imported and published, renders as the text it is.

Pages, JSON-LD, RSS, Atom and JSON Feed give the headline, byline and text back literally; no
markup from a file becomes live; the Atom feed is valid against RFC 4287's schema (jing).
"""

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from articles.importing import ImportOptions, import_file
from articles.models import ArticleCredit, ArticlePage
from authors.models import AuthorPage

from .helpers import ATOM_SCHEMA, HOSTILE_DIR, requires_jing

STORY_DIRS = (HOSTILE_DIR, Path(__file__).parent / "stories")
ATOM = "{http://www.w3.org/2005/Atom}"
# Elements that would run, load or submit something: none may come from a story file.
LIVE_MARKUP = ["script", "style", "img", "iframe", "object", "embed", "form", "input", "link", "meta", "svg"]


@pytest.fixture
def every_story(newsroom, settings):
    """Every story file that imports, published (a byline is added where the file has none)."""
    settings.NEWSROOM_FEED_ITEMS = settings.NEWSROOM_PAGE_SIZE = 200
    settings.NEWSROOM_IMPORT_MAX_BYTES = 150_000
    options = ImportOptions(publish=True)
    for path in sorted(p for folder in STORY_DIRS for p in folder.iterdir() if p.suffix != ".json"):
        report = import_file(path.name, path.read_bytes(), newsroom, options)
        if report.result:  # many files are one story re-sent; here each is kept as its own article
            ArticlePage.objects.filter(pk=report.result.article.pk).update(story_key=None)
    stand_in = AuthorPage.objects.filter(live=True).first()
    for article in ArticlePage.objects.filter(live=False):
        draft = article.get_latest_revision_as_object()
        if not draft.credits.exists():
            draft.credits = [ArticleCredit(author=stand_in)]
        draft.is_source_confirmed, draft.is_headline_proposed, draft.story_key = True, False, None
        draft.save_revision().publish()
    articles = list(ArticlePage.objects.live())
    assert len(articles) >= 60
    return articles


def test_article_pages_show_story_text_as_text_and_no_story_markup_is_live(client, every_story):
    for article in every_story:
        response = client.get(article.url)
        assert response.status_code == 200, article.title
        soup = BeautifulSoup(response.content, "html.parser")

        assert soup.h1.get_text(strip=True) == article.title.strip()
        scripts = soup.find_all("script")
        assert all(script.get("type") == "application/ld+json" for script in scripts), article.title
        for element in soup.find_all(True):
            assert not any(name.lower().startswith("on") for name in element.attrs), (article.title, element)
            assert not element.get("href", "").lower().startswith("javascript:"), (article.title, element)
        for script in scripts:
            assert "</" not in script.string  # nothing in the data can close the script element
            data = json.loads(script.string)
            if data.get("@type") == "NewsArticle":
                assert data["headline"] == article.title
                names = [link.author.title for link in article.credits.all()]
                assert [person["name"] for person in data["author"]] == names


def test_atom_gives_back_every_headline_and_author_literally(client, every_story):
    feed = feedparser.parse(client.get("/feeds/latest/atom/").content)

    assert not feed.bozo, feed.get("bozo_exception")
    in_feed = sorted((entry.title, [author.name for author in entry.get("authors", [])]) for entry in feed.entries)
    stored = sorted((a.title, [link.author.title for link in a.credits.all()]) for a in every_story)
    assert in_feed == stored


def test_rss_and_json_feed_give_back_every_headline_literally(client, every_story):
    rss = ET.fromstring(client.get("/feeds/latest/rss/").content)
    json_feed = json.loads(client.get("/feeds/latest/json/").content)
    expected = sorted(article.title for article in every_story)

    assert sorted(item.findtext("title") for item in rss.iter("item")) == expected
    assert sorted(item["title"] for item in json_feed["items"]) == expected


def test_no_story_markup_is_live_in_feed_content(client, every_story):
    atom = ET.fromstring(client.get("/feeds/latest/atom/").content)

    for entry in atom.iter(f"{ATOM}entry"):
        content = BeautifulSoup(entry.findtext(f"{ATOM}content"), "html.parser")
        assert not content.find_all(LIVE_MARKUP), entry.findtext(f"{ATOM}title")
        for element in content.find_all(True):
            assert not any(name.lower().startswith("on") for name in element.attrs), element
            assert not element.get("href", "").lower().startswith("javascript:"), element


@requires_jing
def test_atom_feeds_are_valid_against_the_rfc_4287_schema(client, every_story, tmp_path):
    author = every_story[0].credits.first().author
    for url in ("/feeds/latest/atom/", f"/feeds/authors/{author.slug}/atom/"):
        feed_file = tmp_path / "feed.xml"
        feed_file.write_bytes(client.get(url).content)

        result = subprocess.run(["jing", "-c", str(ATOM_SCHEMA), str(feed_file)], capture_output=True, text=True)

        assert result.returncode == 0, (url, result.stdout, result.stderr)


def test_absolute_urls_come_from_the_site_never_from_the_host_header(client, seed_article, settings):
    settings.ALLOWED_HOSTS = ["testserver", "alias.example"]  # a second name the server answers to
    site_root = seed_article.get_site().root_url

    feeds = ("/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/")
    sitemaps = ("/sitemap.xml", "/sitemap-pages.xml", "/sitemap-news-index.xml", "/sitemap-news.xml")
    for url in (seed_article.url, *feeds, *sitemaps):
        text = client.get(url, HTTP_HOST="alias.example").content.decode()

        assert "alias.example" not in text, url
        assert site_root in text, url

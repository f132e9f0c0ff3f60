"""Each story in its own language: imported with the language its file names or its words read as,
and published with it on every channel — the page's ``lang``/``dir``, JSON-LD, Open Graph, the news
sitemap, the feeds and the API (``articles.content_language``)."""

import io
import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import translation

from articles.content_language import google_news_language, language_attributes
from articles.models import ArticlePage

from .factories import ArticlePageFactory, AuthorPageFactory, CorrectionFactory, SectionFactory
from .helpers import STORIES_DIR, extract, import_story_text, json_ld_of_type, open_graph, post_editor_form

STORIES = {"french": "fr", "spanish": "es", "german": "de", "arabic": "ar"}


def import_published(*names):
    paths = [str(STORIES_DIR / f"language_{name}.txt") for name in names]
    call_command("import_story", "--publish", *paths, stdout=io.StringIO(), stderr=io.StringIO())
    return [ArticlePage.objects.get(title=headline_of(name)) for name in names]


def headline_of(name):
    return (STORIES_DIR / f"language_{name}.txt").read_text(encoding="utf-8").splitlines()[0]


def page_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def world_stories(newsroom):
    return dict(zip(STORIES, import_published(*STORIES), strict=True))


@pytest.mark.parametrize(("name", "language"), STORIES.items())
def test_a_story_file_naming_no_language_is_imported_in_the_language_its_words_read_as(newsroom, name, language):
    [article] = import_published(name)

    assert article.live
    assert article.language == language
    assert article.content_language == language


@pytest.mark.parametrize(("name", "language"), STORIES.items())
def test_import_dry_run_json_prints_the_detected_language(newsroom, tmp_path, name, language):
    text = (STORIES_DIR / f"language_{name}.txt").read_text(encoding="utf-8")

    line = json.loads(import_story_text(tmp_path, text, "--dry-run", "--json").splitlines()[0])

    assert line["language"] == language
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize(("name", "language"), STORIES.items())
def test_the_article_page_marks_the_storys_words_with_their_language(client, world_stories, name, language):
    soup = page_soup(client, world_stories[name].url)

    assert soup.html["lang"] == "en"  # the page around the story stays in the reader's language
    assert not soup.html.has_attr("dir")
    for element in (soup.find("h1"), soup.select_one(".article-body")):
        assert element["lang"] == language
        assert element.get("dir") == ("rtl" if name == "arabic" else None)
    assert not soup.select_one("article.article").has_attr("lang")  # "By", "Updated": the page's language


@pytest.mark.parametrize(("name", "language"), STORIES.items())
def test_json_ld_and_open_graph_give_the_storys_language(client, world_stories, name, language):
    url = "http://localhost" + world_stories[name].url
    data = extract(client, url)

    assert json_ld_of_type(data, "NewsArticle")["inLanguage"] == language
    assert ("og:locale", language) in open_graph(data)


def test_the_news_sitemap_names_each_storys_language(client, world_stories):
    soup = BeautifulSoup(client.get("/sitemap-news.xml").content, "xml")

    languages = {
        url.find("news:title").get_text(): url.find("news:language").get_text() for url in soup.find_all("url")
    }
    assert languages == {headline_of(name): language for name, language in STORIES.items()}


def test_atom_entries_in_another_language_than_the_feeds_say_so(client, seed_article, world_stories):
    feed = feedparser.parse(client.get("/feeds/latest/atom/").content)
    raw = BeautifulSoup(client.get("/feeds/latest/atom/").content, "xml")

    assert feed.feed.language == "en"
    entry_languages = {entry.find("title").get_text(): entry.get("xml:lang") for entry in raw.find_all("entry")}
    assert entry_languages == {**{headline_of(n): lang for n, lang in STORIES.items()}, seed_article.title: None}
    assert {entry.title: entry.title_detail.language for entry in feed.entries}[headline_of("arabic")] == "ar"


def test_json_feed_items_give_each_storys_language(client, seed_article, world_stories):
    feed = json.loads(client.get("/feeds/latest/json/").content)

    languages = {item["title"]: item["language"] for item in feed["items"]}
    assert feed["language"] == "en"
    assert languages == {**{headline_of(n): lang for n, lang in STORIES.items()}, seed_article.title: "en"}


@pytest.mark.parametrize("format_name", ["rss", "atom", "json"])
def test_the_corrections_feed_gives_each_correction_its_storys_language(
    client, seed_article, world_stories, format_name
):
    for article in (seed_article, world_stories["german"]):
        CorrectionFactory(article=article, text=f"Corrected: {article.title[:20]}")

    response = client.get(f"/feeds/corrections/{format_name}/")

    assert response.status_code == 200
    if format_name == "atom":
        entries = BeautifulSoup(response.content, "xml").find_all("entry")
        assert sorted(str(entry.get("xml:lang")) for entry in entries) == ["None", "de"]  # the seed's is the feed's
    elif format_name == "json":
        assert sorted(item["language"] for item in response.json()["items"]) == ["de", "en"]
    else:
        assert len(feedparser.parse(response.content).entries) == 2


def test_rss_keeps_the_feeds_own_language_on_its_channel(client, world_stories):
    feed = feedparser.parse(client.get("/feeds/latest/rss/").content)

    assert feed.feed.language == "en"


def test_the_api_gives_each_storys_language(client, world_stories):
    response = client.get("/api/v2/pages/?type=newsroom_articles.ArticlePage&fields=language")

    languages = {item["title"]: item["language"] for item in response.json()["items"]}
    assert languages == {headline_of(name): language for name, language in STORIES.items()}


@pytest.mark.parametrize(("name", "language"), STORIES.items())
def test_syndication_sends_each_story_in_its_language(client, world_stories, name, language):
    article = world_stories[name]

    ninjs = json.loads(client.get(f"/syndication/{article.pk}.ninjs.json").content)
    newsml = BeautifulSoup(client.get(f"/syndication/{article.pk}.xml").content, "xml")

    assert ninjs["language"] == language
    assert newsml.find("language")["tag"] == language


def test_listings_mark_the_headline_and_standfirst_of_a_story_in_another_language(client, newsroom):
    section = SectionFactory(name="World")
    ArticlePageFactory(parent=newsroom.news_index, title="Le pont rouvrira", dek="Au printemps.", language="fr",
                       section=section, live=True)  # fmt: skip
    ArticlePageFactory(parent=newsroom.news_index, title="افتتاح محطة", language="ar", section=section, live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Bridge to reopen", section=section, live=True)

    for url in ("/", "/section/world/", "/search/?q=pont"):
        cards = {
            card.select_one(".card-headline").get_text(strip=True): card for card in page_soup(client, url)("article")
        }
        french = cards["Le pont rouvrira"]
        assert french.select_one(".card-headline")["lang"] == "fr", url
        assert french.select_one(".dek")["lang"] == "fr", url
        if "Bridge to reopen" in cards:
            assert not cards["Bridge to reopen"].select_one(".card-headline").has_attr("lang"), url
            assert cards["افتتاح محطة"].select_one(".card-headline")["dir"] == "rtl", url


def test_the_author_page_lists_a_story_in_another_language_marked(client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Claire Bouchard", live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Le pont rouvrira", language="fr", authors=[author], live=True)

    headline = page_soup(client, author.url).select_one(".card-headline")

    assert headline["lang"] == "fr"


def test_a_file_naming_its_language_keeps_it(newsroom, tmp_path):
    body = (STORIES_DIR / "language_french.txt").read_text(encoding="utf-8")
    message = (
        "From: Claire Bouchard <claire@echo.example>\nSubject: Le pont de l'Île-Verte rouvrira\n"
        "Content-Language: fr-CA\nContent-Type: text/plain; charset=utf-8\n\n" + body
    )

    import_story_text(tmp_path, message, name="story.eml")

    assert ArticlePage.objects.get().language == "fr-CA"  # not the "fr" its words read as


def test_a_story_too_short_to_tell_takes_its_locales_language(client, newsroom, tmp_path):
    import_story_text(tmp_path, "Bridge shut\nBy Jane Doe\nThe A4 bridge is shut until Monday.\n", "--publish")

    article = ArticlePage.objects.get()
    soup = page_soup(client, article.url)
    assert article.language == ""
    assert article.content_language == "en"  # the Wagtail locale's
    assert not soup.find("h1").has_attr("lang")
    assert json_ld_of_type(extract(client, "http://localhost" + article.url), "NewsArticle")["inLanguage"] == "en"


def test_a_re_import_keeps_the_language_an_editor_chose(newsroom):
    [article] = import_published("spanish")
    article.language = "ca"
    article.save_revision().publish()

    [article] = import_published("spanish")

    assert article.language == "ca"


def test_the_editor_sets_the_language_as_a_language_code(admin_client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ana Souza", live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index, title="Brasília aprova orçamento", authors=[author], live=True
    )

    post_editor_form(admin_client, article, "action-publish", language="PT-br")

    article.refresh_from_db()
    assert article.language == "pt-BR"
    assert page_soup(admin_client, article.url).find("h1")["lang"] == "pt-BR"


def test_the_editor_refuses_a_language_that_is_no_language_code(admin_client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, title="A story", live=True)

    response = post_editor_form(admin_client, article, "action-publish", language="Portuguese (Brazil)")

    assert "is not a language code" in response.content.decode()
    article.refresh_from_db()
    assert article.language == ""


def test_a_left_to_right_story_on_a_right_to_left_page_says_so(client, newsroom):
    with translation.override("ar"):
        assert language_attributes("fr", "ar") == ' lang="fr" dir="ltr"'
        assert language_attributes("ar-EG", "ar") == ""
        assert language_attributes("he", "ar") == ' lang="he"'


@pytest.mark.parametrize(
    ("tag", "news_language"),
    [("fr", "fr"), ("pt-BR", "pt"), ("zh", "zh-cn"), ("zh-Hans", "zh-cn"), ("zh-Hant", "zh-tw"), ("zh-TW", "zh-tw"),
     ("zh-Hant-HK", "zh-tw"), ("zh-HK", "zh-tw"), ("zh-CN", "zh-cn"), ("en-US", "en")],
)  # fmt: skip
def test_google_news_language_is_the_language_alone_but_for_chinese_scripts(tag, news_language):
    assert google_news_language(tag) == news_language

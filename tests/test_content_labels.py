"""Content labels — News, Opinion, Analysis, Review, Explainer, Satire, Sponsored — on the page, the
cards, the feeds, the JSON-LD and the API, the sponsor's disclosure, and the file's label line."""

import json
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.feed_checks import check_feed
from articles.labels import ContentLabel
from articles.models import ArticlePage
from articles.parsing import StoryFormatError, format_story, parse_story, read_story_file
from articles.parsing.labels import LABEL_LINES, LABEL_WORDS
from articles.publication_check import publication_problems

from .factories import ArticlePageFactory, AuthorPageFactory
from .helpers import (
    HARBOUR_STORY,
    HOSTILE_DIR,
    SEED_FILES,
    STORIES_DIR,
    atom_schema_errors,
    extract,
    import_story_text,
    json_ld_of_type,
    messages_of,
    post_editor_form,
    requires_jing,
    unknown_schema_org_terms,
)

REALWORLD_DIR = Path(__file__).resolve().parent / "realworld"
LABELLED = [
    ("opinion", "Opinion", "OpinionNewsArticle"),
    ("analysis", "Analysis", "AnalysisNewsArticle"),
    ("review", "Review", "ReviewNewsArticle"),
    ("explainer", "Explainer", "BackgroundNewsArticle"),
    ("satire", "Satire", "SatiricalArticle"),
    ("sponsored", "Sponsored", "AdvertiserContentArticle"),
]
FORMATS = ["rss", "atom", "json"]
HOSTILE_NAME = '</p><script>alert("name")</script> & Sons'
HOSTILE_URL = 'https://sponsor.example/?a="><script>alert(1)</script>'
HARBOUR_BODY = HARBOUR_STORY.split("\n", 1)[1]  # the story under its headline


def labelled_story(newsroom, label, title="A labelled story", **fields):
    if label == "sponsored":
        fields = {"sponsor_name": "Acme Bank", "sponsor_url": "https://acme.example/", **fields}
    author = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)
    return ArticlePageFactory(
        parent=newsroom.news_index, title=title, authors=[author], label=label, live=True, **fields
    )


def page_soup(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def header_label(soup):
    found = soup.select_one(".article-header .content-label")
    return found and found.get_text(" ", strip=True)


def feed_entry(client, format_name, title):
    response = client.get(f"/feeds/latest/{format_name}/")
    assert response.status_code == 200
    assert check_feed(response.content, response["Content-Type"]) == []
    if format_name == "json":
        return next(item for item in json.loads(response.content)["items"] if item["title"] == title)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return next(entry for entry in parsed.entries if entry.title == title)


# --- the article page and the cards


@pytest.mark.parametrize(("label", "text", "schema_type"), LABELLED[:-1])
def test_the_label_stands_above_the_headline(client, newsroom, label, text, schema_type):
    soup = page_soup(client, labelled_story(newsroom, label))

    assert header_label(soup) == text
    label_element = soup.select_one(".article-header .content-label")
    assert label_element.find_next_sibling("h1").get_text() == "A labelled story"


def test_a_news_story_shows_no_label(client, newsroom):
    soup = page_soup(client, labelled_story(newsroom, "news"))

    assert soup.select(".content-label") == []


def test_a_sponsored_story_names_its_sponsor_above_the_headline(client, newsroom):
    soup = page_soup(client, labelled_story(newsroom, "sponsored"))

    notice = soup.select_one(".article-header .content-label")
    assert notice.get_text(" ", strip=True) == "Sponsored by Acme Bank"
    link = notice.find("a")
    assert link["href"] == "https://acme.example/"
    assert link["rel"] == ["sponsored", "noopener"]
    assert notice.find_next_sibling("h1") is not None


def test_a_sponsors_link_on_the_site_itself_is_sponsored_without_noopener(client, newsroom):
    article = labelled_story(newsroom, "sponsored", sponsor_url="http://localhost/partners/acme/")

    link = page_soup(client, article).select_one(".content-label a")

    assert link["rel"] == ["sponsored"]


def test_a_sponsor_without_a_website_is_named_unlinked(client, newsroom):
    article = labelled_story(newsroom, "sponsored", sponsor_url="")

    notice = page_soup(client, article).select_one(".content-label")

    assert notice.get_text(" ", strip=True) == "Sponsored by Acme Bank"
    assert notice.find("a") is None


def test_the_cards_show_each_label_but_news(client, newsroom):
    for label, _, _ in [("news", "", ""), *LABELLED]:
        labelled_story(newsroom, label, title=f"The {label} story")

    soup = BeautifulSoup(client.get("/").content, "html.parser")
    cards = {card.select_one(".card-headline").get_text(strip=True): card for card in soup.select("article.card")}

    assert cards["The news story"].select(".content-label") == []
    for label, text, _ in LABELLED:
        shown = cards[f"The {label} story"].select_one(".content-label").get_text(strip=True)
        assert shown == ("Sponsored by Acme Bank" if label == "sponsored" else text)
    assert cards["The sponsored story"].select(".content-label a") == []  # the card is a link to the story


# --- structured data


@pytest.mark.parametrize(("label", "text", "schema_type"), [("news", "News", "NewsArticle"), *LABELLED])
def test_json_ld_is_the_labels_schema_org_type(client, newsroom, label, text, schema_type):
    article = labelled_story(newsroom, label)

    data = json_ld_of_type(extract(client, article.full_url), schema_type)

    assert data["headline"] == "A labelled story"
    assert unknown_schema_org_terms(data) == set()


def test_json_ld_names_the_sponsor_of_a_sponsored_story(client, newsroom):
    article = labelled_story(newsroom, "sponsored")

    data = json_ld_of_type(extract(client, article.full_url), "AdvertiserContentArticle")

    assert data["sponsor"] == {"@type": "Organization", "name": "Acme Bank", "url": "https://acme.example/"}


def test_json_ld_of_an_opinion_names_no_sponsor(client, newsroom):
    article = labelled_story(newsroom, "opinion", sponsor_name="Left over")

    assert "sponsor" not in json_ld_of_type(extract(client, article.full_url), "OpinionNewsArticle")


# --- feeds


@pytest.mark.parametrize(("label", "text", "schema_type"), LABELLED)
def test_rss_carries_the_label_as_a_category_beside_the_section_and_tags(client, newsroom, label, text, schema_type):
    article = labelled_story(newsroom, label)
    article.tags.add("harbour")
    article.save_revision().publish()

    entry = feed_entry(client, "rss", "A labelled story")

    assert sorted(tag.term for tag in entry.tags) == sorted([text, "harbour"])


@pytest.mark.parametrize(("label", "text", "schema_type"), LABELLED)
def test_atom_carries_the_label_as_a_category_with_its_term_and_label(client, newsroom, label, text, schema_type):
    labelled_story(newsroom, label)

    entry = feed_entry(client, "atom", "A labelled story")

    assert [(tag.term, tag.label) for tag in entry.tags] == [(label, text)]


@pytest.mark.parametrize(("label", "text", "schema_type"), LABELLED)
def test_json_feed_carries_the_label_as_its_first_tag(client, newsroom, label, text, schema_type):
    article = labelled_story(newsroom, label)
    article.tags.add("harbour")
    article.save_revision().publish()

    assert feed_entry(client, "json", "A labelled story")["tags"] == [text, "harbour"]


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_news_story_carries_no_label_category(client, newsroom, format_name):
    labelled_story(newsroom, "news")

    entry = feed_entry(client, format_name, "A labelled story")

    assert (entry["tags"] if format_name == "json" else entry.get("tags", [])) == []


def test_a_sponsored_storys_feed_content_names_the_sponsor(client, newsroom):
    labelled_story(newsroom, "sponsored")

    entry = feed_entry(client, "json", "A labelled story")
    notice = BeautifulSoup(entry["content_html"], "html.parser").select_one(".content-label")

    assert notice.get_text(" ", strip=True) == "Sponsored by Acme Bank"
    assert notice.find("a")["rel"] == ["sponsored", "noopener"]


@requires_jing
def test_an_atom_feed_of_every_label_is_valid_against_the_rfc_4287_schema(client, newsroom, tmp_path):
    for label, _, _ in LABELLED:
        labelled_story(newsroom, label, title=f"The {label} story")

    assert atom_schema_errors(client.get("/feeds/latest/atom/").content, tmp_path) == ""


# --- the API


@pytest.mark.parametrize(("label", "text", "schema_type"), [("news", "News", "NewsArticle"), *LABELLED])
def test_the_api_carries_the_label(client, newsroom, label, text, schema_type):
    article = labelled_story(newsroom, label)

    item = client.get(f"/api/v2/pages/{article.pk}/").json()

    assert item["label"] == {"id": label, "name": text, "schema_type": schema_type}
    sponsor = {"name": "Acme Bank", "url": "https://acme.example/"} if label == "sponsored" else None
    assert item["sponsor"] == sponsor


# --- the publication check and the sponsor's fields


def test_a_sponsored_story_without_a_sponsor_is_refused(newsroom):
    article = labelled_story(newsroom, "sponsored", sponsor_name="  ", title="Unsigned")

    problems = [problem for problem in publication_problems(article) if problem.field == "sponsor_name"]

    assert len(problems) == 1
    assert "sponsor" in problems[0].message


def test_a_sponsored_story_with_its_sponsor_may_be_published(newsroom):
    article = labelled_story(newsroom, "sponsored")

    assert [problem for problem in publication_problems(article) if problem.field == "sponsor_name"] == []


def test_the_editor_refuses_to_publish_a_sponsored_story_without_a_sponsor(admin_client, newsroom):
    article = labelled_story(newsroom, "news", title="To be sponsored")

    response = post_editor_form(admin_client, article, "action-publish", label="sponsored", sponsor_name="")

    assert any("names no sponsor" in message for message in messages_of(response))
    article.refresh_from_db()
    assert article.label == "news"  # readers still have the version before: nothing was published
    assert article.get_latest_revision_as_object().label == "sponsored"


def test_a_javascript_sponsor_url_is_refused(newsroom):
    article = labelled_story(newsroom, "sponsored", sponsor_url="https://acme.example/")
    article.sponsor_url = "javascript:alert(1)"

    with pytest.raises(ValidationError) as refused:
        article.full_clean()

    assert "sponsor_url" in refused.value.message_dict


def test_a_hostile_sponsor_is_text_on_the_page(client, newsroom):
    article = labelled_story(newsroom, "sponsored", sponsor_name=HOSTILE_NAME, sponsor_url=HOSTILE_URL)
    article.full_clean()  # the hostile address is still a URL

    soup = page_soup(client, article)
    notice = soup.select_one(".content-label")

    assert notice.get_text(" ", strip=True) == f"Sponsored by {HOSTILE_NAME}"
    assert notice.find("a")["href"] == HOSTILE_URL
    assert notice.find("script") is None
    assert not [script for script in soup.find_all("script") if "alert" in script.get_text() and not script.get("type")]


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_hostile_sponsor_leaves_the_feeds_valid(client, newsroom, format_name):
    labelled_story(newsroom, "sponsored", sponsor_name=HOSTILE_NAME, sponsor_url=HOSTILE_URL)

    entry = feed_entry(client, format_name, "A labelled story")

    content = entry["content_html"] if format_name == "json" else entry.content[0].value
    notice = BeautifulSoup(content, "html.parser").select_one(".content-label")
    assert notice.get_text(" ", strip=True) == f"Sponsored by {HOSTILE_NAME}"
    assert notice.find("script") is None


def test_a_hostile_sponsor_is_a_name_in_json_ld(client, newsroom):
    article = labelled_story(newsroom, "sponsored", sponsor_name=HOSTILE_NAME, sponsor_url=HOSTILE_URL)

    data = json_ld_of_type(extract(client, article.full_url), "AdvertiserContentArticle")

    assert data["sponsor"]["name"] == HOSTILE_NAME


# --- importing


def test_the_importer_sets_the_label_the_file_gives(newsroom, tmp_path):
    import_story_text(tmp_path, f"ANALYSIS: Harbour bridge to reopen\n{HARBOUR_BODY}")

    article = ArticlePage.objects.get()
    assert (article.label, article.title) == ("analysis", "Harbour bridge to reopen")


def test_the_importer_names_the_sponsor_the_file_gives(newsroom, tmp_path):
    import_story_text(tmp_path, f"Sponsored by Acme Bank\n{HARBOUR_STORY}", "--publish")

    article = ArticlePage.objects.get()
    assert (article.label, article.sponsor_name, article.live) == ("sponsored", "Acme Bank", True)


def test_an_imported_sponsored_story_without_a_sponsor_is_not_published(newsroom, tmp_path):
    output = import_story_text(tmp_path, f"SPONSORED\n{HARBOUR_STORY}", "--publish")

    article = ArticlePage.objects.get()
    assert (article.label, article.live) == ("sponsored", False)
    assert "sponsor" in output


def test_a_resent_file_without_its_label_line_keeps_the_editors_label(newsroom, tmp_path):
    import_story_text(tmp_path, f"OPINION\n{HARBOUR_STORY}")
    import_story_text(tmp_path, HARBOUR_STORY.replace("All rights", "Some rights"))

    assert ArticlePage.objects.get().get_latest_revision_as_object().label == "opinion"


# --- parsing


@pytest.mark.parametrize(
    ("first_line", "label"),
    [
        ("OPINION", "opinion"),
        ("Opinion", "opinion"),
        ("COMMENT", "opinion"),
        ("EDITORIAL:", "opinion"),
        ("Commentary", "opinion"),
        ("ANALYSIS", "analysis"),
        ("News Analysis", "analysis"),
        ("REVIEW", "review"),
        ("EXPLAINER", "explainer"),
        ("SATIRE", "satire"),
        ("SPONSORED", "sponsored"),
        ("Sponsored content", "sponsored"),
        ("PAID CONTENT", "sponsored"),
        ("Paid post", "sponsored"),
        ("ADVERTISEMENT", "sponsored"),
    ],
)
def test_a_label_line_standing_alone_labels_the_story(first_line, label):
    story = parse_story(f"{first_line}\n{HARBOUR_STORY}")

    assert (story.label, story.headline, story.authors[0].name) == (label, "Harbour bridge to reopen", "Jane Doe")


@pytest.mark.parametrize(
    ("first_line", "label"),
    [
        ("ANALYSIS: Harbour bridge to reopen", "analysis"),
        ("Analysis: Harbour bridge to reopen", "analysis"),
        ("Opinion | Harbour bridge to reopen", "opinion"),
        ("OPINION — Harbour bridge to reopen", "opinion"),
        ("EDITORIAL: Harbour bridge to reopen", "opinion"),
        ("Review - Harbour bridge to reopen", "review"),
        ("Explainer: Harbour bridge to reopen", "explainer"),
    ],
)
def test_a_label_before_the_headline_is_taken_off_it(first_line, label):
    story = parse_story(f"{first_line}\n{HARBOUR_BODY}")

    assert (story.label, story.headline, story.is_headline_proposed) == (label, "Harbour bridge to reopen", False)


def test_a_sponsor_line_names_the_sponsor():
    story = parse_story(f"Sponsored by Acme Bank\n{HARBOUR_STORY}")

    assert (story.label, story.sponsor, story.headline) == ("sponsored", "Acme Bank", "Harbour bridge to reopen")


def test_a_labelled_byline_labels_the_story_and_keeps_the_writer():
    story = parse_story(HARBOUR_STORY.replace("By Jane Doe", "Analysis by Jane Doe"))

    assert (story.label, [author.name for author in story.authors]) == ("analysis", ["Jane Doe"])


def test_a_label_in_a_markdown_heading_leaves_the_heading():
    text = "# Opinion: Harbour bridge to reopen\n\n" + HARBOUR_BODY.replace("\n", "\n\n")

    story = parse_story(text, markup="markdown")

    assert (story.label, story.headline) == ("opinion", "Harbour bridge to reopen")


@pytest.mark.parametrize(
    "first_line",
    [
        "Analysis shows the harbour bridge needs repairs",
        "Opinion polls favour the harbour bridge",
        "Review of harbour bridge ordered",
        "Editorial board backs the harbour bridge",
        "Advertisement",  # web furniture copied with a story, not a label
        "opinion: Harbour bridge to reopen",  # not written as a label is
        "Opinion: the council was wrong to close the harbour bridge, and it should say so.",  # a sentence
        "Sponsored by Acme Bank, the harbour bridge fund raised money. It reopens next month; crews are ready.",
    ],
)
def test_a_first_line_that_only_mentions_a_label_word_is_no_label(first_line):
    assert parse_story(f"{first_line}\n{HARBOUR_BODY}").label == ""


def test_a_body_sentence_about_an_opinion_is_no_label():
    text = HARBOUR_STORY.replace("Engineers found", "OPINION: engineers found")

    assert parse_story(text).label == ""


def test_every_label_is_one_the_site_knows():
    assert set(LABEL_WORDS.values()) | set(LABEL_LINES) <= set(ContentLabel.values) - {"news"}


WORDS = ["analysis", "opinion", "review", "comment", "editorial", "sponsored", "paid", "content", "satire",
         "explainer", "shows", "bridge", "harbour", "council", "polls", "the", "of", "a", "new", "reopens"]  # fmt: skip
ordinary_lines = st.lists(st.sampled_from(WORDS), min_size=2, max_size=10).map(lambda w: " ".join(w).capitalize())


@settings(max_examples=200, deadline=None)
@given(ordinary_lines)
def test_an_ordinary_first_line_is_no_label_whatever_its_words(first_line):
    """Label words in a headline or a lede, without the separator or standing alone, say nothing."""
    words = first_line.split()
    if len(words) == 2 and " ".join(words).casefold() in LABEL_WORDS:
        return  # "Paid content", "Sponsored content": two words that are a label standing alone
    assert parse_story(f"{first_line}\n{HARBOUR_BODY}").label == ""


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(LABEL_LINES.items())), st.sampled_from([": ", " | ", " — ", " – ", " - "]), ordinary_lines
)
def test_a_label_and_a_separator_before_any_headline_label_it(label_line, separator, headline):
    label, word = label_line
    story = parse_story(f"{word}{separator}{headline}\n{HARBOUR_BODY}")

    assert (story.label, story.headline) == (label, headline)


def corpus_files():
    """Every story file of the corpus, the fixtures and the seeds (not their folders' other files)."""
    files = [*sorted(REALWORLD_DIR.glob("*.txt")), *sorted(STORIES_DIR.glob("*")), *SEED_FILES]
    files += sorted(HOSTILE_DIR.glob("*"))
    return [path for path in files if path.is_file() and path.suffix in {".txt", ".md", ".markdown"}]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_no_file_of_the_real_world_corpus_seeds_or_fixtures_reads_as_labelled(path):
    try:
        story = read_story_file(path.name, path.read_bytes(), 150_000)[0]
    except StoryFormatError:
        return  # refused files have no label to read
    assert (story.label, story.sponsor) == ("", "")


def test_a_labelled_story_round_trips_through_the_file_format():
    story = parse_story(f"Sponsored by Acme Bank\n{HARBOUR_STORY}")

    assert parse_story(format_story(story)) == story

"""Each person credited on a story in a role: the byline's writers and the credits line's others, the
same on the page, in RSS, Atom and JSON Feed, in JSON-LD and in the API, from the admin or the file."""

import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from articles.credits import CREDIT_SENTENCES, CreditRole, credit_sentence, credits_text
from articles.feed_checks import check_feed
from articles.metadata import BylineAuthor, credits_line_html

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory
from .helpers import (
    atom_schema_errors,
    edit_url,
    extract,
    json_ld_of_type,
    requires_jing,
    unknown_schema_org_terms,
)
from .test_importing import import_text

CREDITED_STORY = """Harbour bridge reopens after two years
By Jane Doe and John Roe
The harbour bridge reopened to traffic on Tuesday after two years of repairs.
Engineers replaced both supports during the closure.
Additional reporting by Ana Pérez and Kenji Sato; Editing by Olu Bello
Photos by Ines Vidal
Translated by Marta Nowak
Tomás Ruiz contributed to this report.
"""


@pytest.fixture
def credited_article(newsroom):
    """Two writers (one with a live page), then one person in each other role."""
    jane = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", bio="<p>Jane covers transport.</p>")
    john = AuthorPageFactory(parent=newsroom.author_index, title="John Roe", live=False)
    people = {
        role: AuthorPageFactory(parent=newsroom.author_index, title=name, live=live)
        for role, name, live in [
            (CreditRole.ADDITIONAL_REPORTING, "Ana Pérez", True),
            (CreditRole.PHOTOGRAPHY, "Ines Vidal", False),
            (CreditRole.VIDEO, "Lee Chan", False),
            (CreditRole.GRAPHICS, "Sam Okafor", False),
            (CreditRole.EDITING, "Olu Bello", False),
            (CreditRole.TRANSLATION, "Marta Nowak", False),
            (CreditRole.RESEARCH, "Priya Nair", False),
        ]
    }
    return ArticlePageFactory(
        parent=newsroom.news_index,
        title="Harbour bridge reopens",
        authors=[jane, john],
        credits=[(page, role) for role, page in people.items()],
        lead_image=ImageFactory(title="The bridge", creator=""),
        live=True,
    )


def page_text(client, url):
    return " ".join(BeautifulSoup(client.get(url).content, "html.parser").get_text(" ").split())


def test_the_file_s_credit_lines_become_credits_in_order_and_leave_the_body(newsroom, client):
    article = import_text(CREDITED_STORY, newsroom, publish=True).article

    credits = [(credit.author.title, credit.role) for credit in article.credits.all()]
    assert credits == [
        ("Jane Doe", "writer"),
        ("John Roe", "writer"),
        ("Ana Pérez", "additional-reporting"),
        ("Kenji Sato", "additional-reporting"),
        ("Olu Bello", "editing"),
        ("Ines Vidal", "photography"),
        ("Marta Nowak", "translation"),
        ("Tomás Ruiz", "contributing"),
    ]
    assert len(article.body) == 2  # the credit lines are not paragraphs
    text = page_text(client, article.url)
    assert "By Jane Doe and John Roe" in text
    assert (
        "Additional reporting by Ana Pérez and Kenji Sato. Edited by Olu Bello. Photos by Ines Vidal. "
        "Translated by Marta Nowak. Tomás Ruiz contributed to this report."
    ) in text


def test_the_writers_pages_go_live_with_the_story_the_others_wait_for_an_editor(newsroom):
    article = import_text(CREDITED_STORY, newsroom, publish=True).article

    live = {credit.author.title: credit.author.live for credit in article.credits.select_related("author")}
    assert live["Jane Doe"] and live["John Roe"]
    assert not any(live[name] for name in ("Ana Pérez", "Olu Bello", "Ines Vidal", "Tomás Ruiz"))


def test_the_page_shows_writers_in_the_byline_and_the_others_in_the_credits_line(client, credited_article):
    soup = BeautifulSoup(client.get(credited_article.url).content, "html.parser")

    byline = " ".join(soup.select_one(".byline").get_text(" ").split())
    assert "Jane Doe" in byline and "John Roe" in byline and "Ana Pérez" not in byline
    line = soup.select_one(".article-credits")
    assert line.get_text() == (
        "Additional reporting by Ana Pérez. Photos by Ines Vidal. Video by Lee Chan. Graphics by Sam Okafor. "
        "Edited by Olu Bello. Translated by Marta Nowak. Research by Priya Nair."
    )
    assert [a.get_text() for a in line.select("a")] == ["Ana Pérez"]  # the only one with a live page
    assert [a.get_text() for a in soup.select(".bio-box .bio-name")] == ["Jane Doe", "John Roe"]


def test_json_ld_names_each_role_by_its_schema_org_property(client, credited_article):
    data = json_ld_of_type(extract(client, credited_article.url), "NewsArticle")

    def names(key):
        return [person["name"] for person in data.get(key, [])]

    assert names("author") == ["Jane Doe", "John Roe"]
    assert names("editor") == ["Olu Bello"]
    assert names("translator") == ["Marta Nowak"]
    assert names("contributor") == ["Ana Pérez", "Ines Vidal", "Lee Chan", "Sam Okafor", "Priya Nair"]
    assert data["contributor"][0]["url"] == "http://localhost/authors/ana-p%C3%A9rez/"
    assert {image["creator"][0]["name"] for image in data["image"]} == {"Ines Vidal"}  # the image names no creator
    assert unknown_schema_org_terms(data) == set()


def test_an_image_s_own_creator_outranks_the_credited_photographer(client, credited_article):
    credited_article.lead_image.creator = "Agency Photographer"
    credited_article.lead_image.save()

    data = json_ld_of_type(extract(client, credited_article.url), "NewsArticle")

    assert {image["creator"]["name"] for image in data["image"]} == {"Agency Photographer"}


def test_rss_atom_and_json_feed_carry_the_roles(client, credited_article, tmp_path):
    rss = client.get("/feeds/latest/rss/").content
    atom = client.get("/feeds/latest/atom/").content
    json_response = client.get("/feeds/latest/json/")

    rss_entry = feedparser.parse(rss).entries[0]
    assert not feedparser.parse(rss).bozo
    assert rss_entry.author == "Jane Doe and John Roe"
    assert [person["name"] for person in rss_entry.contributors][:2] == ["Ana Pérez", "Ines Vidal"]
    atom_entry = feedparser.parse(atom).entries[0]
    assert [author["name"] for author in atom_entry.authors] == ["Jane Doe", "John Roe"]
    assert [person["name"] for person in atom_entry.contributors] == [
        "Ana Pérez", "Ines Vidal", "Lee Chan", "Sam Okafor", "Olu Bello", "Marta Nowak", "Priya Nair",
    ]  # fmt: skip
    assert atom_entry.contributors[0]["href"] == "http://localhost/authors/ana-p%C3%A9rez/"
    assert check_feed(json_response.content, json_response["Content-Type"]) == []
    item = json.loads(json_response.content)["items"][0]
    assert [author["name"] for author in item["authors"]] == ["Jane Doe", "John Roe"]
    assert item["_newsroom"]["credits"][:2] == [
        {"name": "Ana Pérez", "role": "additional-reporting", "url": "http://localhost/authors/ana-p%C3%A9rez/"},
        {"name": "Ines Vidal", "role": "photography", "url": None},
    ]
    assert "Edited by Olu Bello." in item["content_html"]


@requires_jing
def test_atom_with_contributors_stays_valid(client, credited_article, tmp_path):
    assert atom_schema_errors(client.get("/feeds/latest/atom/").content, tmp_path) == ""


def test_the_api_lists_every_credit_with_its_role(client, credited_article):
    item = client.get(f"/api/v2/pages/{credited_article.pk}/").json()

    assert [(credit["name"], credit["role"]) for credit in item["credits"]][:3] == [
        ("Jane Doe", "writer"),
        ("John Roe", "writer"),
        ("Ana Pérez", "additional-reporting"),
    ]
    assert item["credits"][2]["role_label"] == "Additional reporting"
    assert [author["name"] for author in item["byline"]] == ["Jane Doe", "John Roe"]


def test_an_author_page_lists_the_stories_they_are_credited_on_once(client, newsroom):
    ana = AuthorPageFactory(parent=newsroom.author_index, title="Ana Pérez", live=True)
    writer = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe")
    ArticlePageFactory(
        parent=newsroom.news_index,
        title="Reported and photographed",
        authors=[writer],
        credits=[(ana, CreditRole.ADDITIONAL_REPORTING), (ana, CreditRole.PHOTOGRAPHY)],
        live=True,
    )

    assert page_text(client, ana.url).count("Reported and photographed") == 1


def test_a_writer_without_a_bio_is_a_warning_not_a_refusal(client, editor, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="No Bio", bio="")
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[author], live=False)
    client.force_login(editor)

    panel = BeautifulSoup(client.get(edit_url(article)).content, "html.parser")

    assert "No Bio has no bio" in panel.get_text()
    assert "Byline, credit and headline are ready to publish." in panel.get_text()
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert article.live


NAMES = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=30)
OTHER_ROLES = st.sampled_from([role for role in CreditRole if role != CreditRole.WRITER])


@given(st.lists(st.tuples(NAMES, OTHER_ROLES), min_size=1, max_size=6))
def test_the_credits_line_names_everyone_grouped_by_role_in_order_and_escaped(people):
    credits = [BylineAuthor(name=name, url="", full_url="", page=None, role=role) for name, role in people]

    text = credits_text(credits)

    assert BeautifulSoup(credits_line_html(credits), "html.parser").get_text() == text  # names are text, not markup
    roles = list(dict.fromkeys(role for _, role in people))
    groups = [[name for name, role in people if role == wanted] for wanted in roles]
    sentences = [credit_sentence(role, names) for role, names in zip(roles, groups, strict=True)]
    assert text == " ".join(sentences)
    for role, sentence in zip(roles, sentences, strict=True):
        assert (
            sentence.startswith(str(CREDIT_SENTENCES[role]).partition("%(names)s")[0])
            if role in CREDIT_SENTENCES
            else sentence.endswith("contributed to this report.")
        )


WIRE_COPY = """Harbour bridge reopens after two years
By Jane Doe, Reuters
BOSTON (Reuters) — The harbour bridge reopened to traffic on Tuesday after two years of repairs.
Engineers replaced both supports during the closure.
Photos by Ines Vidal
"""


def test_people_new_from_wire_copy_are_wire_reporters_named_unlinked(newsroom, client):
    article = import_text(WIRE_COPY, newsroom, publish=True).article

    people = {credit.author.title: credit.author for credit in article.credits.select_related("author")}
    assert {name: page.contributor_type for name, page in people.items()} == {"Jane Doe": "wire", "Ines Vidal": "wire"}
    assert not any(page.live for page in people.values())  # no public page until an editor makes one
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert "Jane Doe" in soup.select_one(".byline").get_text() and not soup.select(".byline a")
    assert soup.select_one(".article-credits").get_text() == "Photos by Ines Vidal."
    assert not soup.select(".article-credits a")


def test_people_new_from_the_site_s_own_copy_are_staff_and_a_known_person_keeps_their_type(newsroom):
    AuthorPageFactory(parent=newsroom.author_index, title="John Roe", contributor_type="guest")

    article = import_text(CREDITED_STORY, newsroom, publish=True).article

    types = {credit.author.title: credit.author.contributor_type for credit in article.credits.select_related("author")}
    assert types["Jane Doe"] == "staff" and types["Ana Pérez"] == "staff"
    assert types["John Roe"] == "guest"


REUTERS_SHAPED = (
    "Floods reach the town centre\n"
    "NEW YORK (Reuters) - The floods reached the town centre overnight, the mayor's office said on Tuesday.\n"
    "More rain is forecast for the weekend. (Reporting by Анна Петрова; Additional reporting by 王小明 in Beijing; "
    "Editing by Joseph Ax)\n"
)


def test_reporting_by_under_a_story_without_a_byline_names_its_writers(newsroom, client):
    article = import_text(REUTERS_SHAPED, newsroom, publish=True).article

    credits = [(credit.author.title, credit.role) for credit in article.credits.all()]
    assert credits == [("Анна Петрова", "writer"), ("王小明", "additional-reporting"), ("Joseph Ax", "editing")]
    assert article.live  # a byline at last: the publication check lets it through
    assert article.body[-1].value.source == "<p>More rain is forecast for the weekend.</p>"

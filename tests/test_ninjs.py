"""ninjs in and out, without a database: the reader over IPTC's and producers' shapes, the writer's
documents against IPTC's ninjs 2.2 schema, and a story written out and read back."""

import contextlib
import datetime
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import FormatChecker

from articles.parsing import StoryFormatError, read_story_file
from articles.parsing.bylines import read_byline
from articles.parsing.formats.ninjs import read_ninjs_file
from articles.parsing.formats.ninjs_writing import ninjs_document, ninjs_message
from articles.parsing.formats.outgoing import CANCELED, OutgoingCorrection, OutgoingItem
from articles.parsing.reading import parse_story
from articles.parsing.story import ORIGINAL, Author, Contributor, Copyright, Story
from articles.parsing.writing import format_story

from .helpers import FORMATS_DIR, ninjs_schema_errors

TESTS = Path(__file__).resolve().parent
FORMATS = FORMATS_DIR
NINJS_SAMPLES = sorted(FORMATS.glob("ninjs-*.json"))
TEXT_SAMPLES = [
    path
    for path in NINJS_SAMPLES
    if "error" not in json.loads((FORMATS / "expected.json").read_text())[path.name] and "kill" not in path.name
]
DATE_TIMES = FormatChecker()
REALWORLD = sorted((TESTS / "realworld").glob("*.txt"))
MAX_BYTES = 150_000
ITEM = OutgoingItem(
    url="https://news.example.com/news/harbour-ferry/",
    first_created_at="2026-11-30T07:42:10+00:00",
    version_created_at="2026-11-30T09:05:31+00:00",
    corrections=(
        OutgoingCorrection("The operator is Fjordlink Ferries, not Fjordlink.", "2026-11-30T09:05:31+00:00"),
        OutgoingCorrection("Adds the union's comment.", "2026-11-30T10:00:00+00:00", kind="update"),
    ),
    licence_url="https://creativecommons.org/licenses/by-nd/4.0/",
    section="News",
    publisher="The Harbour Times",
)
STORY = Story(
    headline="Harbour ferry returns after three-week strike",
    is_headline_proposed=False,
    paragraphs=(
        "The ferry ran again on Monday, ending a strike that had pushed commuters onto one bridge.",
        "## What the deal says",
        "Crews accepted a pay offer, the *Maritime Workers' Union* said. Details are on "
        "[its site](https://union.example.org/deal).",
    ),
    authors=(Author("Marta Lindqvist", "Marta Lindqvist covers transport.", "Transport Reporter"), Author("Ola Berg")),
    contributors=(Contributor("Priya Nair", "additional reporting"),),
    source_name="Coastal News Service",
    source_relationship=ORIGINAL,
    copyright=Copyright("Coastal News Service", 2026, "All rights reserved."),
    dek="Commuters are back on the water.",
    markup="markdown",
    dateline="BERGEN",
    published="2026-11-29T18:00:00+00:00",
    embargo="2026-11-30T08:00:00+00:00",
    label="analysis",
    language="en",
    keywords=("ferries", "strikes"),
    usage_terms="No archiving.",
    guid="https://news.example.com/syndication/42",
    version=3,
)


def read(document: dict) -> Story:
    return read_ninjs_file("item.json", json.dumps(document).encode())[0]


def read_sample(path: Path) -> Story:
    return read_story_file(path.name, path.read_bytes(), MAX_BYTES)[0]


def test_ninjs_samples_are_many_and_each_has_an_entry():
    expected = json.loads((FORMATS / "expected.json").read_text())

    assert {path.name for path in NINJS_SAMPLES} <= set(expected)
    assert len(TEXT_SAMPLES) >= 12
    assert len([path for path in NINJS_SAMPLES if expected[path.name]["kind"] == "made"]) >= 5


def test_ninjs_writer_document_is_valid_ninjs_2_2():
    document = ninjs_document(STORY, ITEM)

    assert ninjs_schema_errors(document) == []
    assert document["standard"] == {
        "name": "ninjs",
        "version": "2.2",
        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json",
    }


def test_ninjs_writer_carries_byline_people_credit_rights_and_corrections():
    document = ninjs_document(STORY, ITEM)

    assert document["by"] == "Marta Lindqvist (Transport Reporter) and Ola Berg"
    assert document["people"] == [
        {"name": "Marta Lindqvist", "rel": "author"},
        {"name": "Ola Berg", "rel": "author"},
        {"name": "Priya Nair", "rel": "additional reporting"},
    ]
    assert document["infosources"] == [
        {"name": "Coastal News Service", "role": "originalpublisher"},
        {"name": "The Harbour Times", "role": "publisher"},
    ]
    assert document["copyrightnotice"] == "© 2026 Coastal News Service. All rights reserved."
    assert document["rightsinfo"] == {"linkedrights": "https://creativecommons.org/licenses/by-nd/4.0/"}
    assert (document["usageterms"], document["embargoed"], document["language"]) == (
        "No archiving.",
        "2026-11-30T08:00:00+00:00",
        "en",
    )
    assert document["genres"] == [{"name": "ANALYSIS", "literal": "analysis"}]
    assert document["descriptions"][1:] == [
        {
            "role": "correction",
            "contenttype": "text/plain",
            "value": "Correction (2026-11-30T09:05:31+00:00): The operator is Fjordlink Ferries, not Fjordlink.",
        },
        {
            "role": "update",
            "contenttype": "text/plain",
            "value": "Update (2026-11-30T10:00:00+00:00): Adds the union's comment.",
        },
    ]


def test_ninjs_writer_bodies_are_html_with_h2_headings_and_plain_text():
    html, text = ninjs_document(STORY, ITEM)["bodies"]

    assert html["contenttype"] == "text/html" and text["contenttype"] == "text/plain"
    assert html["value"].startswith("<p>BERGEN — The ferry ran again on Monday")
    assert "<h2>What the deal says</h2>" in html["value"]
    assert "<i>Maritime Workers&#x27; Union</i>" in html["value"] or "<i>Maritime Workers' Union</i>" in html["value"]
    assert '<a href="https://union.example.org/deal">its site</a>' in html["value"]
    assert "<p>Marta Lindqvist ✉</p><p>Marta Lindqvist covers transport.</p>" in html["value"]
    assert text["value"].splitlines()[1:3] == [
        "What the deal says",
        "Crews accepted a pay offer, the Maritime Workers' Union said. Details are on its site.",
    ]


def test_ninjs_writer_canceled_item_carries_no_content():
    document = ninjs_document(STORY, replace(ITEM, status=CANCELED))

    assert ninjs_schema_errors(document) == []
    assert document["pubstatus"] == "canceled"
    assert set(document) == {"uri", "type", "representationtype", "standard", "version", "firstcreated",
                             "versioncreated", "pubstatus"}  # fmt: skip


def test_ninjs_writer_withholds_a_story_not_for_publication():
    document = ninjs_document(replace(STORY, is_for_publication=False), ITEM)

    assert document["pubstatus"] == "withheld"
    assert read(document).is_for_publication is False


def test_ninjs_round_trip_gives_the_same_story():
    assert read(ninjs_document(STORY, ITEM)) == STORY


def test_ninjs_round_trip_keeps_a_credit_only_the_metadata_gives():
    for relationship in ("via", "wire", "original"):
        story = replace(STORY, source_name="Harbour Radio", source_relationship=relationship, dateline="")

        assert read(ninjs_document(story, ITEM)) == story, relationship


def test_ninjs_canceled_round_trip_is_a_kill_of_the_same_guid_and_version():
    story = read(ninjs_document(STORY, replace(ITEM, status=CANCELED)))

    assert (story.guid, story.version, story.kill.kind, story.paragraphs) == (STORY.guid, 3, "kill", ())


@pytest.mark.parametrize("path", TEXT_SAMPLES, ids=lambda path: path.name)
def test_ninjs_sample_round_trips_and_validates(path):
    story = read_sample(path)
    document = ninjs_document(story, ITEM)

    assert ninjs_schema_errors(document) == []
    assert read(document) == story


def test_ninjs_realworld_stories_round_trip():
    """Every story of the text corpus that the text format itself writes and reads back unchanged (its
    limits are the text format's, not ninjs's) comes back the same from ninjs; but for a proposed
    headline, which goes out as the headline, and a publication time or embargo that is no RFC 3339
    date-time (a date alone, a desk's time without its offset), which ninjs cannot carry."""
    same, stable = 0, 0
    for path in REALWORLD:
        story = replace(read_sample(path), is_headline_proposed=False, guid=f"urn:test:{path.stem}", version=1)
        if replace(parse_story(format_story(story), story.markup), guid=story.guid, version=1) != story:
            continue
        stable += 1
        document = ninjs_document(story, ITEM)
        assert ninjs_schema_errors(document) == [], path.name
        sendable = {name: value if DATE_TIMES.conforms(value, "date-time") else "" for name, value in (
            ("published", story.published), ("embargo", story.embargo))}  # fmt: skip
        assert read(document) == replace(story, **sendable), path.name
        same += 1

    assert same == stable >= 60


def test_ninjs_reader_refuses_json_that_is_not_ninjs():
    with pytest.raises(
        StoryFormatError, match=re.escape("JSON that is not a ninjs document: it has no uri, headline or body")
    ):
        read_sample(TESTS / "stories" / "expected.json")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[1, 2]", "JSON that is not a ninjs document: not an object"),
        (b'{"uri": "x", "type": "picture", "headlines": [{"value": "A photo"}]}', "a picture item: only text"),
        (b'{"uri": "x", "type": "audio"}', "an audio item: only text"),
        (b'{"uri": "x", "type": "Picture\\nwith a line break"}', "a non-text item: only text"),
        (b'{"uri": "x", "headlines": [{"value": "Only a headline"}]}', "a ninjs text item with no body"),
        (b'{"uri": "x",\n "headlines": [}', "line 2: not valid JSON"),
        (b'{"uri": "x", "version": ' + b"9" * 5000 + b"}", "not valid JSON"),
        (b'{"a": ' * 100_000, "JSON nested too deeply"),
        (b"[" * 100_000, "JSON nested too deeply"),
        (
            json.dumps(
                {"uri": "x", "bodies": [{"contenttype": "text/html", "value": "<b>" * 5000 + "Words."}]}
            ).encode(),
            "HTML nested",
        ),
        (b'{"uri": "x", "a": ' + b"[" * 60 + b"]" * 60 + b"}", "JSON nested too deeply"),
    ],
)
def test_ninjs_reader_refuses_bad_input_with_one_line(data, message):
    with pytest.raises(StoryFormatError) as refused:
        read_ninjs_file("item.json", data)

    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)


def test_ninjs_a_partner_feed_is_refused_as_a_feed():
    feed = ninjs_message([(STORY, ITEM), (STORY, ITEM)], "2026-12-01T10:00:00+00:00", "The Harbour Times")

    with pytest.raises(StoryFormatError, match=r"^a feed of 2 ninjs items, not one"):
        read_ninjs_file("feed.json", feed.encode())


def test_ninjs_a_json_array_file_is_refused_as_json_not_read_as_text():
    with pytest.raises(StoryFormatError, match="not an object"):
        read_story_file("feed.json", b'[{"uri": "urn:x"}]', MAX_BYTES)


def test_ninjs_reader_reads_the_same_story_from_1_x_2_x_and_3_x():
    stories = [
        read_sample(FORMATS / f"ninjs-iptc-{version}-005_complex_text_article.json")
        for version in ("1.6", "2.2", "3.1")
    ]

    assert stories[0] == stories[1] == stories[2]


def test_ninjs_reader_takes_a_status_as_a_qcode_or_spelt_the_british_way():
    base = {"uri": "x", "headlines": [{"value": "Ferry back"}], "bodies": [{"value": "The ferry ran again."}]}

    assert read(base | {"pubstatus": "stat:canceled"}).kill.kind == "kill"
    assert read(base | {"pubstatus": "cancelled"}).kill.kind == "kill"
    assert read(base | {"pubstatus": "stat:withheld"}).is_for_publication is False


def test_ninjs_reader_takes_a_canceled_item_as_a_kill_of_its_guid():
    story = read_sample(FORMATS / "ninjs-superdesk-harbour-ferry-kill.json")

    assert story.kill.kind == "kill" and story.paragraphs == ()
    assert story.guid == read_sample(FORMATS / "ninjs-superdesk-harbour-ferry.json").guid


def test_ninjs_reader_drops_a_teaser_cut_from_the_body_but_keeps_a_summary():
    body = {"role": "main", "contenttype": "text/plain", "value": "The ferry ran again on Monday morning."}
    teaser = {"uri": "x", "headlines": [{"value": "Ferry back"}], "bodies": [body],
              "descriptions": [{"value": "The ferry ran again on Mon"}]}  # fmt: skip
    summary = teaser | {"descriptions": [{"role": "summary", "value": "Commuters are back on the water."}]}

    assert (read(teaser).dek, read(summary).dek) == ("", "Commuters are back on the water.")


def test_ninjs_reader_version_that_is_no_number_is_none():
    base = {"uri": "x", "headlines": [{"value": "Ferry back"}], "bodies": [{"value": "The ferry ran again."}]}

    assert [read(base | {"version": version}).version for version in ("7", 7, "v2", "99999999999", True, -1)] == [
        7, 7, None, None, None, None,
    ]  # fmt: skip


def test_byline_reads_an_elided_particle_and_a_lower_case_agency():
    assert [author.name for author in read_byline("By Paulo Santalucia and Frances d'Emilio").authors] == [
        "Paulo Santalucia",
        "Frances d'Emilio",
    ]
    assert read_byline("Von Christian Hollmann, dpa").wire == "dpa"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=30,
)
NINJS_NAMES = ["uri", "guid", "type", "version", "pubstatus", "headlines", "headline", "bodies", "body_html",
               "body_text", "descriptions", "by", "byline", "authors", "subjects", "genres", "keywords",
               "usageterms", "copyrightnotice", "copyrightholder", "located", "embargoed",
               "versionCreated"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(NINJS_NAMES), json_values, max_size=10))
def test_ninjs_reader_raises_only_story_format_errors_on_any_json(document):
    try:
        read_ninjs_file("item.json", json.dumps(document).encode())
    except StoryFormatError as error:
        assert "\n" not in str(error)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_ninjs_reader_raises_only_story_format_errors_on_any_bytes(data):
    with contextlib.suppress(StoryFormatError):
        read_ninjs_file("item.json", b"{" + data)


metadata_text = (
    st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs")), min_size=1, max_size=40)
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)


@settings(max_examples=100, deadline=None)
@given(
    guid=metadata_text,
    version=st.none() | st.integers(0, 2**31 - 1),
    language=st.sampled_from(["", "en", "pt-BR", "nb-NO", "zh-Hant"]),
    keywords=st.lists(metadata_text, max_size=5, unique=True).map(tuple),
    usage_terms=st.just("") | metadata_text,
    embargo=st.just("") | st.datetimes(timezones=st.just(datetime.UTC)).map(lambda at: at.isoformat()),
)
def test_ninjs_metadata_round_trips_for_any_values(guid, version, language, keywords, usage_terms, embargo):
    story = replace(STORY, guid=guid, version=version, language=language, keywords=keywords,
                    usage_terms=usage_terms, embargo=embargo)  # fmt: skip

    assert read(ninjs_document(story, ITEM)) == story


html_pieces = st.sampled_from(
    ["<p>", "</p>", "<b>", "</b>", "<h2>", "</h2>", "<a href='https://x.example'>", "</a>", "<figure>", "</figure>",
     "<div class='dat'>", "<span class='source'>", "</span>", "</div>", " ", "By Jane Doe", "Jane Doe ✉",
     "© 2026 X.", "#", "*", "\n", "word.", "WASHINGTON (AP) — ", "Additional reporting by Ann Lee", "&amp;", "<br>"]
)  # fmt: skip
html_text = st.lists(html_pieces, max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    headline=st.text(max_size=20),
    body=html_text,
    description=html_text,
    by=st.sampled_from(["", "Jane Doe", "Von Anna Schmidt, dpa", "By", "NTB", "x, y"]),
    contenttype=st.sampled_from(["text/html", "text/plain", ""]),
)
def test_ninjs_reader_raises_only_story_format_errors_on_any_body(headline, body, description, by, contenttype):
    document = {"uri": "urn:x", "headlines": [{"value": headline}],
                "bodies": [{"contenttype": contenttype, "value": body}],
                "descriptions": [{"value": description}], "by": by, "located": "Oslo"}  # fmt: skip
    try:
        read(document)
    except StoryFormatError as error:
        assert "\n" not in str(error)

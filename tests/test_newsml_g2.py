"""NewsML-G2 in and out (articles.parsing.formats.newsml_g2 and newsml_g2_writing): IPTC's samples and
agency-shaped files read into the Story they say, every item written validates against IPTC's 2.35
schema, and a story written out reads back as the same story. Pure: no database."""

import contextlib
import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.parsing import (
    ORIGINAL,
    VIA,
    WIRE,
    Author,
    Contributor,
    Copyright,
    Story,
    StoryFormatError,
    propose_headline,
    read_story_file,
)
from articles.parsing.formats.newsml_g2 import read_newsml_g2_file
from articles.parsing.formats.newsml_g2_writing import newsml_g2_item, newsml_g2_message
from articles.parsing.formats.outgoing import CANCELED, OutgoingCorrection, OutgoingItem
from articles.parsing.formats.sniffing import FileFormat, sniff_format

from .helpers import FORMATS_DIR, REALWORLD_DIR, newsml_g2_schema_errors

EXPECTED = json.loads((FORMATS_DIR / "expected.json").read_text(encoding="utf-8"))
G2_SAMPLES = sorted(
    name for name in EXPECTED if name.startswith(("LISTING_", "newsml-g2-")) and "error" not in EXPECTED[name]
)
FRAGMENT = "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"  # a contentSet alone: no item to validate
REALWORLD = sorted(REALWORLD_DIR.glob("*.txt"))
ITEM = OutgoingItem(
    url="https://news.example.com/2026/12/harbour-bridge/",
    version_created_at="2026-12-03T10:00:00+00:00",
    licence_url="https://creativecommons.org/licenses/by-nd/4.0/",
    publisher="City Times",
)
MAX_BYTES = 1_000_000


def read(data: bytes) -> Story:
    return read_newsml_g2_file("item.xml", data)[0]


def sample(name: str) -> bytes:
    return (FORMATS_DIR / name).read_bytes()


def identified(story: Story, guid: str = "urn:newsml:news.example.com:20261203:harbour", version=2) -> Story:
    """The story as the site sends it: under its GUID and version."""
    return replace(story, guid=guid, version=version)


def corpus_story(path) -> Story:
    return identified(read_story_file(path.name, path.read_bytes(), MAX_BYTES)[0], f"urn:newsroom:{path.stem}")


# --- reading -------------------------------------------------------------------------------------


def test_newsml_g2_listing_1_metadata_is_read_once_its_empty_body_has_a_paragraph():
    data = sample("LISTING_1_A_NewsML-G2_News_Item.xml").replace(
        b"<!--  A VALID MIME TYPE      -->",
        b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>'
        b"<p>The Federal Reserve said on Tuesday it would halt its bond purchases next month.</p>"
        b"</body.content></body></nitf>",
    )

    story = read(data)

    assert story.headline == 'Fed to halt QE to avert "bubble"'
    assert story.guid == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED" and story.version == 11
    assert story.published == "2016-10-18T13:12:21-05:00"  # firstCreated, not versionCreated nor contentCreated
    assert story.embargo == "2018-10-23T12:00:00Z"
    assert story.usage_terms == "Not for use outside the United States"
    assert story.copyright == Copyright("Example Enews LLP", 2018, "all rights reserved")
    assert (story.source_name, story.source_relationship) == ("Reuters", WIRE)  # provider nprov:REUTERS
    assert story.authors == (Author("Meredith Jameson"),)
    assert story.dateline == "Berlin"  # located
    assert story.language == "en-GB"
    assert story.keywords == ("economy, business and finance", "labour market")


def test_newsml_g2_item_without_story_text_is_refused_with_one_line():
    with pytest.raises(StoryFormatError, match="no story text found"):
        read(sample("LISTING_1_A_NewsML-G2_News_Item.xml"))


def test_newsml_g2_package_alone_is_refused_naming_what_to_send():
    with pytest.raises(StoryFormatError, match="package without its text"):
        read(sample("LISTING_6_Simple_NewsML-G2_Package.xml"))


def test_newsml_g2_message_reads_the_text_item_beside_its_package():
    story = read(sample("newsml-g2-dpa-message-package-bahn.xml"))

    assert story.guid == "urn:newsml:dpa.com:20090101:261202-99-704411"
    assert story.authors == (Author("Jana Becker", "Jana Becker berichtet für dpa über Verkehrspolitik."),)
    assert (story.source_name, story.source_relationship) == ("dpa", WIRE)


def test_newsml_g2_photo_item_is_refused_as_not_text():
    data = sample("newsml-g2-afp-text-harbour-v1.xml").replace(b"ninat:text", b"ninat:picture")

    with pytest.raises(StoryFormatError, match="a picture, not text"):
        read(data)


def test_newsml_g2_canceled_item_is_a_kill_of_its_guid():
    story = read(sample("newsml-g2-afp-canceled-harbour-kill.xml"))

    assert story.kill is not None and story.kill.kind == "kill"
    assert "withdrawing this story" in story.kill.reason
    assert story.guid == read(sample("newsml-g2-afp-text-harbour-v1.xml")).guid
    assert story.paragraphs == ()


def test_newsml_g2_correction_keeps_the_guid_and_raises_the_version():
    first = read(sample("newsml-g2-afp-text-harbour-v1.xml"))
    corrected = read(sample("newsml-g2-afp-text-harbour-v2-correction.xml"))

    assert (first.guid, first.version) == (corrected.guid, 1) and corrected.version == 2
    assert "four percent" in corrected.paragraphs[0]
    assert "the sender marks this version a correction" in corrected.warnings


def test_newsml_g2_body_repeating_the_dateline_loses_it_and_credits_its_agency():
    story = read(sample("newsml-g2-afp-text-harbour-v1.xml"))

    assert story.dateline == "Marseille"
    assert story.paragraphs[0].startswith("Dockers at the southern French port")
    assert story.paragraphs[-1].startswith("The transport ministry")  # the desk's "cd/pw" left out


def test_newsml_g2_reuters_credit_line_names_the_contributors():
    story = read(sample("newsml-g2-reuters-text-grain.xml"))

    assert story.authors == (Author("Olena Marchuk"),)  # the by line's writer, not the agency as creator
    assert story.contributors == (
        Contributor("Dmitri Volkov", "additional reporting"),
        Contributor("Mark Potter", "editing"),
    )
    assert story.dateline == "KYIV"


def test_newsml_g2_without_first_created_takes_content_created_as_published():
    story = read(sample("LISTING_2_NewsML-G2_Text_Document.xml"))

    assert story.published == "2016-11-21T15:21:06-05:00"


def test_newsml_g2_bracketed_dateline_with_a_date_is_taken_out_of_the_lede():
    story = read(sample("LISTING_2_NewsML-G2_Text_Document.xml"))

    assert story.dateline == "New York, NY"
    assert story.paragraphs[0].startswith("Et, sent luptat")


def test_newsml_g2_content_set_fragment_is_sniffed_and_read():
    data = sample("LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml")

    assert sniff_format("listing.xml", data) == FileFormat.NEWSML_G2
    assert read(data).headline.startswith("Arizona Diamondbacks (29-23)")


@pytest.mark.parametrize(
    "name", sorted(n for n in EXPECTED if n.startswith(("LISTING_", "newsml-g2-")) and n != FRAGMENT)
)
def test_newsml_g2_samples_are_valid_items_as_their_senders_send_them(name):
    assert newsml_g2_schema_errors(sample(name)) == []


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"<newsItem><contentSet>", "line 1: not well-formed XML: no element found"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE n [\n<!ENTITY a "aaaa">\n]>\n<newsItem>&a;</newsItem>',
            "line 3: the document",
        ),
        (b"<catalog/>", "a NewsML-G2 document's root is <newsItem> or <newsMessage>, not <catalog>"),
        (b"<newsMessage><header/></newsMessage>", "the NewsML-G2 message carries no news item"),
    ],
)
def test_newsml_g2_bad_documents_are_refused_with_one_line(document, message):
    with pytest.raises(StoryFormatError) as refused:
        read(document)

    assert str(refused.value).startswith(message) and "\n" not in str(refused.value)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(n for n in EXPECTED if n.startswith(("LISTING_", "newsml-g2-")))), st.data())
def test_newsml_g2_reader_refuses_any_damage_with_story_format_error_only(name, data):
    original = sample(name)
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 40)))
    damaged = original[:start] + data.draw(st.binary(max_size=40)) + original[end:]
    with contextlib.suppress(StoryFormatError):  # anything else fails the test
        read(damaged)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: f"<newsItem>{t}</newsItem>".encode()))
def test_newsml_g2_reader_on_any_bytes_raises_only_story_format_error(data):
    with contextlib.suppress(StoryFormatError):
        read(data)


# --- writing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", REALWORLD, ids=lambda path: path.name)
def test_newsml_g2_item_of_a_corpus_story_is_valid_and_reads_back_the_same(path):
    story = corpus_story(path)

    document = newsml_g2_item(story, ITEM)

    assert newsml_g2_schema_errors(document) == []
    assert read(document) == story


@pytest.mark.parametrize("name", G2_SAMPLES)
def test_newsml_g2_sample_written_out_is_valid_and_reads_back_the_same(name):
    story = read(sample(name))
    story = story if story.guid else identified(story)

    document = newsml_g2_item(story, replace(ITEM, status=CANCELED) if story.kill else ITEM)

    assert newsml_g2_schema_errors(document) == []
    assert read(document) == story


def test_newsml_g2_item_carries_corrections_as_editors_notes_and_a_signal():
    correction = OutgoingCorrection("An earlier version misspelled the engineer's name.", "2026-12-03T11:00:00+00:00")
    story = corpus_story(REALWORLD[0])

    document = newsml_g2_item(story, replace(ITEM, corrections=(correction,)))

    assert newsml_g2_schema_errors(document) == []
    assert b"misspelled the engineer" in document and b'<signal qcode="sig:correction" />' in document
    assert read(document) == story


def test_newsml_g2_canceled_item_has_no_content_and_reads_back_as_a_kill():
    story = corpus_story(REALWORLD[0])

    document = newsml_g2_item(story, replace(ITEM, status=CANCELED))

    assert newsml_g2_schema_errors(document) == []
    assert b"contentSet" not in document
    killed = read(document)
    assert killed.kill is not None and (killed.guid, killed.headline) == (story.guid, story.headline)


def test_newsml_g2_item_carries_the_licence_and_usage_terms():
    story = replace(corpus_story(REALWORLD[0]), usage_terms="No archiving")

    document = newsml_g2_item(story, ITEM)

    assert b'<link rel="irel:license" href="https://creativecommons.org/licenses/by-nd/4.0/" />' in document
    assert b"<usageTerms>No archiving</usageTerms>" in document


def test_newsml_g2_story_not_for_publication_goes_out_withheld():
    story = replace(corpus_story(REALWORLD[0]), is_for_publication=False)

    document = newsml_g2_item(story, ITEM)

    assert b'<pubStatus qcode="stat:withheld" />' in document
    assert read(document).is_for_publication is False


def test_newsml_g2_item_needs_the_story_guid():
    with pytest.raises(ValueError, match="guid"):
        newsml_g2_item(replace(corpus_story(REALWORLD[0]), guid=""), ITEM)


def test_newsml_g2_message_is_valid_and_each_item_reads_back():
    stories = [corpus_story(path) for path in REALWORLD[:3]]

    document = newsml_g2_message([(story, ITEM) for story in stories], "2026-12-03T12:00:00Z", "City Times")

    assert newsml_g2_schema_errors(document) == []
    assert read(document) == stories[0]  # a message is read as its first text item
    assert document.count(b"<newsItem ") == 3


# --- a property: any story written out reads back the same ---------------------------------------

WORDS = [
    "officials", "said", "the", "bridge", "would", "reopen", "next", "month", "after", "repairs", "engineers",
    "found", "cracks", "in", "two", "supports", "during", "a", "routine", "inspection", "council", "voted",
]  # fmt: skip
NAMES = ["Jane Doe", "John Roe", "Solange Reyner", "Amir Haddad", "Mei Chen", "Łukasz Nowak", "Zoë O'Brien"]
sentences = st.lists(st.sampled_from(WORDS), min_size=5, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")
paragraphs = st.lists(sentences, min_size=1, max_size=3).map(" ".join)
copyrights = st.builds(
    Copyright,
    st.sampled_from(["City Times", "Acme Media Inc."]),
    st.none() | st.integers(1990, 2030),
    st.sampled_from(["", "All rights reserved."]),
)
emphasis = paragraphs.map(lambda text: text.replace("bridge", "**bridge**").replace("council", "*council*"))


@st.composite
def stories(draw):
    markup = draw(st.sampled_from(["text", "markdown"]))
    body = draw(st.lists(emphasis if markup == "markdown" else paragraphs, min_size=1, max_size=5))
    if markup == "markdown":
        body = [*body[:1], "## Repairs", *body[1:], "With a [link](https://example.com/a) in it."]
    names = draw(st.lists(st.sampled_from(NAMES), max_size=3, unique=True))
    authors = tuple(
        Author(name, draw(st.sampled_from(["", f"{name} covers the city."])), draw(st.sampled_from(["", "Editor"])))
        for name in names
    )
    relationship = draw(st.sampled_from([VIA, WIRE, ORIGINAL]))
    source = draw(st.sampled_from(["", "Reuters" if relationship == WIRE else "The Guardian"]))
    headline = draw(st.none() | sentences.map(lambda s: s.rstrip(".")))
    plain_first = body[0].replace("**", "").replace("*", "")
    label = draw(st.sampled_from(["", "opinion", "analysis", "sponsored"]))
    return Story(
        headline=headline or propose_headline(plain_first),
        is_headline_proposed=headline is None,
        paragraphs=tuple(body),
        markup=markup,
        authors=authors,
        contributors=tuple(
            Contributor(name, draw(st.sampled_from(["editing", "photography", "additional reporting"])))
            for name in NAMES
            if name not in names and draw(st.booleans())
        ),
        source_name=source,
        source_relationship=relationship if source else VIA,
        copyright=draw(st.none() | copyrights),
        dek=draw(st.sampled_from(["", "A standfirst under the headline."])),
        dateline=draw(st.sampled_from(["", "LONDON", "MOUNT OLIVE, N.C."])),
        published=draw(st.sampled_from(["", "2022-11-27", "2022-11-27T17:11:00", "2024-03-05T09:30:00+01:00"])),
        embargo=draw(st.sampled_from(["", "2026-12-03T00:01:00", "2026-12-03T10:00:00-05:00"])),
        label=label,
        sponsor="Acme Media Inc." if label == "sponsored" else "",
        is_for_publication=draw(st.booleans()),
        language=draw(st.sampled_from(["", "en", "pt-BR"])),
        keywords=tuple(draw(st.lists(st.sampled_from(["harbour", "bridge", "council"]), unique=True, max_size=3))),
        usage_terms=draw(st.sampled_from(["", "Mandatory credit"])),
        guid=draw(st.sampled_from(["urn:newsml:example.com:1", "tag:example.com,2026:42"])),
        version=draw(st.none() | st.integers(1, 40)),
    )  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(stories())
def test_newsml_g2_any_story_written_out_is_valid_and_reads_back_the_same(story):
    document = newsml_g2_item(story, ITEM)

    assert newsml_g2_schema_errors(document) == []
    assert read(document) == story

"""NITF 3.x in (articles.parsing.formats.nitf): bylines read by the text format's rules, body.head and
docdata fields, the tagline's bio, a canceled document as a kill, and hostile XML refused in one line.
Pure: no database."""

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.parsing import WIRE, Author, Contributor, Copyright, Story, StoryFormatError, read_story_file
from articles.parsing.formats.newsml_g2 import read_newsml_g2_file
from articles.parsing.formats.newsml_g2_writing import newsml_g2_item
from articles.parsing.formats.nitf import norm_date, read_nitf_file
from articles.parsing.formats.outgoing import CANCELED, USABLE, OutgoingItem
from articles.parsing.formats.sniffing import FileFormat, sniff_format

from .helpers import FORMATS_DIR, newsml_g2_schema_errors

NITF_SAMPLES = sorted(path.name for path in FORMATS_DIR.glob("nitf-*.xml")) + ["NTB_nitf_sample.xml"]


def read(data: bytes) -> Story:
    return read_nitf_file("story.xml", data)[0]


def nitf(body_head: str = "", content: str = "<p>Officials said on Tuesday the harbour bridge would reopen.</p>",
         head: str = "", body_end: str = "") -> bytes:  # fmt: skip
    return (
        f"<nitf><head>{head}</head><body><body.head>{body_head}</body.head>"
        f"<body.content>{content}</body.content><body.end>{body_end}</body.end></body></nitf>"
    ).encode()


def test_nitf_byline_text_is_read_by_the_text_formats_byline_rules():
    story = read(nitf("<hedline><hl1>Ferry</hl1></hedline><byline>By Kari Nordmann, NTB</byline>"))

    assert story.authors == (Author("Kari Nordmann"),)
    assert (story.source_name, story.source_relationship) == ("NTB", WIRE)


def test_nitf_byline_person_and_title_are_the_author_and_role():
    story = read(nitf("<byline>By <person>Dana Whitfield</person>, <byttl>AP Aerospace Writer</byttl></byline>"))

    assert story.authors == (Author("Dana Whitfield", role="AP Aerospace Writer"),)


def test_nitf_byline_text_with_a_title_gives_the_role():
    story = read(nitf("<byline>By Meredith Jameson, <byttl>Staff Reporter</byttl></byline>"))

    assert story.authors == (Author("Meredith Jameson", role="Staff Reporter"),)


def test_nitf_hl2_is_the_dek_and_body_subheads_are_headings():
    story = read(
        nitf(
            "<hedline><hl1>Bridge to reopen</hl1><hl2>Repairs took a year</hl2></hedline>",
            "<p>Officials said on Tuesday the harbour bridge would reopen.</p><hl2>Cost</hl2>"
            "<p>The repairs cost <em>four</em> million.</p>",
        )
    )

    assert (story.headline, story.dek) == ("Bridge to reopen", "Repairs took a year")
    assert story.paragraphs == (
        "Officials said on Tuesday the harbour bridge would reopen.",
        "## Cost",
        "The repairs cost *four* million.",
    )


def test_nitf_tagline_is_the_bio_but_contact_addresses_are_not():
    byline = "<byline>By <person>Margaret Hartley</person></byline>"

    with_bio = read(nitf(byline, body_end="<tagline>Margaret Hartley writes about rural life.</tagline>"))
    with_address = read(nitf(byline, body_end="<tagline><a href='mailto:m@example.com'>m@example.com</a></tagline>"))

    assert with_bio.authors[0].bio == "Margaret Hartley writes about rural life."
    assert with_address.authors[0].bio == ""


def test_nitf_docdata_gives_identity_dates_keywords_and_rights():
    story = read((FORMATS_DIR / "nitf-syndicate-column-tagline-bio.xml").read_bytes())

    assert (story.guid, story.version) == ("tca-col-20261201-hartley-libraries", 1)
    assert story.published == "2026-12-01T06:00:00-05:00"
    assert story.embargo == "2026-12-02T00:01:00-05:00"  # date.release
    assert story.keywords == ("libraries", "rural life")
    assert story.copyright == Copyright("Tribune Content Agency, LLC", 2026)
    assert story.usage_terms == "For use by subscribers only; no archiving beyond 30 days"
    assert story.label == "opinion"  # tobject.property


def test_nitf_body_dateline_is_taken_out_and_its_agency_credited():
    story = read((FORMATS_DIR / "nitf-ap-text-launch-v1.xml").read_bytes())

    assert story.dateline == "CAPE CANAVERAL, Fla."
    assert story.paragraphs[0].startswith("High winds forced")
    assert story.contributors == (Contributor("Tom Hale", "contributing"),)


def test_nitf_correction_keeps_the_doc_id_and_raises_the_version():
    first = read((FORMATS_DIR / "nitf-ap-text-launch-v1.xml").read_bytes())
    corrected = read((FORMATS_DIR / "nitf-ap-text-launch-v2-correction.xml").read_bytes())

    assert first.guid == corrected.guid and (first.version, corrected.version) == (1, 2)


def test_nitf_canceled_document_is_a_kill_of_its_doc_id():
    story = read((FORMATS_DIR / "nitf-ap-canceled-launch-kill.xml").read_bytes())

    assert story.kill is not None and story.kill.reason.startswith("KILL: The story is withdrawn.")
    assert story.guid == "c4b1f0e2a9d84d1c9e5b7a2f3c6d8e01" and story.paragraphs == ()


def test_nitf_ntb_copyright_line_ends_the_body_as_the_copyright():
    story = read((FORMATS_DIR / "NTB_nitf_sample.xml").read_bytes())

    assert story.copyright == Copyright("NTB")
    assert story.paragraphs[-1].startswith("Derfor regner man med")


@pytest.mark.parametrize(
    ("norm", "iso"),
    [
        ("20210516T090004", "2021-05-16T09:00:04"),
        ("20261201T060000-0500", "2026-12-01T06:00:00-05:00"),
        ("20261204T141500Z", "2026-12-04T14:15:00+00:00"),
        ("2026-11-28T08:30:00", "2026-11-28T08:30:00"),
        ("20261204", "2026-12-04"),
        ("next Tuesday", ""),
    ],
)
def test_nitf_norm_dates_are_read_as_extended_iso_8601(norm, iso):
    assert norm_date(norm) == iso


def test_nitf_doctype_naming_a_dtd_is_read_without_fetching_it():
    data = b'<!DOCTYPE nitf SYSTEM "http://example.invalid/nitf-3-4.dtd">\n' + nitf()

    assert read(data).paragraphs == ("Officials said on Tuesday the harbour bridge would reopen.",)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE nitf [\n<!ENTITY a "aaaaaaaaaa">\n'
            b'<!ENTITY b "&a;&a;&a;">\n]>\n<nitf>&b;</nitf>',
            "line 3: the document declares an entity (“a”): entities are refused",
        ),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE nitf [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<nitf>&x;</nitf>',
            "line 3: the document declares an entity (“x”): entities are refused",
        ),
        (b"<nitf>" + b"<block>" * 70 + b"</block>" * 70 + b"</nitf>", "line 1: elements nested more than 64 deep"),
        (b"<nitf>" + b"<p/>" * 50_001 + b"</nitf>", "line 1: more than 50,000 elements are refused"),
        (b"<nitf><head></nitf>", "line 1: not well-formed XML: mismatched tag"),
        (b"<nitf><body><body.head/></body></nitf>", "no story text found: the NITF document has no <body.content>"),
        (b"<nitf><p>x &nbsp; y</p></nitf>", "line 1: not well-formed XML: undefined entity"),
    ],
)
def test_nitf_hostile_or_broken_xml_is_refused_with_one_line(document, message):
    with pytest.raises(StoryFormatError) as refused:
        read(document)

    assert str(refused.value).startswith(message) and "\n" not in str(refused.value)


@pytest.mark.parametrize("name", NITF_SAMPLES)
def test_nitf_samples_are_sniffed_as_nitf(name):
    data = (FORMATS_DIR / name).read_bytes()

    assert sniff_format(name, data) == FileFormat.NITF
    assert read_story_file(name, data, 1_000_000)[0] == read(data)


@pytest.mark.parametrize("name", NITF_SAMPLES)
def test_nitf_story_sent_out_as_newsml_g2_is_valid_and_reads_back_the_same(name):
    story = read((FORMATS_DIR / name).read_bytes())
    item = OutgoingItem(version_created_at="2026-12-05T08:00:00+00:00", status=CANCELED if story.kill else USABLE)

    document = newsml_g2_item(story, item)

    assert newsml_g2_schema_errors(document) == []
    assert read_newsml_g2_file("item.xml", document)[0] == story


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NITF_SAMPLES), st.data())
def test_nitf_reader_refuses_any_damage_with_story_format_error_only(name, data):
    original = (FORMATS_DIR / name).read_bytes()
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 40)))
    with contextlib.suppress(StoryFormatError):  # anything else fails the test
        read(original[:start] + data.draw(st.binary(max_size=40)) + original[end:])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_nitf_reader_on_any_body_text_raises_only_story_format_error(text):
    with contextlib.suppress(StoryFormatError):
        read(nitf(content=text.replace("&", "&amp;").replace("<", "&lt;")))


def test_nitf_an_unknown_encoding_in_the_xml_declaration_is_refused_with_one_line():
    with pytest.raises(StoryFormatError) as refused:
        read(b'<?xml version="1.0" encoding="U-TF-8"?><nitf><body><body.content><p>Words.</p></body.content></body>')

    assert str(refused.value) == "line 1: the XML declaration's encoding cannot be read (unknown encoding: U-TF-8)"

"""Word files (.docx) read as stories: headings, emphasis, the text format's conventions, document
properties, and the files refused — old .doc, encrypted, macro-enabled, damaged, bombs, entities."""

import io
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from articles.parsing import StoryFormatError, read_story_file
from articles.parsing.formats.archives import MAX_ARCHIVE_BYTES
from articles.parsing.formats.word import MAX_PART_BYTES, read_word_file

from .helpers import FORMATS_DIR

FERRY = FORMATS_DIR / "docx-word365-freelancer-night-ferry.docx"
TRACKED = FORMATS_DIR / "docx-tracked-changes-library-hours.docx"
BODY = "The council approved the plan on Monday after a long debate about what the bridge repairs would cost."


def word_file(*paragraphs, creator="", **properties) -> bytes:
    """A .docx of (text, style) paragraphs, as python-docx writes it on Word's Normal template."""
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    document.core_properties.author = creator
    for name, value in properties.items():
        setattr(document.core_properties, name, value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_part(data: bytes, name: str, part: bytes | None) -> bytes:
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info))
        if part is not None:
            target.writestr(name, part)
    return buffer.getvalue()


def read(data: bytes, name="story.docx"):
    return read_story_file(name, data, 10_000_000)[0]


def test_word_file_title_is_the_headline_and_the_subtitle_the_dek():
    story = read(FERRY.read_bytes())

    assert story.headline == "Night ferry returns to the islands after two winters"
    assert not story.is_headline_proposed
    assert story.dek == "A smaller boat and a subsidy bring back the 11 p.m. crossing"


def test_word_file_keeps_bold_italic_links_and_section_headings_as_markdown():
    story = read(FERRY.read_bytes())

    assert story.markup == "markdown"
    assert "**11 p.m.**" in story.paragraphs[0]
    assert "*in their cars*" in story.paragraphs[0]
    assert "[transport plan](https://example.org/council/transport-plan-2027)" in story.paragraphs[1]
    assert "## Who will use it" in story.paragraphs


def test_word_file_signature_bio_and_copyright_line_read_as_in_a_text_file():
    story = read(FERRY.read_bytes())

    assert [(a.name, a.bio) for a in story.authors] == [
        ("Marta Quiroga", "Marta Quiroga is a freelance reporter who covers the coast and its islands.")
    ]
    assert story.copyright.notice == "© 2026 Marta Quiroga. All rights reserved."
    assert not any("Quiroga" in paragraph for paragraph in story.paragraphs)


def test_word_file_heading_1_opening_the_document_is_the_headline():
    story = read(word_file(("Harbour bridge to reopen in May", "Heading 1"), (BODY, None)))

    assert story.headline == "Harbour bridge to reopen in May"
    assert not story.is_headline_proposed
    assert story.paragraphs == (BODY,)


def test_word_file_heading_1_under_the_title_is_a_section_heading():
    story = read(
        word_file(("Harbour bridge to reopen", "Title"), (BODY, None), ("The cost", "Heading 1"), (BODY, None))
    )

    assert story.paragraphs == (BODY, "## The cost", BODY)


def test_word_file_leaves_out_tracked_deletions_and_comments():
    story = read(TRACKED.read_bytes())
    text = " ".join(story.paragraphs)

    assert "confirmed budget" in text
    assert "rumoured" not in text
    assert "Check the number" not in text


def test_word_file_properties_give_language_and_keywords():
    story = read(FERRY.read_bytes())

    assert story.language == "en-GB"
    assert story.keywords == ("ferries", "islands", "transport")


def test_word_file_creator_is_not_the_byline_but_named_for_the_editor():
    story = read(word_file(("Harbour bridge to reopen", "Title"), (BODY, None), creator="Microsoft Office User"))

    assert story.authors == ()
    assert any("“Microsoft Office User”" in warning for warning in story.warnings)


def test_word_file_style_messages_are_not_editor_warnings():
    story = read(FERRY.read_bytes())

    assert not any("style" in warning for warning in story.warnings)


def test_word_file_images_are_left_out_with_a_warning():
    document = docx.Document()
    document.add_paragraph("Harbour bridge to reopen", style="Title")
    document.add_paragraph(BODY)
    picture = io.BytesIO()
    Image.new("RGB", (4, 4)).save(picture, "PNG")
    document.add_picture(io.BytesIO(picture.getvalue()))
    buffer = io.BytesIO()
    document.save(buffer)

    story = read(buffer.getvalue())

    assert story.paragraphs == (BODY,)
    assert "the file's 1 image(s) were not imported: add them in the editor" in story.warnings


def test_word_file_is_sniffed_by_its_content_whatever_its_name():
    story = read(FERRY.read_bytes(), name="attachment.bin")

    assert story.headline == "Night ferry returns to the islands after two winters"


@pytest.mark.parametrize(
    ("stream", "message"),
    [
        ("WordDocument", "a Word 97–2003 .doc: save it as .docx (File › Save As › Word Document)"),
        (
            "EncryptedPackage",
            "an encrypted Word file: remove its password (File › Info › Protect Document) and save it again",
        ),
        ("Workbook", "an Office 97–2003 file, not a Word .docx: save it as .docx"),
    ],
)
def test_word_file_in_a_compound_file_is_refused_saying_what_to_do(stream, message):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream.encode("utf-16-le") + bytes(64)

    with pytest.raises(StoryFormatError) as refused:
        read(data, name="story.doc")

    assert str(refused.value) == message


def test_word_file_with_a_nameless_part_is_refused_as_damaged():
    buffer = io.BytesIO(word_file(("Officials said on Tuesday that the bridge would reopen.", "Normal")))
    with zipfile.ZipFile(buffer, "a") as archive:
        info = zipfile.ZipInfo("placeholder")
        info.filename = ""  # zipfile refuses to name a part so; a damaged file does anyway
        archive.writestr(info, b"x")

    with pytest.raises(StoryFormatError) as refused:
        read(buffer.getvalue())

    assert str(refused.value) == (
        "a damaged Word file (damaged: a file in the archive has no name): open it in Word and save it again"
    )


def test_word_file_with_macros_is_refused():
    data = with_part(FERRY.read_bytes(), "word/vbaProject.bin", b"\x00" * 64)

    with pytest.raises(StoryFormatError, match=r"^a macro-enabled Word file \(\.docm\)"):
        read(data, name="story.docm")


def test_word_file_declaring_the_macro_enabled_type_is_refused():
    source = zipfile.ZipFile(io.BytesIO(FERRY.read_bytes())).read("[Content_Types].xml")
    types = source.replace(b"document.main+xml", b"document.macroEnabled.main+xml")

    with pytest.raises(StoryFormatError, match="macro-enabled"):
        read(with_part(FERRY.read_bytes(), "[Content_Types].xml", types))


@pytest.mark.parametrize(
    "document_xml",
    [
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>',
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
        b'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://example.org/d.dtd"><d/>',
    ],
)
def test_word_file_whose_xml_declares_entities_or_a_dtd_is_refused(document_xml):
    with pytest.raises(StoryFormatError) as refused:
        read(with_part(FERRY.read_bytes(), "word/document.xml", document_xml))

    assert str(refused.value) == "a Word file whose word/document.xml declares a DTD or entities; these are refused"


def test_word_file_that_says_it_unpacks_past_the_archive_limit_is_refused():
    bomb = with_part(FERRY.read_bytes(), "word/media/zeros.bin", bytes(MAX_ARCHIVE_BYTES + 1))

    with pytest.raises(StoryFormatError, match=r"^a Word file too large: the archive unpacks to"):
        read(bomb)


def test_word_file_with_an_xml_part_past_the_part_limit_is_refused():
    huge = b"<d>" + b" " * MAX_PART_BYTES + b"</d>"

    with pytest.raises(StoryFormatError) as refused:
        read(with_part(FERRY.read_bytes(), "word/document.xml", huge))

    assert str(refused.value) == f"a Word file too large: word/document.xml unpacks to over {MAX_PART_BYTES:,} bytes"


def test_word_file_that_unpacks_to_more_than_it_declares_is_refused():
    data = with_part(FERRY.read_bytes(), "word/document.xml", b"<d>" + b"x" * 5000 + b"</d>")

    with pytest.raises(StoryFormatError) as refused:
        read(declaring_size(data, "word/document.xml", 10))

    assert str(refused.value).startswith("a Word file that cannot be read: word/document.xml is damaged in the archive")


def declaring_size(data: bytes, name: str, size: int) -> bytes:
    """``data`` with ``name``'s unpacked size given as ``size`` in its local and central headers."""
    patched, encoded = bytearray(data), name.encode()
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        local = data.find(signature)
        while local != -1 and data[local + name_at : local + name_at + len(encoded)] != encoded:
            local = data.find(signature, local + 1)
        patched[local + size_at : local + size_at + 4] = size.to_bytes(4, "little")
    return bytes(patched)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            FERRY.read_bytes()[:3000],
            "a damaged Word file (not a zip archive, or a damaged one): open it in Word and save it again",
        ),
        (
            b"PK\x05\x06" + bytes(18),
            "a damaged Word file: no readable document in it; open it in Word and save it again",
        ),
    ],
)
def test_word_file_that_is_damaged_is_refused_in_one_line(data, message):
    with pytest.raises(StoryFormatError) as refused:
        read(data)

    assert str(refused.value) == message


def test_word_file_with_broken_xml_is_refused_naming_the_part():
    with pytest.raises(StoryFormatError) as refused:
        read(with_part(FERRY.read_bytes(), "word/document.xml", b"<w:document><w:body>"))

    assert str(refused.value) == "a damaged Word file: word/document.xml is not well-formed XML"


def test_word_file_without_its_document_part_is_refused():
    with pytest.raises(StoryFormatError, match="no readable document"):
        read(with_part(FERRY.read_bytes(), "word/document.xml", None))


def test_word_file_embedded_style_map_is_not_obeyed():
    hostile_map = b"p[style-name='Normal'] => script:fresh"
    story = read(with_part(FERRY.read_bytes(), "mammoth/style-map", hostile_map))

    assert story.paragraphs == read(FERRY.read_bytes()).paragraphs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_word_reader_gives_a_story_or_a_one_line_refusal_for_any_bytes(data):
    try:
        story, _ = read_word_file("story.docx", data)
    except StoryFormatError as error:
        assert "\n" not in str(error)
    else:
        assert story.headline


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=8))
def test_word_reader_survives_a_real_file_with_bytes_changed(changes):
    data = bytearray(FERRY.read_bytes())
    for position, value in changes:
        data[position % len(data)] = value
    try:
        story, _ = read_word_file("story.docx", bytes(data))
    except StoryFormatError as error:
        assert "\n" not in str(error)
    else:
        assert story.headline


def footnoted_word_file() -> bytes:
    """A Word file whose lede carries a footnote, as Word stores one: a reference run, footnotes.xml beside."""
    data = word_file(("Harbour bridge to reopen", "Title"), (f"{BODY}NOTE", None), ("Jane Doe \u2709", None))
    source = zipfile.ZipFile(io.BytesIO(data))
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    changes = {
        "word/document.xml": (b"NOTE</w:t></w:r>", b'</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'),
        "word/_rels/document.xml.rels": (
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'footnotes" Target="footnotes.xml"/></Relationships>',
        ),
    }
    for name, (old, new) in changes.items():
        data = with_part(data, name, source.read(name).replace(old, new))
    notes = f'<w:footnotes {namespace}><w:footnote w:id="1"><w:p><w:r><w:t>Council minutes, 2 March.</w:t></w:r>'
    return with_part(data, "word/footnotes.xml", f"{notes}</w:p></w:footnote></w:footnotes>".encode())


def test_word_file_footnotes_follow_the_story_instead_of_hiding_its_signature():
    story = read(footnoted_word_file())

    assert story.paragraphs == (f"{BODY}\\[1\\]", "\\[1\\] Council minutes, 2 March.")
    assert [author.name for author in story.authors] == ["Jane Doe"]

"""Which reader a story file goes to: its content first, its name where the content leaves it open."""

import zipfile

import pytest

from articles.parsing.formats.sniffing import FileFormat, sniff_format

from .helpers import FORMATS_DIR

G2 = "http://iptc.org/std/nar/2006-10-01/"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("page.html", b'<meta charset="utf-8"><div><p>Saved without its html element.</p></div>', FileFormat.WEB_PAGE),
        ("page.txt", b"<p>A text story that opens with a tag.</p>", FileFormat.TEXT),
        (
            "message.eml",
            b"From jane@example.org Tue Dec  1 08:12:40 2026\nFrom: Jane <jane@example.org>\nSubject: Bridge\n"
            b"Date: Tue, 1 Dec 2026 08:12:40 +0000\n\nBody.\n",
            FileFormat.EMAIL,
        ),
        (
            "message.eml",
            b"From: Jane <jane@example.org>\nX-MS-TNEF-Correlator:\nSubject: Bridge\n\nBody.\n",
            FileFormat.EMAIL,
        ),
        ("story.txt", b"From: Reuters\nThe bridge reopened on Tuesday.\n", FileFormat.TEXT),
        ("story.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), FileFormat.WORD),
        ("story.docx", b"PK\x05\x06" + bytes(18), FileFormat.WORD),
        ("bundle.bin", (FORMATS_DIR / "docx-google-docs-market-hall.docx").read_bytes(), FileFormat.WORD),
    ],
)
def test_format_sniffing_reads_the_content_and_the_name_where_it_must(name, data, expected):
    assert sniff_format(name, data) == expected


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("story.txt", "Officials said the bridge would reopen.\nJane Doe ✉\n", FileFormat.TEXT),
        ("story.md", "# Bridge\n\nOfficials said the bridge would reopen.\n", FileFormat.TEXT),
        ("wire.xml", f'<?xml version="1.0"?>\n<newsItem xmlns="{G2}" guid="a" version="1"/>', FileFormat.NEWSML_G2),
        ("wire", f'<!-- a wire -->\n<nar:newsMessage xmlns:nar="{G2}"/>', FileFormat.NEWSML_G2),
        ("wire.xml", '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf><head/></nitf>', FileFormat.NITF),
        ("item.json", ' {"uri": "urn:x", "type": "text"}', FileFormat.NINJS),
        ("page.html", "<!DOCTYPE html>\n<html lang=en><body><p>Words</p></body></html>", FileFormat.WEB_PAGE),
        ("saved", "\ufeff<html><head><title>T</title></head></html>", FileFormat.WEB_PAGE),
        ("mail.eml", "From: Jane <jane@example.org>\nSubject: Bridge\nDate: Tue, 1 Dec 2026\n\nB", FileFormat.EMAIL),
        ("mail", "Received: by mx\n  for <desk@example.org>\nFrom: desk@example.org\nTo: a\n\nB", FileFormat.EMAIL),
    ],
)  # fmt: skip
def test_sniff_format_reads_the_content(name, data, expected):
    assert sniff_format(name, data.encode()) == expected


@pytest.mark.parametrize(
    "text",
    [
        "From: Reuters\nSubject: markets\n\nShares fell on Tuesday as investors weighed the news.\n",  # no address
        "Headline: Bridge to reopen\nOfficials said the bridge would reopen.\n",
        "<b>Officials</b> said on Tuesday that the bridge would reopen.\nJane Doe ✉\n",  # a .txt story with tags
    ],
)
def test_sniff_format_leaves_text_stories_to_the_text_reader(text):
    assert sniff_format("story.txt" if text.startswith("<") else "story", text.encode()) == FileFormat.TEXT


def test_sniff_format_tells_a_word_file_from_another_zip(tmp_path):
    for name, member in (("story.docx", "word/document.xml"), ("other.zip", "notes.txt")):
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.writestr(member, "<w:document/>")
    assert sniff_format("story.docx", (tmp_path / "story.docx").read_bytes()) == FileFormat.WORD
    assert sniff_format("other", (tmp_path / "other.zip").read_bytes()) == FileFormat.TEXT

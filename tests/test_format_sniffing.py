"""Which reader a story file goes to: its content first, its name where the content leaves it open."""

import pytest

from articles.parsing.formats.sniffing import FileFormat, sniff_format

from .helpers import FORMATS_DIR


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

"""Which reader reads a story file, and HTML bodies as story paragraphs: pure, no database."""

import zipfile
from html import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.parsing import MARKDOWN, TEXT, parse_story
from articles.parsing.formats.html_paragraphs import html_paragraphs
from articles.parsing.formats.sniffing import FileFormat, sniff_format
from articles.parsing.paragraphs import normalise_line
from newsroom_core.rich_text_conversion import markdown_to_html, markdown_to_text

G2 = "http://iptc.org/std/nar/2006-10-01/"


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


def test_html_paragraphs_keep_emphasis_and_links_as_markdown():
    body = html_paragraphs(
        "<p>Officials said <em>on Tuesday</em> that the <a href='https://example.org/bridge'>bridge</a> would "
        "<strong>reopen</strong>.</p><h2>What comes next</h2><p>Works start in March.</p>"
    )
    assert body.markup == MARKDOWN
    assert body.paragraphs == (
        "Officials said *on Tuesday* that the [bridge](https://example.org/bridge) would **reopen**.",
        "## What comes next",
        "Works start in March.",
    )


def test_html_paragraphs_without_inline_markup_are_plain_text():
    body = html_paragraphs("<div><p>The bridge * will reopen [soon].</p>\n<p>Works start in March.</p></div>")
    assert body == type(body)(("The bridge * will reopen [soon].", "Works start in March."), TEXT)


def test_html_paragraphs_drop_scripts_styles_and_links_that_are_not_web_or_mail():
    body = html_paragraphs(
        "<style>p{}</style><p>Read <a href='javascript:alert(1)'>this</a> now.<script>alert(2)</script></p>"
        "<!-- a comment --><p><a href='mailto:desk@example.org'>Write</a> to us.</p>"
    )
    assert body.paragraphs == ("Read this now.", "[Write](mailto:desk@example.org) to us.")
    assert [markdown_to_html(paragraph) for paragraph in body.paragraphs] == [
        "<p>Read this now.</p>",
        '<p><a href="mailto:desk@example.org">Write</a> to us.</p>',
    ]


def test_html_paragraphs_read_loose_text_as_paragraphs_a_line_break_between_them():
    body = html_paragraphs("<div>Loose words<br>on two lines<p>A <br>paragraph.</p>and a tail</div>")
    assert body.paragraphs == ("Loose words", "on two lines", "A paragraph.", "and a tail")


def test_html_paragraphs_escape_a_leading_hash_so_it_is_no_heading():
    body = html_paragraphs("<p>#1 in the charts, <em>again</em>.</p>")
    story = parse_story(body.text, body.markup)
    assert story.paragraphs == ("\\#1 in the charts, *again*.",)
    assert markdown_to_text(story.paragraphs[0]) == "#1 in the charts, again."


def test_html_paragraphs_text_is_read_by_the_text_rules():
    body = html_paragraphs(
        "<p>Officials said on <em>Tuesday</em> that the harbour bridge would reopen next month.</p>"
        "<p>Jane Doe ✉</p><p>Jane Doe covers transport for the City Times.</p><p>© 2026 City Times</p>"
    )
    story = parse_story(body.text, body.markup)
    assert [(author.name, author.bio) for author in story.authors] == [
        ("Jane Doe", "Jane Doe covers transport for the City Times.")
    ]
    assert story.copyright.holder == "City Times"
    assert story.paragraphs == ("Officials said on *Tuesday* that the harbour bridge would reopen next month.",)


WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40)


@given(plain=WORDS, emphasised=WORDS)
def test_html_paragraphs_words_survive_the_markdown_they_are_written_in(plain, emphasised):
    body = html_paragraphs(f"<p>{escape(plain)} <i>{escape(emphasised)}</i></p>")
    got = [markdown_to_text(p) if body.markup == MARKDOWN else p for p in body.paragraphs]
    assert normalise_line(" ".join(got)) == normalise_line(f"{plain} {emphasised}")

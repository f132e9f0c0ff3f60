"""HTML bodies as story paragraphs: the shapes mail programs and page builders write, where text stands
straight inside a ``<div>`` instead of a ``<p>``."""

from html import escape

from hypothesis import given
from hypothesis import strategies as st

from articles.parsing import MARKDOWN, TEXT, parse_story
from articles.parsing.formats.html_paragraphs import html_paragraphs
from articles.parsing.paragraphs import normalise_line
from newsroom_core.rich_text_conversion import markdown_to_html, markdown_to_text


def test_html_paragraphs_keep_a_link_and_emphasis_in_text_loose_in_a_div():
    body = html_paragraphs('<div>See <a href="https://example.org/r">the <b>report</b></a> and <i>weep</i>.</div>')

    assert body.paragraphs == ("See [the **report**](https://example.org/r) and *weep*.",)


def test_html_paragraphs_a_line_break_between_loose_lines_is_a_paragraph_break():
    body = html_paragraphs("<div>First line of the note.<br>Second line of it.<br><br>Third.</div>")

    assert body.paragraphs == ("First line of the note.", "Second line of it.", "Third.")


def test_html_paragraphs_a_line_break_inside_a_paragraph_is_a_space():
    body = html_paragraphs("<p>From: Jane Doe<br>Sent: Tuesday</p>")

    assert body.paragraphs == ("From: Jane Doe Sent: Tuesday",)


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

"""HTML bodies as story paragraphs: the shapes mail programs and page builders write, where text stands
straight inside a ``<div>`` instead of a ``<p>``."""

from articles.parsing.formats.html_paragraphs import html_paragraphs


def test_html_paragraphs_keep_a_link_and_emphasis_in_text_loose_in_a_div():
    body = html_paragraphs('<div>See <a href="https://example.org/r">the <b>report</b></a> and <i>weep</i>.</div>')

    assert body.paragraphs == ("See [the **report**](https://example.org/r) and *weep*.",)


def test_html_paragraphs_a_line_break_between_loose_lines_is_a_paragraph_break():
    body = html_paragraphs("<div>First line of the note.<br>Second line of it.<br><br>Third.</div>")

    assert body.paragraphs == ("First line of the note.", "Second line of it.", "Third.")


def test_html_paragraphs_a_line_break_inside_a_paragraph_is_a_space():
    body = html_paragraphs("<p>From: Jane Doe<br>Sent: Tuesday</p>")

    assert body.paragraphs == ("From: Jane Doe Sent: Tuesday",)

"""Story text as Wagtail rich text: plain text is escaped, Markdown is rendered and sanitised.

Nothing a story file contains can become live markup: plain text is escaped, and Markdown is
rendered with raw HTML disabled, then cleaned down to bold, italic and http(s)/mailto links.
"""

import re
from html import escape, unescape

import nh3
from markdown_it import MarkdownIt

MARKDOWN = MarkdownIt("commonmark", {"html": False})
RICH_TEXT_TAGS = {"b", "i", "a"}
LINK_SCHEMES = {"http", "https", "mailto"}
# Wagtail's rich text stores bold and italic as <b> and <i>.
WAGTAIL_TAG_NAMES = {"strong": "b", "em": "i"}
TAG_NAME_RE = re.compile(r"<(/?)(strong|em)>")
TAG_RE = re.compile(r"<[^>]*>")


def text_to_html(text: str) -> str:
    return f"<p>{escape(text, quote=False)}</p>"


def markdown_to_html(source: str) -> str:
    html = TAG_NAME_RE.sub(lambda m: f"<{m[1]}{WAGTAIL_TAG_NAMES[m[2]]}>", MARKDOWN.renderInline(source))
    cleaned = nh3.clean(html, tags=RICH_TEXT_TAGS, attributes={"a": {"href"}}, url_schemes=LINK_SCHEMES, link_rel=None)
    return f"<p>{cleaned.strip()}</p>"


def markdown_to_text(source: str) -> str:
    """The words of a Markdown paragraph without its markup: "*By* [Jane](…)" → "By Jane"."""
    text = []
    for token in MARKDOWN.parseInline(source)[0].children or []:
        if token.type in {"text", "code_inline"}:
            text.append(token.content)
        elif token.type in {"softbreak", "hardbreak"}:
            text.append(" ")
    return "".join(text).strip()


def html_to_text(html: str) -> str:
    """Rich text's words, for places that carry plain text (JSON-LD, meta descriptions)."""
    return " ".join(unescape(TAG_RE.sub(" ", html)).split())


def paragraph_to_html(paragraph: str, markup: str) -> str:
    return markdown_to_html(paragraph) if markup == "markdown" else text_to_html(paragraph)

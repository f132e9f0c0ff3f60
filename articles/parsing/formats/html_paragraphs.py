"""An HTML body (a wire's XHTML or NITF body, ninjs ``body_html``, a Word file as mammoth renders it, a
saved page's article) as story paragraphs: one per block, with emphasis and links kept as Markdown.

Only what Wagtail's rich text keeps survives: bold, italic, links to http(s) and mailto addresses,
and headings. Everything else is its text. A body with none of them is plain text, so a story that
goes out as HTML and comes back reads as the same ``Story``.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from ..paragraphs import normalise_line
from ..story import MARKDOWN, TEXT, StoryFormatError

BLOCK_TAGS = {"p", "li", "blockquote", "pre", "dd", "dt", "figcaption", "td", "th", "caption", "address"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2"}  # hl1 and hl2: NITF's headlines
CONTAINER_TAGS = {
    "div", "section", "article", "main", "body", "html", "ul", "ol", "dl", "table", "tbody", "thead", "tr",
    "block", "body.content", "figure", "header", "footer", "aside", "nav", "span", "font", "center",
}  # fmt: skip
SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "math"}
EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
INLINE_MARKUP_TAGS = {"a", *EMPHASIS}
LINK_SCHEMES = ("http://", "https://", "mailto:")
MARKDOWN_SPECIALS_RE = re.compile(r"([\\`*_\[\]<>])")
HEADING_START = "#"  # a paragraph opening with it would read as a heading


@dataclass(frozen=True)
class HtmlParagraphs:
    paragraphs: tuple[str, ...]  # Markdown when ``markup`` is MARKDOWN, else plain text
    markup: str  # TEXT or MARKDOWN

    @property
    def text(self) -> str:
        """The paragraphs as a story file's text, for the text format's rules to read."""
        return ("\n\n" if self.markup == MARKDOWN else "\n").join(self.paragraphs) + "\n"


def html_paragraphs(html: str | Tag) -> HtmlParagraphs:
    """The paragraphs of an HTML body or fragment; a heading is a Markdown heading of its level."""
    root = html if isinstance(html, Tag) else BeautifulSoup(html, "html.parser")
    blocks: list[list[tuple[str, str]]] = []  # each block: (plain text, Markdown) pieces; a heading opens with "#"
    try:
        collect(root, blocks, None)
    except RecursionError:  # thousands of nested elements: no article is written so
        raise StoryFormatError("HTML nested too deeply to be an article's body") from None
    markdown, plain = [], []
    for level, pieces in blocks:
        words = normalise_line("".join(text for text, _ in pieces))
        if not words:
            continue
        source = normalise_line("".join(source for _, source in pieces))
        plain.append(words)
        markdown.append(f"{'#' * level} {escape_line_start(source)}" if level else escape_line_start(source))
    is_rich = any(level for level, _ in blocks) or any(
        escape_markdown(text) != source for pieces in (b for _, b in blocks) for text, source in pieces
    )
    return HtmlParagraphs(tuple(markdown), MARKDOWN) if is_rich else HtmlParagraphs(tuple(plain), TEXT)


def collect(node: Tag, blocks: list, pieces: list | None):
    """Walk ``node``, adding a block for each paragraph-like element and the loose text between them."""
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is not NavigableString:  # comments, CDATA, doctypes, processing instructions
                continue
            target = pieces if pieces is not None else open_loose_block(blocks, str(child))
            if target is not None:
                target.append((str(child), escape_markdown(str(child))))
            continue
        name = child.name.lower().split(":")[-1]
        if name in SKIPPED_TAGS:
            continue
        if name == "br":  # inside a paragraph, a space; between loose lines of text, a paragraph break
            if pieces is not None:
                pieces.append((" ", " "))
            elif blocks and blocks[-1][1]:
                blocks.append((0, []))
            continue
        if name in HEADING_TAGS or name in BLOCK_TAGS:
            level = int(name[-1]) if name in HEADING_TAGS else 0
            block: list = []
            blocks.append((level, block))
            collect(child, blocks, block)
            blocks.append((0, []))  # what follows the block is a block of its own
        elif pieces is None and name in INLINE_MARKUP_TAGS:  # "<div>See <a href=…>this</a></div>": loose, kept
            if (target := open_loose_block(blocks, child.get_text())) is not None:
                inline(child, name, target)
        elif pieces is None or name in CONTAINER_TAGS - {"span", "font"}:
            collect(child, blocks, None if pieces is None else pieces)
        else:
            inline(child, name, pieces)


def open_loose_block(blocks: list, text: str) -> list | None:
    """Text straight inside a container ("<div>Words</div>") is a paragraph of its own."""
    if not text.strip() and not (blocks and blocks[-1][1]):
        return None
    if not blocks or blocks[-1][0]:
        blocks.append((0, []))
    return blocks[-1][1]


def inline(element: Tag, name: str, pieces: list):
    """An inline element's text into ``pieces``, with its emphasis or link as Markdown."""
    inner: list = []
    collect(element, [], inner)
    text = "".join(t for t, _ in inner)
    source = "".join(s for _, s in inner)
    core = source.strip()
    if not normalise_line(core):  # nothing readers would see: no emphasis around it
        pieces.append((text, source))
        return
    lead, trail = source[: len(source) - len(source.lstrip())], source[len(source.rstrip()) :]
    href = (element.get("href") or "").strip() if name == "a" else ""
    if href.lower().startswith(LINK_SCHEMES):
        pieces.append((text, f"{lead}[{core}]({href.replace(' ', '%20').replace(')', '%29')}){trail}"))
    elif name in EMPHASIS:
        mark = EMPHASIS[name]
        pieces.append((text, f"{lead}{mark}{core}{mark}{trail}"))
    else:
        pieces.append((text, source))


def escape_markdown(text: str) -> str:
    return MARKDOWN_SPECIALS_RE.sub(r"\\\1", text)


def escape_line_start(source: str) -> str:
    """Paragraphs are rendered inline, so only a heading's mark at the start needs escaping."""
    return f"\\{source}" if source.startswith(HEADING_START) else source

"""A story file's lines as paragraphs: one per line, or blank-line separated blocks, joined back
when the text was hard-wrapped."""

import itertools
import re
import unicodedata

from newsroom_core.rich_text_conversion import markdown_to_text

from .bylines import byline_names
from .copyright import parse_copyright
from .decoding import ANSI_ESCAPE_RE, INVISIBLE_CHARACTERS
from .names import is_name_like
from .signatures import is_bio_of, signature_name
from .story import MARKDOWN, MARKDOWN_HEADING_RE, TEXT, Paragraph

MAX_WRAPPED_WIDTH = 100


def normalise_line(line: str) -> str:
    """Spaces of every kind become one space; invisible and control characters and terminal
    escapes go; accents are composed (NFC), so "José" typed either way is the same name.

    Control characters (and U+FFFE/U+FFFF) cannot be carried by XML, so a story holding them
    could never be served in a feed.
    """
    line = unicodedata.normalize("NFC", ANSI_ESCAPE_RE.sub("", line).translate(INVISIBLE_CHARACTERS))
    line = "".join(
        " " if ch == "\t" or unicodedata.category(ch) == "Zs" else ch
        for ch in line
        if ch == "\t" or (unicodedata.category(ch) not in {"Cc", "Cs"} and ch not in "\ufffe\uffff")
    )
    return re.sub(r" {2,}", " ", line).strip()


def plain_text(source: str, markup: str) -> str:
    return markdown_to_text(MARKDOWN_HEADING_RE.sub("", source)) if markup == MARKDOWN else source


def split_paragraphs(text: str, markup: str = TEXT) -> list[Paragraph]:
    """One paragraph per line, or per blank-line separated block in Markdown or hard-wrapped text."""
    lines = [normalise_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines, start=1):
        if line:
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    if markup != MARKDOWN and not is_hard_wrapped(blocks):
        return [Paragraph(line, number, line) for block in blocks for number, line in block]
    paragraphs = []
    for block in blocks:
        start, parts = block[0][0], []
        for number, line in block:
            if parts and ends_paragraph(parts[-1], line, markup):
                paragraphs.append(Paragraph(plain_text(" ".join(parts), markup), start, " ".join(parts)))
                start, parts = number, []
            parts.append(line)
        paragraphs.append(Paragraph(plain_text(" ".join(parts), markup), start, " ".join(parts)))
    return paragraphs


def is_hard_wrapped(blocks: list[list[tuple[int, str]]]) -> bool:
    """Blank-line separated blocks whose inner lines fill a fixed width, as text editors wrap.

    Lines that end a paragraph whatever the width (a signature, a sign-off name above its bio, a
    byline) are short by nature, and say nothing about how the text was wrapped.
    """
    widths = [len(line) for block in blocks for _, line in block]
    if len(blocks) < 2 or max(widths) > MAX_WRAPPED_WIDTH:
        return False
    inner = [
        len(line)
        for block in blocks
        for (_, line), (_, next_line) in itertools.pairwise(block)
        if not ends_paragraph(line, next_line, TEXT)
    ]
    half = max(widths) // 2
    return bool(inner) and sum(width >= half for width in inner) >= 0.8 * len(inner)


def ends_paragraph(line: str, next_line: str, markup: str) -> bool:
    """Whether a wrapped paragraph stops after ``line``: either is a line of its own, or ``line``
    is a sign-off name with the bio of that person on the next line."""
    if is_standalone_line(line, markup) or is_standalone_line(next_line, markup):
        return True
    name = plain_text(line, markup)
    return bool(name) and is_name_like(name) and is_bio_of(plain_text(next_line, markup), name)


def is_standalone_line(line: str, markup: str) -> bool:
    """Lines that are never part of a wrapped paragraph: headings, signatures, bylines, copyright."""
    if markup == MARKDOWN and MARKDOWN_HEADING_RE.match(line):
        return True
    text = plain_text(line, markup)
    return bool(text and (signature_name(text) or byline_names(text) or parse_copyright(text)))


MIN_UNSPACED_LETTERS = 12


def is_story_text(text: str) -> bool:
    """Words enough for a sentence: four, or in a script written without spaces, a dozen letters."""
    return len(text.split()) >= 4 or (
        sum(ch.isalpha() for ch in text) >= MIN_UNSPACED_LETTERS and " " not in text.strip()
    )

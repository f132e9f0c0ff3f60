"""Reading story files: bytes or text in, a ``Story`` out.

Pure on purpose: no Django, no database, no I/O beyond the arguments, so every rule here is
tested on plain strings. A story file is one paragraph per line (or blank-line separated
paragraphs, possibly hard-wrapped): an optional headline, dek, "By …" line and date lines, the
body (perhaps opening with a dateline), credit lines, then the author's signature ("Name ✉" or a
bare name line), the author's bio and a copyright line. Each rule reads the form of a line, never
the name of the outlet that wrote it; ``tests/realworld/`` measures them on real copy.

This module is the package's public face; the rules live in the modules named for what they read.
"""

from .credit_lines import credit_line
from .decoding import decode_story
from .formats import read_story_file
from .headlines import propose_headline
from .paragraphs import plain_text
from .reading import parse_story
from .story import (
    MARKDOWN,
    MARKDOWN_SUFFIXES,
    ORIGINAL,
    SIGNATURE_MARK,
    TEXT,
    VIA,
    WIRE,
    Author,
    Contributor,
    Copyright,
    KillAdvisory,
    Story,
    StoryFormatError,
    markup_for,
)
from .writing import byline_name, format_story, story_from_data, story_to_data

__all__ = [
    "MARKDOWN", "MARKDOWN_SUFFIXES", "ORIGINAL", "SIGNATURE_MARK", "TEXT", "VIA", "WIRE", "Author", "Contributor",
    "Copyright", "KillAdvisory",
    "Story", "StoryFormatError", "byline_name", "credit_line", "decode_story", "format_story",
    "markup_for", "parse_story", "plain_text", "propose_headline", "read_story_file", "story_from_data",
    "story_to_data",
]  # fmt: skip

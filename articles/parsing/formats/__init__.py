"""Story files in every format copy arrives in, each read into the same ``Story``.

A format's reader takes the file's name and bytes and returns the ``Story`` and the text it was read
from (kept as the article's provenance). Which reader reads a file is decided by its content
(``sniffing``), not by its name alone. Readers are pure, like the text parser: no Django, no database,
no network.
"""

from collections.abc import Callable

from ..decoding import decode_story
from ..reading import parse_story
from ..story import Story, StoryFormatError, markup_for
from .email_messages import read_email
from .newsml_g2 import read_newsml_g2_file
from .ninjs import read_ninjs_file
from .nitf import read_nitf_file
from .sniffing import FileFormat, sniff_format
from .web_pages import read_web_page
from .word import read_word_file

Reader = Callable[[str, bytes], tuple[Story, str]]


def read_text_file(file_name: str, data: bytes) -> tuple[Story, str]:
    """The story file format: plain text, or Markdown when the name says so."""
    text, encoding = decode_story(data)
    return parse_story(text, markup_for(file_name), encoding), text


READERS: dict[FileFormat, Reader] = {
    FileFormat.TEXT: read_text_file,
    FileFormat.NEWSML_G2: read_newsml_g2_file,
    FileFormat.NITF: read_nitf_file,
    FileFormat.NINJS: read_ninjs_file,
    FileFormat.WORD: read_word_file,
    FileFormat.WEB_PAGE: read_web_page,
    FileFormat.EMAIL: read_email,
}


def read_story_file(file_name: str, data: bytes, max_bytes: int) -> tuple[Story, str]:
    """A story file's bytes, in whichever format they are, as a ``Story``, with the text it was read from."""
    if len(data) > max_bytes:
        raise StoryFormatError(f"larger than the {max_bytes:,}-byte limit")
    return READERS[sniff_format(file_name, data)](file_name, data)

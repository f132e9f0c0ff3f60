"""A story file's bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 with one, or
Windows-1252; anything else is refused with the line at fault."""

import codecs
import re

from .story import StoryFormatError

# Removed outright: they are invisible and only ever break matching (a zero-width joiner
# is kept, since emoji sequences need it), or, like the bidirectional embeddings, overrides and
# isolates, they can make text read differently from what it says. (The left-to-right and
# right-to-left marks stay: they only nudge punctuation.)
INVISIBLE_CHARACTERS = dict.fromkeys(
    map(ord, "\u200b\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
# Terminal escape sequences (colours, window titles) pasted in from a console: dropped whole, not
# just their ESC character.
ANSI_ESCAPE_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# A multi-byte UTF-8 sequence: a file holding one is UTF-8, even if a byte elsewhere is broken.
UTF8_SEQUENCE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def decode_story(data: bytes) -> tuple[str, str]:
    """The text of a story file and the encoding it was read in.

    UTF-8 (with or without a byte-order mark) first, and UTF-16 when a byte-order mark says so.
    Bytes that are not UTF-8 are read as Windows-1252, the other encoding newsrooms still
    receive, only if every byte is defined there and nothing in the file is UTF-8 (one broken
    byte in a UTF-8 file must not turn its every accent into mojibake); anything else is refused.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise StoryFormatError(f"not valid UTF-16 (at byte {error.start})") from None
        if "\x00" in text:  # as in a UTF-8 file: no text holds one, and no database takes it
            line = text[: text.index("\x00")].count("\n") + 1
            raise StoryFormatError("contains a NUL character; this is not a text file", line=line)
        return text, "utf-16"
    if b"\x00" in data:
        raise StoryFormatError("contains a NUL byte; this is not a text file", line=line_of(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        bad_byte, bad_line = data[utf8_error.start], line_of(data, utf8_error.start)
        if UTF8_SEQUENCE_RE.search(data):
            raise StoryFormatError(f"not valid UTF-8 (byte 0x{bad_byte:02x})", line=bad_line) from None
        try:
            return data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError as error:
            raise StoryFormatError(
                f"not valid UTF-8 (byte 0x{bad_byte:02x}) nor Windows-1252 (byte 0x{data[error.start]:02x})",
                line=line_of(data, error.start),
            ) from None


def line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1

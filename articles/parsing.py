"""Reading story files: bytes or text in, a ``Story`` out.

Pure on purpose: no Django, no database, no I/O beyond the arguments, so every rule here is
tested on plain strings. A story file is one paragraph per line (or blank-line separated
paragraphs, possibly hard-wrapped): an optional headline, dek and "By …" line, the body, then
the author's signature ("Name ✉" or a bare name line), the author's bio and a copyright line.
"""

import codecs
import itertools
import re
import unicodedata
from dataclasses import asdict, dataclass, field

from authors.names import join_names, mixed_scripts

from .formatting import markdown_to_text

SIGNATURE_MARK = "\u2709"
MAX_HEADLINE_LENGTH = 120
PROPOSED_HEADLINE_LENGTH = 100
MIN_PROPOSED_HEADLINE_LENGTH = 30
MAX_NAME_WORDS = 6
MAX_HOLDER_LENGTH = 100
MAX_OUTLET_LENGTH = 100
MAX_WRAPPED_WIDTH = 100
TEXT, MARKDOWN = "text", "markdown"
VIA, WIRE = "via", "wire"  # how the credited outlet stands to the story
MARKDOWN_SUFFIXES = (".md", ".markdown")
MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+")

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


class StoryFormatError(ValueError):
    """A story file that cannot be read; ``line`` is 1-based where one line is at fault."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Author:
    name: str
    bio: str = ""


@dataclass(frozen=True)
class Copyright:
    holder: str
    year: int | None = None
    statement: str = ""

    @property
    def notice(self):
        """The notice as printed: "© 2026 Newsmax. All rights reserved."."""
        owner = f"{self.year} {self.holder}" if self.year else self.holder
        owner = owner if owner.endswith(".") else f"{owner}."
        return f"© {owner} {self.statement}".strip()


@dataclass(frozen=True)
class Story:
    headline: str
    is_headline_proposed: bool
    paragraphs: tuple[str, ...]
    authors: tuple[Author, ...] = ()
    source_name: str = ""
    source_relationship: str = VIA
    copyright: Copyright | None = None
    dek: str = ""
    markup: str = TEXT  # what ``paragraphs`` are written in: TEXT or MARKDOWN
    warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Paragraph:
    text: str  # the words, without markup: what every rule below reads
    line: int
    source: str = ""  # the paragraph as written, Markdown included

    @property
    def is_heading(self):
        return bool(MARKDOWN_HEADING_RE.match(self.source))


def markup_for(file_name: str) -> str:
    return MARKDOWN if file_name.lower().endswith(MARKDOWN_SUFFIXES) else TEXT


# --- decoding ---------------------------------------------------------------------------


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


def read_story_file(file_name: str, data: bytes, max_bytes: int) -> tuple[Story, str]:
    """A story file's bytes as a ``Story``, with the decoded text it was read from."""
    if len(data) > max_bytes:
        raise StoryFormatError(f"larger than the {max_bytes:,}-byte limit")
    text, encoding = decode_story(data)
    return parse_story(text, markup_for(file_name), encoding), text


def line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


# --- splitting into paragraphs ------------------------------------------------------------


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
    return bool(inner) and sum(width >= max(widths) // 2 for width in inner) >= 0.8 * len(inner)


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


# --- copyright -----------------------------------------------------------------------------

COPYRIGHT_RE = re.compile(
    r"^(?:copyright\b\s*(?:©|\(c\))?|©|\(c\))\s*"
    r"(?:(?P<first>\d{4})\s*[-–]\s*)?(?P<year>\d{4})?\s*,?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
RIGHTS_RE = re.compile(r"\b(?:all rights reserved|some rights reserved)\b", re.IGNORECASE)
ABBREVIATION_END_RE = re.compile(r"\b(?:Inc|Ltd|Co|Corp|LLC|Plc|S\.A|[A-Z])\.$")


def parse_copyright(line: str) -> Copyright | None:
    match = COPYRIGHT_RE.match(line)
    if not match:
        return None
    rest = match["rest"].strip()
    rights = RIGHTS_RE.search(rest)
    if not (match["year"] or rights or line[0] in "©("):
        return None  # "Copyright lawyers say…" is a sentence, not a notice
    if rights:
        holder, statement = rest[: rights.start()], rest[rights.start() :]
    else:
        holder, statement = rest, ""
    holder = holder.strip(" ,;")
    if holder.endswith(".") and not ABBREVIATION_END_RE.search(holder):
        holder = holder[:-1].rstrip()
    if not holder or len(holder) > MAX_HOLDER_LENGTH:
        return None
    return Copyright(holder=holder, year=int(match["year"]) if match["year"] else None, statement=statement.strip())


# --- authors -----------------------------------------------------------------------------

BYLINE_RE = re.compile(r"^by\s+(?P<names>\S.*?)\s*$", re.IGNORECASE)
EMPTY_BYLINE_RE = re.compile(r"^by\s*:?$", re.IGNORECASE)
# Inside a name word, besides letters and digits: combining marks (Devanagari's vowel signs,
# Arabic's short vowels), apostrophes, hyphens, dots, the middle dots of "Col·lell" and "ジョン・スミス",
# and the Hebrew geresh and gershayim.
NAME_WORD_INNER = frozenset("'’.-_·・\u05f3\u05f4")
NAME_SPLIT_RE = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*", re.IGNORECASE)
NAME_PARTICLES = {"de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von", "bin", "al", "y", "st."}
PRONOUNS = {"he", "she", "they"}
# Wire services named after a reporter ("By Jane Doe, Reuters") are the story's source, not an author.
WIRE_AGENCIES = {
    name.casefold(): name
    for name in (
        "Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
        "Bloomberg", "Bloomberg News", "UPI", "dpa", "EFE", "Xinhua", "PA Media", "ANSA", "Kyodo News",
    )
}  # fmt: skip


def signature_name(line: str) -> str:
    """The name(s) in a "Name ✉" signature line, or "" if the line is not one.

    What stands before the mark must read as names: "The minister said it was over ✉" is a
    sentence that happens to end in an envelope, and "<script> ✉" is not anybody.
    """
    stripped = line.replace("\ufe0f", "").rstrip()
    if not stripped.endswith(SIGNATURE_MARK):
        return ""
    name = stripped[: -len(SIGNATURE_MARK)].strip(" ,;:-–—")
    return name if name and all(is_name_like(part) for part in split_names(name)) else ""


def is_name_like(text: str) -> bool:
    """A few capitalised words of letters, with no sentence punctuation: "Solange Reyner",
    "Jean-Luc O'Brien", "ليلى حسن" (scripts without capitals count as capitalised)."""
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or text[-1] in '.!?:;,"”':
        return False
    return all(is_name_word(word) and (not word[0].islower() or word.lower() in NAME_PARTICLES) for word in words)


def is_name_word(word: str) -> bool:
    return word[0].isalpha() and all(
        ch.isalnum() or ch in NAME_WORD_INNER or unicodedata.category(ch).startswith("M") for ch in word[1:]
    )


def split_names(names: str) -> list[str]:
    return [name.strip(" .") for name in NAME_SPLIT_RE.split(names) if name.strip(" .")]


def byline_names(line: str) -> list[str]:
    """The names in a "By Jane Doe and John Roe" line, or [] if the line is not a byline."""
    match = BYLINE_RE.match(line)
    if not match or len(line) > MAX_HEADLINE_LENGTH:
        return []
    names = split_names(match["names"])
    return names if names and all(is_name_like(re.sub(r"^the\s+", "", name)) for name in names) else []


def is_bio_of(paragraph: str, name: str) -> bool:
    first_word = paragraph.split(maxsplit=1)[0].strip(",").lower()
    surname = name.split()[-1]
    return paragraph.startswith((name, surname)) or first_word in PRONOUNS


def parse_signatures(paragraphs: list[Paragraph]) -> tuple[int, list[Author]]:
    """Find the signature block at the end: where it starts and the authors with their bios."""
    marked = [i for i, p in enumerate(paragraphs) if signature_name(p.text)]
    if marked:
        start = marked[0]
    else:
        # Without a ✉ a bare name line counts only when a bio about that person follows it.
        start = len(paragraphs)
        while start > 2 and is_name_like(paragraphs[start - 2].text):
            if not is_bio_of(paragraphs[start - 1].text, paragraphs[start - 2].text):
                break
            start -= 2
    authors: list[list] = []
    for paragraph in paragraphs[start:]:
        name = signature_name(paragraph.text) or (paragraph.text if not marked and is_name_like(paragraph.text) else "")
        if name:
            authors.extend([part, []] for part in split_names(name))
        elif authors:
            authors[-1][1].append(paragraph.text)
    return start, [Author(name=name, bio=" ".join(bio)) for name, bio in authors]


# --- source credit -------------------------------------------------------------------------

OUTLET = r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+|de\s+|and\s+|&\s+)?[A-Z][\w'’&.-]*)*)"
MEDIA_WORD_RE = re.compile(
    r"\b(?:News|Times|Post|Journal|Press|Reuters|Bloomberg|Herald|Tribune|Gazette|Telegraph|Guardian|"
    r"Daily|Magazine|TV|Radio|Broadcasting|Network|Wire|Agence|Axios|Politico|Newsweek|"
    r"AP|AFP|UPI|CNN|BBC|NBC|ABC|CBS|NPR|PBS|MSNBC|CNBC|Fox|Sky|Al Jazeera|Newsmax|dpa|EFE|Xinhua)\b"
)
# Patterns whose grammar names a news outlet whatever its name looks like.
STRONG_CREDIT_PATTERNS = [
    re.compile(r",\s+(?:reports|reported)\s+" + OUTLET + r"\s*[.!]?[\"”]?$"),
    re.compile(r"\b(?:first|originally)\s+(?:reported|published)\s+by\s+" + OUTLET),
]
# "BOSTON (AP) — …": a wire story.
DATELINE_AGENCY_RE = re.compile(r"^(?:[A-Z][\w .,'-]*?\s+)?\((?P<name>AP|AFP|Reuters|UPI|dpa|EFE)\)\s*[-–—]")
# Patterns that also fit people and institutions ("according to NASA"): kept for media names.
WEAK_CREDIT_PATTERNS = [
    re.compile(r"\baccording\s+to\s+(?:a\s+report\s+(?:by|in|from)\s+)?" + OUTLET),
    re.compile(r"(?:^|[.,;]\s+|\b(?:as|first)\s+)" + OUTLET + r"\s+(?:reported|reports)\b"),
]


def clean_outlet(name: str) -> str:
    name = re.sub(r"^the\s+(?=[A-Z])", "", name.strip()) if name.startswith("the ") else name.strip()
    name = re.sub(r"'s$|’s$", "", name)
    return name[:-1] if name.endswith(".") and not ABBREVIATION_END_RE.search(name) else name


def find_source_credit(paragraphs: list[str]) -> str:
    """The outlet the story credits ("…, reports Fox News." → "Fox News"), or "".

    A run of capitalised words longer than any outlet's name is a title or a list, not an outlet.
    """
    for text in paragraphs:
        for pattern in STRONG_CREDIT_PATTERNS:
            if (match := pattern.search(text)) and len(match["name"]) <= MAX_OUTLET_LENGTH:
                return clean_outlet(match["name"])
    for text in paragraphs:
        for pattern in WEAK_CREDIT_PATTERNS:
            for match in pattern.finditer(text):
                if MEDIA_WORD_RE.search(match["name"]) and len(match["name"]) <= MAX_OUTLET_LENGTH:
                    return clean_outlet(match["name"])
    return ""


# --- headline ------------------------------------------------------------------------------

SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])(?<!\bU\.S)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?][\"”’]?(?=\s|$)")
CREDIT_CLAUSE_RE = re.compile(r",\s+(?:reports|reported|according to)\s+[^,]+$")
CLAUSE_BREAK_RE = re.compile(r",\s+|\s+(?=(?:as|while|after|amid|over|but|because|despite|following|when)\s)")


def is_headline_line(text: str, following: list[Paragraph]) -> bool:
    """A first line that is short and has no closing full stop reads as a headline."""
    return (
        bool(following)
        and len(text) <= MAX_HEADLINE_LENGTH
        and not text.endswith((".", ",", ";", ":"))
        and not byline_names(text)
        and not signature_name(text)
    )


def propose_headline(lede: str) -> str:
    """A headline drawn from the lede's first sentence, without its credit, cut at a clause."""
    match = SENTENCE_END_RE.search(lede)
    sentence = lede[: match.start()] if match else lede
    sentence = CREDIT_CLAUSE_RE.sub("", sentence).strip(' "“”')
    if len(sentence) <= PROPOSED_HEADLINE_LENGTH:
        return sentence
    breaks = [
        m.start()
        for m in CLAUSE_BREAK_RE.finditer(sentence)
        if MIN_PROPOSED_HEADLINE_LENGTH <= m.start() <= PROPOSED_HEADLINE_LENGTH
    ]
    if breaks:
        return sentence[: breaks[-1]].rstrip(" ,")
    return sentence[:PROPOSED_HEADLINE_LENGTH].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


# --- the whole story -----------------------------------------------------------------------


def parse_story(text: str, markup: str = TEXT, encoding: str = "utf-8") -> Story:
    """Split a story file's text into headline, body, byline, bios, source credit and copyright.

    ``encoding`` is what ``decode_story`` read the file as; anything but UTF-8 is worth a warning.
    """
    paragraphs = split_paragraphs(text.removeprefix("\ufeff"), markup)
    if not paragraphs:
        raise StoryFormatError("the file is empty")
    warnings = [] if encoding == "utf-8" else [f"not UTF-8: read as {encoding}"]

    copyrights = []
    while paragraphs and (notice := parse_copyright(paragraphs[-1].text)):
        copyrights.insert(0, notice)
        paragraphs.pop()
    if len(copyrights) > 1:
        warnings.append(f"{len(copyrights)} copyright lines; the last one is used")
    copyright_notice = copyrights[-1] if copyrights else None

    for empty_byline in [p for p in paragraphs[:3] if EMPTY_BYLINE_RE.match(p.text)]:
        paragraphs.remove(empty_byline)
        warnings.append(f"line {empty_byline.line}: a “By” line without names was left out")

    headline, dek, authors, wire = "", "", [], ""
    if paragraphs and (paragraphs[0].is_heading or is_headline_line(paragraphs[0].text, paragraphs[1:])):
        headline = paragraphs.pop(0).text
        if len(paragraphs) > 1 and byline_names(paragraphs[1].text) and not byline_names(paragraphs[0].text):
            dek = paragraphs.pop(0).text
    if paragraphs and (names := byline_names(paragraphs[0].text)):
        paragraphs.pop(0)
        if len(names) > 1 and names[-1].casefold() in WIRE_AGENCIES:
            wire = WIRE_AGENCIES[names.pop().casefold()]
        authors = [Author(name) for name in names]

    start, signed = parse_signatures(paragraphs)
    body, trailer = paragraphs[:start], paragraphs[start:]
    authors = merge_authors(authors, signed)
    if not any(len(p.text.split()) >= 4 for p in body):
        line = trailer[0].line if trailer else None
        raise StoryFormatError("no story text found: the file has no body paragraphs", line=line)

    body_texts = [p.text for p in body]
    if not wire and (dateline := DATELINE_AGENCY_RE.match(body_texts[0])):
        wire = dateline["name"]
    is_headline_proposed = not headline
    if is_headline_proposed:
        headline = propose_headline(body_texts[0])
        warnings.append("no headline in the file; one was proposed from the lede for the editor to review")
    if not authors:
        warnings.append("no byline found")
    for author in authors:
        if scripts := mixed_scripts(author.name):
            warnings.append(f"the name “{author.name}” mixes {' and '.join(scripts)} letters: check its spelling")
    if not copyright_notice:
        warnings.append("no copyright line; the site's default notice applies")

    return Story(
        headline=headline,
        is_headline_proposed=is_headline_proposed,
        dek=dek,
        paragraphs=tuple(p.source for p in body),
        authors=tuple(authors),
        source_name=wire or find_source_credit(body_texts),
        source_relationship=WIRE if wire else VIA,
        copyright=copyright_notice,
        markup=markup,
        warnings=tuple(warnings),
    )


def story_to_data(story: Story) -> dict:
    """The story as JSON-ready data, which ``story_from_data`` reads back as the same story."""
    return asdict(story)


def story_from_data(data: dict) -> Story:
    copyright_data = data.get("copyright")
    return Story(
        **data
        | {
            "paragraphs": tuple(data["paragraphs"]),
            "authors": tuple(Author(**author) for author in data["authors"]),
            "copyright": Copyright(**copyright_data) if copyright_data else None,
            "warnings": tuple(data["warnings"]),
        }
    )


def format_story(story: Story) -> str:
    """A ``Story`` written out in the story file format, as ``parse_story`` reads it back.

    The headline first unless it was proposed; a standfirst with a "By" line under it (that is
    how a standfirst is told from a lede); the body, which carries the source credit; each
    author's signature and bio; the copyright line.
    """
    lines = [] if story.is_headline_proposed else [story.headline]
    if story.dek:
        lines += [story.dek, "By " + join_names([author.name for author in story.authors])]
    lines += story.paragraphs
    for author in story.authors:
        lines += [f"{author.name} {SIGNATURE_MARK}", *([author.bio] if author.bio else [])]
    lines += [story.copyright.notice] if story.copyright else []
    return "\n".join(lines) + "\n"


def merge_authors(bylined: list[Author], signed: list[Author]) -> list[Author]:
    """Join the "By …" authors with the signed ones, taking bios from signatures."""
    bios = {author.name.casefold(): author.bio for author in signed}
    merged = [Author(a.name, bios.pop(a.name.casefold(), "")) for a in bylined]
    merged += [a for a in signed if a.name.casefold() in bios]
    return merged

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

from .date_lines import date_line, parse_date, read_dates, split_segments
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
VIA, WIRE, ORIGINAL = "via", "wire", "original"  # how the credited outlet stands to the story
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
    role: str = ""  # what the byline says of the writer: "Senior Correspondent", "reporting"


@dataclass(frozen=True)
class Contributor:
    """Someone credited who is not in the byline: "Additional reporting by Jane Doe"."""

    name: str
    role: str  # one of CONTRIBUTOR_ROLES


@dataclass(frozen=True)
class Copyright:
    holder: str
    year: int | None = None
    statement: str = ""

    @property
    def notice(self):
        """The notice as printed: "© 2026 Newsmax. All rights reserved."; the statement alone without a holder."""
        if not self.holder:
            return self.statement
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
    contributors: tuple[Contributor, ...] = ()
    dateline: str = ""  # where the story was filed, as printed: "WASHINGTON"
    published: str = ""  # the original publication time a date line gives, ISO 8601 (a date alone, or a time)
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
    r"(?:(?P<first>\d{4})\s*[-–]\s*)?(?P<year>\d{4})?\s*,?\s*(?:by\s+)?(?P<rest>.*)$",
    re.IGNORECASE,
)
RIGHTS_RE = re.compile(
    r"\b(?:all rights reserved|some rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|все права защищены)\b",
    re.IGNORECASE,
)
# Where the holder's legal name ends: "Guardian News and Media Limited or its affiliated companies",
# "USA TODAY, a Gannett company", "dpa (www.dpa.de)", "SZ vom 15.05.2019/vit", or a sentence's end.
HOLDER_END_RE = re.compile(
    r"\s+or\s+its\s+affiliated\s+companies\b|,?\s+a\s+division\s+of\b|,?\s+an?\s+(?:[\w.&-]+\s+){1,4}company\b|\s*\((?:www\.|https?://)[^)]*\)"
    r"|\s+vom\s+\d|(?<!\b[A-Z])(?<!\bInc)(?<!\bLtd)(?<!\bCo)(?<!\bCorp)(?<!\bSt)\.\s+(?=\S)|\s+\d{4}\b",
    re.IGNORECASE,
)
ABBREVIATION_END_RE = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Plc|S\.A|[A-Z])\.$")
SITE_BEFORE_COPYRIGHT_RE = re.compile(r"^\S+\s+(?=©)")
YEAR_IN_TEXT_RE = re.compile(r"\b(?:19|20)\d{2}\b")


def is_owner_line(text: str) -> bool:
    """A company's name alone under a copyright notice ("Grupo RBS")."""
    return len(text.split()) <= MAX_NAME_WORDS and is_name_like(text) and not parse_copyright(text)


def parse_copyright(line: str) -> Copyright | None:
    """A copyright line: "© 2026 Newsmax. All rights reserved.", "Copyright 2007 by United Press
    International", "© EFE 2019. …", "Yahoo!-ABC News Network | © 2016 ABC News Internet Ventures.",
    or the rights alone ("Todos los derechos reservados."). The holder is the first legal name;
    what follows is the statement."""
    if RIGHTS_RE.match(line):
        return Copyright(holder="", statement=line)
    if " | " in line and not COPYRIGHT_RE.match(line):
        line = line.rsplit(" | ", 1)[1]
    elif found := SITE_BEFORE_COPYRIGHT_RE.match(line):  # "Citylab.com © 2019 The Atlantic Monthly Group"
        line = line[found.end() :]
    match = COPYRIGHT_RE.match(line)
    if not match:
        return None
    rest = match["rest"].strip()
    rights = RIGHTS_RE.search(rest)
    if not (match["year"] or rights or line[0] in "©("):
        return None  # "Copyright lawyers say…" is a sentence, not a notice
    holder, statement = (rest[: rights.start()], rest[rights.start() :]) if rights else (rest, "")
    if end := HOLDER_END_RE.search(holder):
        holder, statement = holder[: end.start()], f"{holder[end.start() :].strip(' .,;/')} {statement}".strip()
    year = match["year"] or ((found := YEAR_IN_TEXT_RE.search(statement)) and found[0])
    if end and end[0].strip().isdigit() and statement.startswith(end[0].strip()):
        statement = statement[len(end[0].strip()) :].strip(" .,")  # "© EFE 2019. …": the year, not a statement
    holder = holder.strip(" ,;")
    if holder.endswith(".") and (not ABBREVIATION_END_RE.search(holder) or re.search(r"/[A-Z]\.$", holder)):
        holder = holder[:-1].rstrip()
    if not holder or len(holder) > MAX_HOLDER_LENGTH:
        return None
    return Copyright(holder=holder, year=int(year) if year else None, statement=statement.strip())


# --- authors -----------------------------------------------------------------------------

# "By", "BY:", "Written by", "Eine Analyse von", "Par", "Por", "Von", "Текст:", "ΓΡΑΦΕΙ:", "بقلم", "كتب".
BYLINE_RE = re.compile(
    r"^(?:(?:[\w-]+\s+){0,2}?(?:by|von|par|por)|автор|[тt]екст|γράφει|γραφει|κειμενο|κείμενο|بقلم|كتب)"
    r"\s*:?\s+(?P<names>\S.*?)\s*$",
    re.IGNORECASE,
)
# Credits that are not the byline: "Photos by …", "Additional reporting by …".
CONTRIBUTOR_BY_RE = re.compile(
    r"^(?:additional\s+reporting|photos?|photographs?|photography|video|graphics|edited|editing|translated|"
    r"translation|research|reviewed)\b",
    re.IGNORECASE,
)
# A co-author named after "with": "Jane Doe with John Roe", "(avec Damien Leloup et Morgane Tual)".
CO_AUTHOR_RE = re.compile(r"\s+(?:with|avec|con|mit)\s+", re.IGNORECASE)
# A time after the names: "Sarah Archer 1:39 PM ET".
TRAILING_TIME_RE = re.compile(r"\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)
# Degrees after a name are the writer's, not an agency: "Brenda Goodman, MA".
DEGREES = frozenset({"MA", "MD", "PhD", "RN", "MBA", "MS", "MSc", "BSc", "MPH", "DO", "JD", "DPhil"})
# Words that make a name an institution's, not a person's: "Redonda Restoration Programme".
INSTITUTION_WORDS = frozenset(
    {
        "programme", "program", "project", "foundation", "institute", "university", "council", "ministry",
        "department", "agency", "service", "group", "association", "society", "trust", "office", "committee",
        "centre", "center", "network",
    }
)  # fmt: skip
HANDLE_RE = re.compile(r"\s*@\w+")
# Words of a job title or desk after a writer's name: "Jane Doe, Senior Correspondent".
ROLE_WORDS = frozenset(
    [
        "correspondent",
        "correspondente",
        "corresponsal",
        "korrespondent",
        "korrespondentin",
        "editor",
        "editora",
        "redakteur",
        "redakteurin",
        "rédacteur",
        "rédactrice",
        "reporter",
        "reportera",
        "writer",
        "columnist",
        "contributor",
        "critic",
        "analyst",
        "producer",
        "journalist",
        "journaliste",
        "periodista",
        "staff",
        "desk",
        "bureau",
        "chief",
        "professor",
        "lecturer",
        "university",
        "studio",
        "envoyé",
        "envoyée",
        "spécial",
        "spéciale",
        "enviado",
        "enviada",
        "especial",
        "senior",
        "national",
        "international",
        "political",
        "economics",
        "science",
        "health",
    ]
)
EMPTY_BYLINE_RE = re.compile(r"^by\s*:?$", re.IGNORECASE)
# Inside a name word, besides letters and digits: combining marks (Devanagari's vowel signs,
# Arabic's short vowels), apostrophes, hyphens, dots, the middle dots of "Col·lell" and "ジョン・スミス",
# and the Hebrew geresh and gershayim.
NAME_WORD_INNER = frozenset("'’.-_·・\u05f3\u05f4")
NAME_SPLIT_RE = re.compile(
    r"\s*(?:,\s*(?:and|et|y|e|und|и)\s+|,\s*|、|\s+(?:and|et|y|e|und|и|و)\s+|\s*&\s*)\s*", re.IGNORECASE
)
MAX_BYLINE_LENGTH = 200
MIN_UNSPACED_LETTERS = 12
MAX_UNSIGNED_BIO_LENGTH = 300
INITIALS_SIGNATURE_RE = re.compile(r"^(?:[^\W\d_]{1,3}\.){2,3}$")
NAME_SEPARATOR_RE = re.compile(
    r"(\s*,\s*(?:and|et|y|e|und|и)\s+|\s*,\s*|、|\s+(?:and|et|y|e|und|и|و)\s+|\s*&\s*)", re.IGNORECASE
)
CO_AUTHOR_START_RE = re.compile(r"^(?:with|avec|con|mit)\s+", re.IGNORECASE)
ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý]{2,6}$")
UNSPACED_NAME_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,10}|[\uac00-\ud7af]{2,5})$")  # ideographs, or hangul
CJK_BYLINE_RE = re.compile(r"^[\u3040-\u30ff\u4e00-\u9fff=＝、 ]{4,60}$")
CJK_PLACE_RE = re.compile(r"^[^=＝]+[=＝]")
CJK_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,5}$")
TRAILING_URL_RE = re.compile(r"(?:\s+(?:en|in|on|sur|auf|at)\s*:?)?\s+https?://(?P<host>[^/\s]+)\S*$", re.IGNORECASE)
BRACKETED_CO_AUTHORS_RE = re.compile(r"\s*\((?:with|avec|con|mit)\s+(?P<names>[^()]+)\)", re.IGNORECASE)
SUBMITTED_BY_RE = re.compile(r"\s+and\s+submitted\s+by\s+.*$|\s+submitted\s+by\s+.*$", re.IGNORECASE)
DOMAIN_RE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
OUTLET_AFTER_NAME_RE = re.compile(
    r"^(?P<person>[^\W\d][^,]*?)\s+(?P<outlet>The\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)$"
)
INITIAL_END = tuple(f" {letter}." for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
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


@dataclass(frozen=True)
class Byline:
    authors: tuple[Author, ...]
    wire: str = ""  # an agency after the names: "By Jane Doe, Reuters"
    original: str = ""  # the site a repost names beside the byline: "By Andy Greenberg | wired.com"
    published: str = ""


def byline_names(line: str) -> list[str]:
    """The names in a "By Jane Doe and John Roe" line, or [] if the line is not a byline."""
    byline = read_byline(line)
    return [author.name for author in byline.authors] if byline else []


def read_byline(line: str, bare: bool = False, organisation: bool = False) -> Byline | None:
    """A byline — "By Jane Doe and John Roe", "By: Jane Doe | Updated 5:11 PM", "Le Monde | 4 mai
    2015 | Par Martin Untersinger (avec Damien Leloup)", "Von Julia Macher, ARD-Studio Madrid" — or,
    with ``bare``, a line of names alone ("Julia Carrie Wong and Sam Levin", "Patricio Candia |
    Palma | 08/01/2014"), or with ``organisation`` an agency alone ("The Associated Press"). None
    if the line is anything else."""
    if len(line) > MAX_BYLINE_LENGTH or CONTRIBUTOR_BY_RE.match(line):
        return None
    line, original = take_url(line)
    line = BRACKETED_CO_AUTHORS_RE.sub(r" with \g<names>", line)  # "Par A (avec B et C)"
    segments = split_segments(line, brackets=False)
    found = next(
        ((i, match["names"]) for i, segment in enumerate(segments) if (match := BYLINE_RE.match(segment))), None
    )
    if found is None and bare and (names := cjk_byline_names(line)):
        return Byline(tuple(Author(name) for name in names))
    if found is None and (not bare or line.rstrip().endswith(SENTENCE_ENDINGS)):
        return None  # names alone never end as a sentence does
    at, names = found or (0, segments[0] if segments else "")
    rest = segments[:at] + segments[at + 1 :]
    co_authors = [segment for segment in rest if CO_AUTHOR_START_RE.match(segment)]
    rest = [segment for segment in rest if segment not in co_authors]
    dates, others = read_dates(rest)
    if found is None and (len(others) > 2 or (len(segments) == 1 and not bare)):
        return None
    names = " with ".join([SUBMITTED_BY_RE.sub("", names), *(CO_AUTHOR_START_RE.sub("", c) for c in co_authors)])
    if DOMAIN_RE.match(names):  # "Authored by theatlantic.com": a site, not a writer
        return Byline((), original=names) if found else None
    authors, wire = read_names(names, bare and not organisation)
    if not authors:
        return None
    original = original or next((segment for segment in others if DOMAIN_RE.match(segment)), "")
    return Byline(tuple(authors), wire=wire, original=original, published=dates.published if dates else "")


def cjk_byline_names(line: str) -> list[str]:
    """The reporters of a Japanese (or Chinese) byline: names of two to five ideographs, apart or
    joined by "、", each perhaps after the place it was filed from ("ワシントン=土佐茂生")."""
    if not CJK_BYLINE_RE.match(line) or ("=" not in line and " " not in line):
        return []
    names = [CJK_PLACE_RE.sub("", part) for part in re.split(r"[\s、]+", line) if part]
    return names if len(names) >= 2 and all(CJK_NAME_RE.match(name) for name in names) else []


def take_url(line: str) -> tuple[str, str]:
    """The line without the address it ends with ("… en: https://www.lanacion.com.ar/…"), and the
    address's host: the site the story was first published on."""
    if found := TRAILING_URL_RE.search(line):
        return line[: found.start()].rstrip(" ,;:"), found["host"]
    return line, ""


def read_names(text: str, bare: bool = False) -> tuple[list[Author], str]:
    """The writers in a byline's names, each with the role the byline gives, and a wire agency
    named after them ("Jane Doe, Reuters"); ([], "") when the text is not names."""
    text = TRAILING_TIME_RE.sub("", HANDLE_RE.sub("", text)).strip(" ,;")
    if found := OUTLET_AFTER_NAME_RE.match(text):  # "Joe Davidson The Washington Post"
        text = f"{found['person']}, {found['outlet']}"
    authors: list[list[str]] = []
    wire = ""
    tokens = NAME_SEPARATOR_RE.split(CO_AUTHOR_RE.sub(" and ", text))
    for index in range(0, len(tokens), 2):
        part = tokens[index].strip(" .") if not tokens[index].rstrip().endswith(INITIAL_END) else tokens[index].strip()
        separator = tokens[index - 1].strip() if index else ""
        if not part:
            continue
        if "(" in part and part.endswith(")"):  # "Jane Doe (reporting)"
            part, role = part[:-1].split("(", 1)
            part, role = part.strip(), role.strip()
        else:
            role = ""
        if authors and separator == "," and part in DEGREES:
            authors[-1][1] = f"{authors[-1][1]}, {part}" if authors[-1][1] else part
            continue
        if authors and separator == "," and not is_person_name(part):
            if is_organisation_name(part) and index == len(tokens) - 1:
                wire = part
            elif bare:
                return [], ""
            elif authors[-1][1] or is_role(part):
                authors[-1][1] = f"{authors[-1][1]}, {part}" if authors[-1][1] else part
            else:
                return [], ""
            continue
        name = re.sub(r"^the\s+", "", part, flags=re.IGNORECASE)
        if not (is_name_like(name) or (is_organisation_name(part) and not bare)):
            return [], ""
        if bare and not is_person_name(part):
            return [], ""
        authors.append([ordinary_case(part), role])
    return [Author(name, role=role) for name, role in authors], wire


def is_person_name(text: str) -> bool:
    """A person's name: two to six words that read as a name, and neither a title nor an outlet; in a
    script written without spaces ("王伟", "김민준"), two to ten letters of it."""
    if UNSPACED_NAME_RE.match(text):
        return True
    words = text.split()
    return (
        2 <= len(words) <= MAX_NAME_WORDS
        and is_name_like(text)
        and not is_role(text)
        and not is_organisation(text)
        and not is_institution(text)
    )


def is_institution(text: str) -> bool:
    return any(word.casefold() in INSTITUTION_WORDS for word in text.split())


def is_role(text: str) -> bool:
    """A job title, desk or place after a name: lower-case words, a title's words, or one word."""
    words = [word.strip(".,()") for word in re.split(r"[\s-]+", text) if word.strip(".,()")]
    return bool(words) and (
        len(words) == 1
        or any(word.casefold() in ROLE_WORDS for word in words)
        or any(word[0].islower() and word.lower() not in NAME_PARTICLES for word in words)
    )


def is_organisation(text: str) -> bool:
    """An agency or outlet by the form of its name: an acronym ("AFP", "CNN"), "The …", or a news
    word ("Press", "News", "Agency")."""
    return bool(
        ACRONYM_RE.match(text)
        or text.casefold() in WIRE_AGENCIES
        or re.match(r"^The\s+[A-Z]", text)
        or MEDIA_WORD_RE.search(text)
    )


def is_organisation_name(text: str) -> bool:
    """An agency written as a byline: "AFP", "The Associated Press", never a sentence."""
    return (
        is_organisation(text)
        and text[0].isupper()
        and len(text.split()) <= MAX_NAME_WORDS
        and not re.search(r"[.!?;:]\s", text)
    )


def ordinary_case(name: str) -> str:
    """A name in capitals as it is usually written: "MICHELLE R. SMITH" → "Michelle R. Smith".
    Acronyms ("AFP") and names already in mixed case stay as they are."""
    if not name.isupper() or ACRONYM_RE.match(name):
        return name
    return re.sub(r"[^\W\d_]+", lambda word: word[0][0] + word[0][1:].lower(), name)


def is_bio_of(paragraph: str, name: str) -> bool:
    """Whether ``paragraph`` is about the person ``name``: it opens with the name, the surname, the
    first name followed by a verb ("Dan is …"), or a pronoun; in any case ("JANE DOE IS …")."""
    words = paragraph.split(maxsplit=2)
    first_word = words[0].strip(",").casefold()
    parts = name.split()
    opening = paragraph.casefold()
    return (
        opening.startswith((name.casefold(), parts[-1].casefold()))
        or first_word in PRONOUNS
        or (len(parts) > 1 and len(words) > 1 and first_word == parts[0].casefold() and words[1][0].islower())
    )


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


# --- front matter: what stands above the story ---------------------------------------------

FRONT_LINES = 7  # headline, dek, byline, date lines and a photo credit come within the first lines
MAX_LOOSE_FRONT_LINES = 2  # a headline and a dek
MAX_DEK_LENGTH = 400
ABBREVIATION_RE = re.compile(r"(?:^|\s)(?:[^\W\d_]{1,3}\.){2,}$")  # "EE.UU.", "U.S."
SENTENCE_ENDINGS = (".", "!", "?", "…", "。", "！", "？", ":", ";", ",")
FROM_OUTLET_RE = re.compile(r"^From:\s+(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5})$")
AGENCY_AND_PLACE_RE = re.compile(r"^(?P<agency>[A-Z]{2,6})\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})$")
OUTLET_LINE_RE = re.compile(r"^(?P<agency>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3}\s(?:News|Press|Wire|Agency))$")
NOTE_LINE_RE = re.compile(r"^\([^()]{1,80}\)$")  # "(Croquis d'audience+Photo+Video)": what comes with the story


@dataclass(frozen=True)
class FrontMatter:
    length: int = 0  # paragraphs it takes; 0 when the top of the file has no byline or date line
    headline: str = ""
    dek: str = ""
    authors: tuple[Author, ...] = ()
    wire: str = ""
    original: str = ""
    published: str = ""
    dateline: str = ""
    copyright: Copyright | None = None


def read_front_matter(paragraphs: list[Paragraph]) -> FrontMatter:
    """Headline, dek, bylines and date lines above the story, in whatever order the outlet prints
    them ("Wed Dec 14, 2016 | 5:03pm EST" above the headline, the byline split over two lines).

    The top of the file is read up to its last byline or date line, with at most a headline and a
    dek among them (and, when the file opens with a date, a headline and a dek under it); without
    either, it is left to the plain rules (a headline, then "By …").
    """
    structure, loose = [], []
    authors = []
    wire = original = published = dateline = ""
    notice = None
    opens_with_date = False
    for index, paragraph in enumerate(paragraphs[: min(FRONT_LINES, len(paragraphs) - 1)]):
        text = paragraph.text
        if (dates := date_line(text)) and (not dates.lead or is_place(dates.lead) or read_names(dates.lead)[0]):
            opens_with_date = opens_with_date or index == 0
            if dates.published and published and dates.published.startswith(published):
                published = dates.published  # "1 Mar 2011", then "2:00 pm on 1 March 2011": the time too
            published = dates.first or published or dates.published
            authors += read_names(dates.lead)[0] if dates.lead and not is_place(dates.lead) else []
        elif NOTE_LINE_RE.match(text) or is_web_furniture(text):
            pass
        elif index and not authors and (found := AGENCY_AND_PLACE_RE.match(text)):
            authors.append(Author(found["agency"]))  # "ANI United States": the agency and where it filed from
            wire = wire or found["agency"]
        elif byline := front_byline(paragraphs, index, has_authors=bool(authors)):
            authors += [author for author in byline.authors if author not in authors]
            wire, original = wire or byline.wire, original or byline.original
            published = published or byline.published
        elif contributor_credits(text):  # read with the body's credit lines; it does not end the top
            continue
        elif index == 0 and (notice := parse_copyright(text)):
            opens_with_date = True
        elif found := FROM_OUTLET_RE.match(text):  # "From: Herald Sun": syndicated from that paper
            original = original or found["name"]
        elif index and (found := OUTLET_LINE_RE.match(text)):
            wire = wire or found["agency"]  # "WebMD Health News": the desk the story comes from
        elif (found := read_dateline(text)) and not found[2]:  # "MÁLAGA, 2 Nov. (EUROPA PRESS) -" alone
            dateline, wire = found[0], wire or found[1]
            structure.append(index)
            break
        else:
            loose.append(index)
            if len(loose) > MAX_LOOSE_FRONT_LINES:
                break
            continue
        structure.append(index)
    if not structure:
        return FrontMatter()
    length = structure[-1] + 1
    loose = [index for index in loose if index < length]
    if opens_with_date and not loose:  # a date (or a notice) opens the file: the headline is under it
        while len(loose) < MAX_LOOSE_FRONT_LINES and is_headline_text(paragraphs[length].text):
            loose.append(length)
            length += 1
    texts = [paragraphs[index].text for index in loose]
    if len(texts) > MAX_LOOSE_FRONT_LINES or not any(is_story_text(p.text) for p in paragraphs[length:]):
        return FrontMatter()
    headline = texts.pop(0) if texts and (is_headline_text(texts[0]) or len(texts) == 2) else ""
    dek = texts.pop(0) if texts else ""
    return FrontMatter(length, headline, dek, tuple(authors), wire, original, published, dateline, notice)


def is_place(lead: str) -> bool:
    """Words before a date that end in a comma name where it was written: "São Paulo, sexta-feira, …"."""
    return lead.endswith(",")


def front_byline(paragraphs: list[Paragraph], index: int, has_authors: bool) -> Byline | None:
    """A byline at the top: "By …" in any of its forms; under a headline, names alone ("Rebecca
    Hersher", "Joe Davidson The Washington Post"), but not a sign-off name above its bio; or the
    second line of a byline broken after a comma."""
    text = paragraphs[index].text
    if byline := read_byline(text):
        return byline
    if not index:  # names alone open a file only in a form no sentence has
        return read_byline(text, bare=True) if cjk_byline_names(text) else None
    following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
    if has_authors:
        previous = paragraphs[index - 1].text
        return read_byline(text, bare=True) if previous.rstrip().endswith(",") and is_person_name(text) else None
    byline = read_byline(text, bare=True, organisation=bool(date_line(following)))
    if byline and following and is_bio_of(following, byline.authors[0].name):
        return None
    return byline


def is_dek_text(text: str, following: list[Paragraph]) -> bool:
    """A standfirst under the headline: no sentence ends it ("首脳会談、農畜産物対象か", "Los agentes
    … con cocaína y 3.500 euros"), and the story follows."""
    return (
        len(text) <= MAX_DEK_LENGTH
        and not BYLINE_RE.match(text)
        and not text.rstrip("»”’\"')").endswith(SENTENCE_ENDINGS)
        and any(is_story_text(p.text) for p in following)
    )


def is_headline_text(text: str) -> bool:
    """Short, and not ended as a sentence is (an abbreviation may end it: "… con EE.UU.")."""
    return len(text) <= MAX_HEADLINE_LENGTH and (
        not text.endswith((".", ",", ";", ":")) or bool(ABBREVIATION_RE.search(text))
    )


# --- contributors --------------------------------------------------------------------------

CONTRIBUTOR_ROLES = {
    "additional reporting": "additional reporting", "reporting": "reporting", "photo": "photography",
    "photos": "photography", "photograph": "photography", "photographs": "photography",
    "photography": "photography", "video": "video", "graphics": "graphics", "edited": "editing",
    "editing": "editing", "translated": "translation", "translation": "translation", "research": "research",
    "reviewed": "review",
}  # fmt: skip
CREDIT_PHRASES = {
    "additional reporting": "Additional reporting", "photography": "Photos", "video": "Video",
    "graphics": "Graphics", "editing": "Editing", "translation": "Translation", "research": "Research",
    "review": "Reviewed",
}  # fmt: skip
CREDIT_PART_RE = re.compile(
    r"^(?P<role>additional\s+reporting|reporting|photos?|photographs?|photography|video|graphics|edited|editing|"
    r"translated|translation|research|reviewed)\s*(?:by\b|:)\s*(?P<names>.+)$",
    re.IGNORECASE,
)
CONTRIBUTED_RE = re.compile(
    r"^[-–—]*\s*(?P<names>.+?)\s+contributed\s+(?:to\s+)?(?:this\s+(?:report|story|article)|reporting)\.?$",
    re.IGNORECASE,
)
PLACE_AFTER_NAME_RE = re.compile(r"\s+in\s+[A-Z].*$")
POSSESSIVE_PREFIX_RE = re.compile(r"^(?:[A-Z][\w.&-]*\s+){1,3}?(?=[A-Z])|^[\w.&-]+['’]s\s+")
# The desk's initials a wire story ends with ("asl/tib/pid/cac", "(SDA/mf ba)"), or the agency alone ("AFP").
SIGN_OFF_RE = re.compile(
    r"^\(?[A-Za-z]{2,5}(?:/[a-z]{1,5}(?:\s[a-z]{1,5})*)+\)?$|^[A-Z]{2,6}$|^[A-Z][\w.&-]*\s\([A-Z][\w .]{1,30}\)$"
)
# A web page's links and notes copied with the story: "Click here for updates on this story", "Original Article".
WEB_LINE_RE = re.compile(
    r"^(?:click here\b.{0,60}|original article|read (?:the )?(?:original|more|full) (?:article|story)\b.{0,40}|"
    r"please note: this content carries\b.*|more:? .{0,60}|related:? .{0,80}|about the authors?|check back\b.{0,100}|"
    r"(?:texto anterior|próximo texto|previous|next)(?::.{0,100})?|índice|index|"
    r"(?:with|com|con|avec|mit) (?:news )?(?:agencies|agências|agencias|agences|Agenturen)(?: \w+)?\.?)$",
    re.IGNORECASE,
)
CONTACT_LINE_RE = re.compile(
    r"^(?:twitter|x|e-?mail|email me|follow|contact)\b(?=.*@)\S*(?:\s+\S+){0,8}$|^\S+@\S+\.\w+$", re.IGNORECASE
)  # "Twitter: @jane", "Email jane@example.com // Twitter @jane", "jane@example.com"


def is_web_furniture(line: str) -> bool:
    """Links and notes of the web page the story was copied from: "Click here for updates", "Texto
    Anterior | Próximo Texto | Índice" (a row of a few short links)."""
    if WEB_LINE_RE.match(line):
        return True
    links = line.split(" | ")
    return len(links) >= 3 and all(len(link.split()) <= 3 and not re.search(r"[\d.!?]", link) for link in links)


def contributor_credits(line: str) -> list[Contributor]:
    """The people a credit line names with their roles: "(Reporting by A; Additional reporting by
    B in Washington; Editing by C)", "Photos by D", "Photograph: E", "F contributed to this report."
    (writers named under "Reporting by" come back with the role "reporting"). [] for other lines."""
    text = line.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    if found := CONTRIBUTED_RE.match(text):
        names = re.sub(r"^[\w.&-]+['’]s\s+", "", found["names"])
        people = [name for name in split_credit_names(names) if is_name_like(name)]
        return [Contributor(name, "contributing") for name in people] if people else []
    credits = []
    for part in re.split(r"\s*;\s*", text):
        found = CREDIT_PART_RE.match(part)
        if not found:
            return []
        people = split_credit_names(found["names"])
        if not people or not all(is_name_like(name) for name in people):
            return []
        role = CONTRIBUTOR_ROLES[re.sub(r"\s+", " ", found["role"].casefold())]
        credits += [Contributor(name, role) for name in people]
    return [credit for credit in credits if credit.role != "reporting"]


def split_credit_names(names: str) -> list[str]:
    """The people in "Jason Lange in Washington and Ann Saphir", "Ed Marshall, Redonda Restoration
    Programme", "Hansa D. Bhargava, MD": places, institutions and degrees are not people."""
    parts = [PLACE_AFTER_NAME_RE.sub("", part).strip(" .") for part in NAME_SEPARATOR_RE.split(names.strip(" "))[::2]]
    return [part for part in parts if part and part not in DEGREES and not is_institution(part)]


# --- datelines -----------------------------------------------------------------------------

# "WASHINGTON (AP) —", "Strasbourg, 10 juil 2024 (AFP) -", "Nueva Delhi, 21 ene (EFE).-", "(CNN)",
# "Genève (ats)", "SACRAMENTO, California (KMAX, KOVR)".
AGENCY_DATELINE_RE = re.compile(
    r"^(?P<place>[^\W\d_][\w .,'’-]{0,60}?)?\s*\((?P<agency>[\w .,&'’-]{1,40})\)"
    r"\s*(?P<dash>[-–—]+|\.-|:)?\s*(?P<rest>.*)$"
)
# "МОСКВА, 2 ноября. /ТАСС/."
SLASH_DATELINE_RE = re.compile(
    r"^(?P<place>[^\W\d_][\w .,'’-]{0,60}?)\s*/(?P<agency>[^\W\d_][\w .&-]{0,30})/\.?\s*(?P<rest>.*)$"
)
# "LONDON —", "MOUNT OLIVE, N.C. —"
CAPITALS_DATELINE_RE = re.compile(
    r"^(?P<place>[^\W\d_](?:\w|[ .'’])*?(?:,\s*[\w.]+(?:\s[\w.]+)?)?)"
    r"(?:\s+[-–—]{1,2}|\s*—|\.(?=\s+[A-Z]))\s*(?P<rest>\S.*)$"
)
# "Málaga/Dos miembros de la Guardia Civil …": the place joined to the first word.
JOINED_DATELINE_RE = re.compile(r"^(?P<place>[A-ZÁÉÍÓÚÑ][\w]+(?:\s[A-ZÁÉÍÓÚÑ][\w]+)?)/(?P<rest>[A-ZÁÉÍÓÚÑ¿¡\"“«].*)$")
# "* نيويورك رويترز:" — a place and an agency on a line of their own, after an asterisk.
STAR_DATELINE_RE = re.compile(r"^\*\s*(?P<place>[^\W\d_]+)\s+[-–]?\s*(?P<agency>[^\W\d_]+)\s*:(?P<rest>)$")
# "【ワシントン共同】"
BRACKET_DATELINE_RE = re.compile(r"^【(?P<place>[^】]*?)(?P<agency>[\u4e00-\u9fff]+)】\s*(?P<rest>.*)$")
DATELINE_DATE_RE = re.compile(r",\s*(?:\d{1,2}\.?\s+\w+\.?(?:\s+\d{4})?|\w+\.?\s+\d{1,2})\.?\s*$")
MAX_PLACE_WORDS = 5
PLACE_LINE_RE = re.compile(r"^[^\W\d_][\w .'’-]{1,30}(?:,\s*[\w.]+(?:\s[\w.]+)?)?$")
DATE_DATELINE_RE = re.compile(r"^(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s*(?:--|[-–—])\s*(?P<rest>\S.*)$")
ABBREVIATED_PLACE_END_RE = re.compile(r"(?:^|[\s,])(?:[A-Z]\.){2,}$|,\s*[A-Z][a-z]{1,4}\.$")  # "N.C.", "Fla."


def read_dateline(text: str) -> tuple[str, str, str] | None:
    """(place, agency, the rest of the paragraph) of a dateline opening ``text``, or None."""
    for pattern in (
        BRACKET_DATELINE_RE, STAR_DATELINE_RE, SLASH_DATELINE_RE, AGENCY_DATELINE_RE, JOINED_DATELINE_RE,
        CAPITALS_DATELINE_RE,
    ):  # fmt: skip
        found = pattern.match(text)
        if not found:
            continue
        place = DATELINE_DATE_RE.sub("", (found["place"] or "").strip()).strip(" ,")
        place = place if ABBREVIATED_PLACE_END_RE.search(place) else place.rstrip(".")
        agency = found.groupdict().get("agency") or ""
        if len(place.split()) > MAX_PLACE_WORDS + place.count(","):
            continue
        if pattern is AGENCY_DATELINE_RE and not is_dateline_agency(agency, place, found["dash"]):
            continue
        if pattern in (CAPITALS_DATELINE_RE, SLASH_DATELINE_RE) and not is_capitals_place(place):
            continue
        return place, agency.strip(), found["rest"].strip()
    return None


def is_place_line(text: str) -> bool:
    return bool(PLACE_LINE_RE.match(text)) and is_capitals_place(text)


def is_capitals_place(place: str) -> bool:
    """A place printed in capitals, as datelines print it: "LONDON", "MOUNT OLIVE, N.C.", "McLEAN, Va."."""
    town = re.sub(r"^(?:Mc|Mac)(?=[A-Z])", "", place.split(",")[0])
    return len(town) >= 3 and town.isupper()


def is_dateline_agency(agency: str, place: str, dash: str | None) -> bool:
    """What stands in a dateline's brackets is an agency: short and named, before a dash (or
    alone, or after a place in capitals), never a clause ("Smith (R-Texas) said")."""
    words = agency.replace(",", " ").split()
    if not 1 <= len(words) <= 4 or not all(word[0].isupper() or (word.isalpha() and word.islower()) for word in words):
        return False
    return (
        bool(dash) or not place or place.split(",")[0].isupper() or bool(re.fullmatch(r"[a-z]{2,5}|[A-Z]{2,6}", agency))
    )


# --- source credit -------------------------------------------------------------------------

POSSESSIVE_RE = re.compile(r"['’]s\s+\S")
CAPITAL = "A-ZÀ-ÞА-ЯЁΑ-Ω"  # an outlet's name starts with a capital, in Latin, Cyrillic or Greek letters
OUTLET = (
    rf"(?P<name>(?:[Tt]he\s+)?(?!The\s)[{CAPITAL}][\w'’&.-]*(?:\s+(?:of\s+|for\s+|de\s+|and\s+|&\s+)?[{CAPITAL}][\w'’&.-]*)*"
    r"(?:\s+(?:magazine|newspaper))?)"
)
MEDIA_WORD_RE = re.compile(
    r"\b(?:News|Times|Post|Journal|Press|Reuters|Bloomberg|Herald|Tribune|Gazette|Telegraph|Guardian|"
    r"Daily|Magazine|TV|Radio|Broadcasting|Network|Wire|Agence|Axios|Politico|Newsweek|"
    r"AP|AFP|UPI|CNN|BBC|NBC|ABC|CBS|NPR|PBS|MSNBC|CNBC|Fox|Sky|Al Jazeera|Newsmax|dpa|EFE|Xinhua)\b"
    r"|\s(?:magazine|newspaper)$"
)
# Verbs that credit an outlet after a comma: "…, reports Fox News.", "…, передает ТАСС."
CREDIT_VERBS = r"(?:reports|reported|передает|передаёт|сообщает|rapporte|informa|informó|berichtet|berichtete)"
# Patterns whose grammar names a news outlet whatever its name looks like, with how it stands to the story.
STRONG_CREDIT_PATTERNS = [
    (re.compile(r",\s+" + CREDIT_VERBS + r"\s+" + OUTLET + r"\s*[.!]?[\"”»]?$"), VIA),
    (re.compile(r"\breported\s+(?:[A-Z][\w'’.-]+\s+){1,3}of\s+" + OUTLET), VIA),  # "reported Jane Doe of WXYZ"
    (re.compile(r"\bfirst\s+(?:reported|published)\s+by\s+" + OUTLET), VIA),
    (re.compile(r"\boriginally\s+(?:published|appeared)\s+(?:by|in|on)\s+" + OUTLET), ORIGINAL),
    (re.compile(r"\bfirst\s+appeared\s+(?:in|on)\s+" + OUTLET), ORIGINAL),
    # "(article et photo Ouest-France du 24 juillet 2015)": the story and its picture are another paper's
    (
        re.compile(r"\((?:article|texte|story|text|photo)s?\b[^()]*?\s" + OUTLET + r"\s+(?:du|of|from|vom|del)\s+\d"),
        ORIGINAL,
    ),
    # "As informações são da agência Reuters.": the word for a news agency names it
    (
        re.compile(
            r"\b(?:news agency|agência(?: de notícias)?|agencia(?: de noticias)?|agence(?: de presse)?"
            r"|Nachrichtenagentur)\s+" + OUTLET
        ),
        VIA,
    ),
    # "El diario El País informó …": the word for a newspaper names it
    (
        re.compile(
            r"\b(?:el\s+diario|el\s+periódico|the\s+newspaper|le\s+journal|le\s+quotidien|die\s+Zeitung)\s+"
            + OUTLET
            + r"\s+(?:informó|informa|reported|reports|a\s+rapporté|rapporte|berichtete|berichtet)",
            re.IGNORECASE,
        ),
        VIA,
    ),
]
# A line saying where the whole story comes from: "This story was originally published by
# ProPublica.", "This article is republished from The Conversation under a Creative Commons license."
REPUBLISHED_NOTE_RE = re.compile(
    r"^(?i:this\s+(?:story|article|piece|report)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:originally\s+|first\s+)?"
    r"(?:published|republished|appeared|produced)\s+(?:by|in|on|from|with)|originally\s+published\s+(?:by|in|on))\s+"
    + OUTLET
    + r"(?:[\s.,;].{0,200})?$"
)
# Patterns that also fit people and institutions ("according to NASA"): kept for media names.
WEAK_CREDIT_PATTERNS = [
    re.compile(r"\baccording\s+to\s+(?:a\s+report\s+(?:by|in|from)\s+)?" + OUTLET),
    re.compile(r"(?:^|[.,;][\"”’]?\s+|\b(?:as|first)\s+)" + OUTLET + r"\s+(?:reported|reports)\b"),
]


def clean_outlet(name: str) -> str:
    name = re.sub(r"^the\s+(?=[A-Z])", "", name.strip()) if name.startswith("the ") else name.strip()
    name = re.sub(r"'s$|’s$", "", name)
    return name[:-1] if name.endswith(".") and not ABBREVIATION_END_RE.search(name) else name


def find_source_credit(paragraphs: list[str]) -> tuple[str, str]:
    """The outlet the story credits and how ("…, reports Fox News." → ("Fox News", VIA)), or ("", VIA).

    A run of capitalised words longer than any outlet's name is a title or a list, not an outlet,
    and a reporter's name with its outlet ("NPR's Debbie Elliott reported") is that outlet's own work.
    """
    for text in paragraphs:
        for pattern, relationship in STRONG_CREDIT_PATTERNS:
            if (match := pattern.search(text)) and len(match["name"]) <= MAX_OUTLET_LENGTH:
                return clean_outlet(match["name"]), relationship
    for text in paragraphs:
        for pattern in WEAK_CREDIT_PATTERNS:
            for match in pattern.finditer(text):
                name = match["name"]
                if MEDIA_WORD_RE.search(name) and len(name) <= MAX_OUTLET_LENGTH and not POSSESSIVE_RE.search(name):
                    return clean_outlet(name), VIA
    return "", VIA


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
    if len(paragraphs) > 2 and is_owner_line(paragraphs[-1].text) and parse_copyright(paragraphs[-2].text):
        owner = paragraphs.pop().text  # "© 2011-2012 RuralBR.com.br" / "Todos os direitos reservados" / "Grupo RBS"
    else:
        owner = ""
    while paragraphs and (notice := parse_copyright(paragraphs[-1].text)):
        paragraphs.pop()
        if copyrights and not copyrights[0].holder:  # rights on a line of their own, under the holder's
            notice = Copyright(notice.holder, notice.year, f"{notice.statement} {copyrights.pop(0).statement}".strip())
        copyrights.insert(0, notice)
    if copyrights and owner:
        last = copyrights[-1]
        copyrights[-1] = Copyright(last.holder, last.year, f"{last.statement} {owner}".strip())
    if len(copyrights) > 1:
        warnings.append(f"{len(copyrights)} copyright lines; the last one is used")
    copyright_notice = copyrights[-1] if copyrights else None

    for empty_byline in [p for p in paragraphs[:3] if EMPTY_BYLINE_RE.match(p.text)]:
        paragraphs.remove(empty_byline)
        warnings.append(f"line {empty_byline.line}: a “By” line without names was left out")

    front = read_front_matter(paragraphs)
    headline, dek, authors, wire = front.headline, front.dek, list(front.authors), front.wire
    paragraphs = paragraphs[front.length :]
    if not front.length:
        if paragraphs and (paragraphs[0].is_heading or is_headline_line(paragraphs[0].text, paragraphs[1:])):
            headline = paragraphs.pop(0).text
            if (
                len(paragraphs) > 1
                and not byline_names(paragraphs[0].text)
                and (byline_names(paragraphs[1].text) or is_dek_text(paragraphs[0].text, paragraphs[1:]))
            ):
                dek = paragraphs.pop(0).text
        if paragraphs and (byline := read_byline(paragraphs[0].text)):
            paragraphs.pop(0)
            authors, wire = list(byline.authors), byline.wire
    if len(authors) > 1 and not wire and authors[-1].name.casefold() in WIRE_AGENCIES:
        wire = WIRE_AGENCIES[authors.pop().name.casefold()]
    published, contributors, kept, original = front.published, [], [], front.original
    for paragraph in paragraphs:  # credit, date and contact lines are not the story
        if credits := contributor_credits(paragraph.text):
            contributors += credits
        elif found := REPUBLISHED_NOTE_RE.match(paragraph.text):
            original = original or clean_outlet(found["name"])
        elif (dates := date_line(paragraph.text)) and not dates.lead:
            published = dates.first or published or dates.published
        elif not (CONTACT_LINE_RE.match(paragraph.text) or is_web_furniture(paragraph.text)):
            kept.append(paragraph)
    while len(kept) > 1 and SIGN_OFF_RE.match(kept[-1].text):  # the desk's initials, the agency, "CNNMoney (New York)"
        wire = wire or (kept[-1].text if ACRONYM_RE.match(kept[-1].text) else "")
        kept.pop()
    paragraphs = kept
    dateline = front.dateline
    copyright_notice = copyright_notice or front.copyright
    if paragraphs and (found := DATE_DATELINE_RE.match(paragraphs[0].text)) and (when := parse_date(found["date"])):
        published = published or when  # "Feb. 23, 2015 -- …": the story is dated where a place would stand
        first, prefix = paragraphs[0], paragraphs[0].text[: found.start("rest")]
        paragraphs[0] = Paragraph(found["rest"], first.line, first.source.removeprefix(prefix))
    if not dateline and len(paragraphs) > 1 and is_place_line(paragraphs[0].text):
        dateline = paragraphs.pop(0).text  # "ATLANTA" on a line of its own, above the story
    if not dateline and paragraphs and (found := read_dateline(paragraphs[0].text)):
        dateline, agency, rest = found
        wire = wire or agency
        if rest:
            first, prefix = paragraphs[0], paragraphs[0].text[: len(paragraphs[0].text) - len(rest)]
            paragraphs[0] = Paragraph(rest, first.line, first.source.removeprefix(prefix))
        else:
            paragraphs.pop(0)
    if paragraphs and INITIALS_SIGNATURE_RE.match(paragraphs[-1].text) and len(paragraphs) > 1:
        authors.append(Author(paragraphs.pop().text))  # "Β.Σκ.": the writer signs with initials
    start, signed = parse_signatures(paragraphs)
    body, trailer = paragraphs[:start], paragraphs[start:]
    authors = merge_authors(authors, signed)
    if len(body) > 1 and (bio_of := unsigned_bio_author(body[-1].text, authors)):
        authors = [Author(a.name, body.pop().text, a.role) if a is bio_of else a for a in authors]
    if not any(is_story_text(p.text) for p in body):
        line = trailer[0].line if trailer else None
        raise StoryFormatError("no story text found: the file has no body paragraphs", line=line)

    body_texts = [p.text for p in body]
    if wire or original:
        source_name, source_relationship = wire or original, WIRE if wire else ORIGINAL
    else:
        source_name, source_relationship = find_source_credit(body_texts)
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
    elif not copyright_notice.holder:
        warnings.append("the copyright line names no holder; the site's default notice applies")

    return Story(
        headline=headline,
        is_headline_proposed=is_headline_proposed,
        dek=dek,
        paragraphs=tuple(p.source for p in body),
        authors=tuple(authors),
        source_name=source_name,
        source_relationship=source_relationship,
        contributors=tuple(person for person in contributors if person.name not in {a.name for a in authors}),
        dateline=dateline,
        published=published,
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
    how a standfirst is told from a lede), the "By" line also where the byline gives roles; the
    publication date; the body, opening with the dateline and carrying the source credit; the
    contributors' credit lines; each author's signature and bio; the copyright line.
    """
    lines = [] if story.is_headline_proposed else [story.headline]
    if story.dek or any(author.role for author in story.authors):
        lines += [*([story.dek] if story.dek else []), "By " + join_names([byline_name(a) for a in story.authors])]
    lines += [f"Published {story.published}"] if story.published else []
    body = list(story.paragraphs)
    wire = story.source_name if story.source_relationship == WIRE else ""
    if body and (story.dateline or wire):
        agency = f" ({wire})" if wire else ""
        body[0] = f"{story.dateline}{agency} — {body[0]}".lstrip()
    lines += body
    if story.source_name and story.source_relationship == ORIGINAL:
        lines.append(f"This story was originally published by {story.source_name}.")
    lines += [credit_line(person) for person in story.contributors]
    for author in story.authors:
        lines += [f"{author.name} {SIGNATURE_MARK}", *([author.bio] if author.bio else [])]
    lines += [story.copyright.notice] if story.copyright else []
    return "\n".join(lines) + "\n"


def byline_name(author: Author) -> str:
    return f"{author.name} ({author.role})" if author.role else author.name


def credit_line(person: Contributor) -> str:
    if person.role == "contributing":
        return f"{person.name} contributed to this report."
    return f"{CREDIT_PHRASES[person.role]} by {person.name}"


def is_story_text(text: str) -> bool:
    """Words enough for a sentence: four, or in a script written without spaces, a dozen letters."""
    return len(text.split()) >= 4 or (
        sum(ch.isalpha() for ch in text) >= MIN_UNSPACED_LETTERS and " " not in text.strip()
    )


def unsigned_bio_author(paragraph: str, authors: list[Author]) -> Author | None:
    """The author whose bio ``paragraph`` is though no signature stands above it: it opens with their
    whole name ("LAURIE OAKES IS POLITICAL EDITOR AT THE NINE NETWORK") and they have no bio yet."""
    if len(paragraph) > MAX_UNSIGNED_BIO_LENGTH:
        return None
    opening = paragraph.casefold()
    return next(
        (author for author in authors if not author.bio and opening.startswith(f"{author.name.casefold()} ")), None
    )


def merge_authors(bylined: list[Author], signed: list[Author]) -> list[Author]:
    """Join the "By …" authors with the signed ones, taking bios from signatures."""
    bios = {author.name.casefold(): author.bio for author in signed}
    bylined = list({author.name.casefold(): author for author in bylined}.values())  # named twice, one author
    merged = [Author(a.name, bios.pop(a.name.casefold(), ""), a.role) for a in bylined]
    merged += [a for a in signed if a.name.casefold() in bios]
    return merged

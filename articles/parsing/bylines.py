"""Bylines in their many forms: "By Jane Doe and John Roe", "BY:", "Written by", "Par … et …",
"Von …, ARD-Studio Madrid", "Le Monde | 4 mai 2015 | Par …", names alone, Japanese bylines."""

import re
from dataclasses import dataclass

from .dates import read_dates, split_segments
from .names import (
    DEGREES,
    NAME_SEPARATOR_RE,
    SENTENCE_ENDINGS,
    WIRE_AGENCIES,
    is_name_like,
    is_organisation_name,
    is_person_name,
    is_role,
    ordinary_case,
)
from .story import Author

# "By", "BY:", "Written by", "Eine Analyse von", "Par", "Por", "Von", "Текст:", "ΓΡΑΦΕΙ:", "بقلم", "كتب".
BYLINE_RE = re.compile(
    r"^(?:(?:(?:written|words|story|reporting|text|texte|authored|eine\s+analyse|ein\s+kommentar|ein\s+bericht)\s+)?"
    r"(?:by|von|par|por)|автор|[тt]екст|γράφει|γραφει|κειμενο|κείμενο|بقلم|كتب)\s*:?\s+(?P<names>\S.*?)\s*$",
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
HANDLE_RE = re.compile(r"\s*@\w+")
EMPTY_BYLINE_RE = re.compile(r"^by\s*:?$", re.IGNORECASE)
MAX_BYLINE_LENGTH = 200
CO_AUTHOR_START_RE = re.compile(r"^(?:with|avec|con|mit)\s+", re.IGNORECASE)
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
            if index == len(tokens) - 1 and (agency := WIRE_AGENCIES.get(part.casefold())):
                wire = agency  # "Von Christian Hollmann, dpa"
            elif is_organisation_name(part) and index == len(tokens) - 1:
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

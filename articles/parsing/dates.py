"""Date lines, as outlets print them above or below a story: "Published 5:11 PM EST, Sun November
27, 2022", "Updated: 13 minutes ago", "Publié le 4 mai 2015 à 13h36", "Stand: 27.03.2026 • 18:19
Uhr", "2 ноября 2023, 17:39". Pure: text in, ISO 8601 out. The dates themselves are read by
dateparser, in any of its languages; what this module adds is the shape of the line.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

MAX_DATE_LINE_LENGTH = 160
MAX_DATE_LINE_WORDS = 18
MAX_DATE_LINE_SENTENCE_WORDS = 8
MAX_LEAD_WORDS = 4
MAX_LABEL_WORDS = 3  # words before a date that are not part of it: "AFP 30 avril 2015", "JEFF AMY Monday, …"
PUBLISHED, UPDATED = "published", "updated"

# What a date line says before its date. Updates are told apart: only the first publication is kept.
LABEL_RE = re.compile(
    r"^(?:(?P<updated>(?:last\s+)?updated|mis\s+à\s+jour|modifié|actualizado|actualizada|aktualisiert|"
    r"обновлено|обновлен[оа]?)|(?P<first>(?:first|originally)\s+published)|published|posted|publié|publicado|"
    r"publicada|veröffentlicht|stand|опубликовано)(?:\s+(?:on|at|le|el|am|a\s+las))?\s*:?\s*",
    re.IGNORECASE,
)
# Parts of one line: "Published: Nov. 21, 2023 at 8:05 AM CST|Updated: 13 minutes ago", and the same
# with brackets as separators too ("AFP 30 avril 2015 à 07:19 (Mis à jour : …)").
SEPARATORS = (
    r"\||•|·|\s[-—]\s|\.\s+(?=(?:publicado|published|publié)\b)"
    r"|,?(?<!last)\s+(?=(?:mis à jour|modifié|(?:last\s+)?updated|actualizado)\b)"
)
SEPARATOR_SPLIT_RE = re.compile(rf"\s*(?:{SEPARATORS})\s*", re.IGNORECASE)
SEGMENT_SPLIT_RE = re.compile(rf"\s*(?:{SEPARATORS}|\(|\))\s*", re.IGNORECASE)
READ_TIME_RE = re.compile(r"^\d+[-\s]*min(?:ute)?s?\s+read\s+(?=\S)", re.IGNORECASE)
RELATIVE_TIME_RE = re.compile(
    r"^(?:\d+|an?|one)\s*[- ]?(?:min(?:ute)?s?|hours?|hrs?|days?)(?:\s+(?:ago|read))?$"
    r"|^\d+\s*-?\s*min\w*\.?\s+(?:read|di lettura|de lectura|de lecture|de leitura|lesezeit|чтения)$",
    re.IGNORECASE,
)
TIME_RE = re.compile(r"\d{1,2}\s*(?:[:h]|\.(?=\d{2}\b))\s*\d{2}|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
AMBIGUOUS_ZONE_RE = re.compile(r"\b(?:IST|BST|AST|GST|SST)\b")
HOUR_MINUTES_RE = re.compile(r"\b(\d{1,2})\s*h\s*(\d{2})(?:\s*min)?\b")  # "07h31min", "13h36"
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
SHORT_YEAR_DATE_RE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2}\b")  # "31/10/19"
# A weekday and a day of the month without a year: "Vendredi 24 juillet", "Sunday, May 3".
WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    "dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|"
    "freitag|samstag|sonntag"
)
MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december"
)
YEARLESS_DATE_RE = re.compile(
    rf"^(?:(?:{WEEKDAYS}),?\s+(?:\d{{1,2}}\.?\s+[^\W\d]+|[^\W\d]+\s+\d{{1,2}})"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:\s+at\s+\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?)?)$",
    re.IGNORECASE,
)
# A colon or "@" between a date and its time ("November 29, 2016: 8:18 AM"), which dateparser stumbles on.
DATE_TIME_JOINT_RE = re.compile(r"(?<=\d{4})\s*[:@]\s+|\s+@\s+")


@dataclass(frozen=True)
class DateLine:
    published: str = ""  # ISO 8601: "2022-11-27", "2022-11-27T17:11:00" or with its offset
    updated: str = ""
    first: str = ""  # what a "First published …" line says: the original publication, whatever else the file dates
    lead: str = ""  # words before the first date: a name or an agency ("AFP 30 avril 2015 …")


@lru_cache(maxsize=1)
def date_parser() -> DateDataParser:
    return DateDataParser(settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"})


@lru_cache(maxsize=1024)
def parse_date(text: str) -> str:
    """The date (and time, and zone, where given) ``text`` is, in ISO 8601; "" if it is none."""
    text = HOUR_MINUTES_RE.sub(r"\1:\2", DATE_TIME_JOINT_RE.sub(" ", text.strip(" ,;[]|")))
    if not text or not (YEAR_RE.search(text) or SHORT_YEAR_DATE_RE.search(text)) or len(text) > MAX_DATE_LINE_LENGTH:
        return ""
    found = date_parser().get_date_data(text).date_obj
    if found is None or not (str(found.year) in text or f"{found.year % 100:02d}" in text):
        return ""  # never a date the text does not give: dateparser reads "07h31min" as minutes ago
    if not TIME_RE.search(text):
        return found.date().isoformat()
    if AMBIGUOUS_ZONE_RE.search(text):
        return found.replace(tzinfo=None).isoformat()  # "IST" is India's, Israel's or Ireland's: not guessed
    return found.isoformat()


def date_line(text: str) -> DateLine | None:
    """The dates of a line made of dates (and their labels), or None if the line is anything else.

    ``lead`` keeps up to four words before the first date when the rest of the line is dates: the
    caller decides whether they are a byline.
    """
    if len(text) > MAX_DATE_LINE_LENGTH or len(text.split()) > MAX_DATE_LINE_WORDS or is_sentence(text):
        return None  # a sentence of the story, not a date line: dateparser is not asked
    segments = split_segments(text)
    dates, others = read_dates(segments, lead_allowed=True)
    if not dates and segments and all(is_empty_date(part) for part in segments):
        return DateLine()  # "·2-min read", "13 minutes ago": a date line with no date to keep
    if not dates and segments and YEARLESS_DATE_RE.match(segments[0]) and len(segments) <= 2 and is_label(segments[-1]):
        return DateLine()  # "Vendredi 24 juillet - Kernaour": dated, but not a date to keep
    if dates and len(others) == 1 and others[0] == segments[-1] and is_label(others[0]):
        return dates  # "23 декабря 2025, 11:39 • Новости дня": a section's name after the date
    return dates if dates and not others else None


def is_empty_date(segment: str) -> bool:
    """A part of a date line that dates nothing: a relative time, a reading time, a label alone,
    a day without its year ("March 18 at 3:57 PM")."""
    rest = LABEL_RE.sub("", segment, count=1).strip(" /")
    return not rest or bool(RELATIVE_TIME_RE.match(rest) or YEARLESS_DATE_RE.match(rest))


def is_label(text: str) -> bool:
    return len(text.split()) <= MAX_LABEL_WORDS and not any(ch.isdigit() or ch in ".!?" for ch in text)


def is_sentence(text: str) -> bool:
    """More words than a date line holds, ending as a sentence ends ("… on Tuesday."), not in "p.m."."""
    return (
        len(text.split()) > MAX_DATE_LINE_SENTENCE_WORDS
        and text.endswith((".", "!", "?", '."', ".”"))
        and not (text.endswith(("a.m.", "p.m.")))
    )


def split_segments(text: str, brackets: bool = True) -> list[str]:
    """The parts of a line between separators ("|", "•", "·", and unless told otherwise brackets),
    without their edges."""
    pattern = SEGMENT_SPLIT_RE if brackets else SEPARATOR_SPLIT_RE
    return [part.strip(" ,;:-–—") for part in pattern.split(text) if part and part.strip(" ,;:-–—")]


def read_dates(segments: list[str], lead_allowed: bool = False) -> tuple[DateLine | None, list[str]]:
    """The dates among ``segments`` and the segments that are not dates. A time alone after a date
    ("Wed Dec 14, 2016 | 5:03pm EST") completes it."""
    published = updated = lead = first = ""
    others, last = [], None  # last: (kind, text) of the latest dated segment
    for index, segment in enumerate(segments):
        segment = READ_TIME_RE.sub("", segment)  # "2 min read Last Updated : Apr 07 2020"
        label = LABEL_RE.match(segment)
        rest = segment[label.end() :] if label else segment
        if (not rest and label) or RELATIVE_TIME_RE.match(rest):
            continue
        kind = UPDATED if label and label["updated"] else PUBLISHED
        when, words = parse_date(rest), ""
        if not when and last and TIME_RE.match(rest) and not YEAR_RE.search(rest):
            kind, rest = last[0], f"{last[1]} {rest}"  # the time that completes the date before it
            if when := parse_date(rest):  # (a zone dateparser cannot place, "IST", leaves the date alone)
                published, updated = (published, when) if kind == UPDATED else (when, updated)
            last = (kind, rest)
            continue
        if not when and index == 0 and not label and lead_allowed:
            words, when = lead_and_date(rest)
        if not when:
            others.append(segment)
            continue
        lead = lead or words
        last = (kind, rest)
        first = first or (when if label and label["first"] else "")
        if kind == UPDATED:
            updated = updated or when
        else:
            published = published or when
    if not (published or updated):
        return None, others
    return DateLine(published=published, updated=updated, lead=lead, first=first), others


def lead_and_date(text: str) -> tuple[str, str]:
    """("JEFF AMY", the date) from "JEFF AMY Monday, 17 October 2022 09:07 AM EDT", or ("", "")."""
    words = text.split()
    for count in range(1, min(MAX_LEAD_WORDS, len(words) - 1) + 1):
        if when := parse_date(" ".join(words[count:])):
            lead = " ".join(words[:count])
            return (lead, when) if not LABEL_RE.match(lead) else ("", when)
    return "", ""

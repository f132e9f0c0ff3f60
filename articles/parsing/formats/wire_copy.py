"""What NewsML-G2 and NITF share once their metadata is read: the body's paragraphs, with what a wire
puts in the body itself read by the text format's rules — the dateline repeated at its start ("WASHINGTON
(AP) —"), credit lines at its end ("(Reporting by …; Editing by …)"), a copyright line ("(©NTB)") —
bylines written as text ("By Kari Nordmann, NTB"), and which outlet the copy is credited to."""

import itertools
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from ..bylines import read_byline
from ..copyright import parse_copyright
from ..credits import find_source_credit
from ..datelines import read_dateline
from ..names import WIRE_AGENCIES
from ..paragraphs import plain_text
from ..reading import read_opening, take_copyright_lines, take_credit_lines, without_prefix
from ..story import TEXT, VIA, WIRE, Author, Contributor, Copyright, Paragraph, StoryFormatError
from .html_paragraphs import HtmlParagraphs, html_paragraphs
from .xml_documents import serialise

# A wire's copyright as the body's last line, in brackets: "(©NTB)", "(c) dpa".
BRACKETED_COPYRIGHT_RE = re.compile(r"^\((?:©|\(c\)|c\))\s*(?P<holder>[^()]{1,60})\)$|^\(c\)\s+(?P<bare>\S.{0,59})$")
SHORT_YEAR_RANGE_RE = re.compile(r"\b(\d{2})(\d{2})\s*[-–]\s*(\d{2})\b")  # "Copyright 2017-18": to 2018
BULLETS = ("* ", "• ")
MEDIA_TAGS = {"media", "photo", "img", "figure", "object", "iframe", "script", "style"}


@dataclass(frozen=True)
class WireBody:
    paragraphs: tuple[str, ...]
    markup: str
    dateline: str = ""
    wire: str = ""  # the agency a dateline in the body names: "WASHINGTON (AP) —"
    original: str = ""  # "This story was originally published by …"
    contributors: tuple[Contributor, ...] = ()
    copyright: Copyright | None = None


def body_paragraphs(element: Element) -> HtmlParagraphs:
    """An XHTML or NITF body's paragraphs, its pictures and their captions left out."""
    for parent in list(element.iter()):
        for node in [node for node in parent if node.tag in MEDIA_TAGS]:
            parent.remove(node)
    return html_paragraphs(serialise(element))


def text_paragraphs(text: str) -> HtmlParagraphs:
    """Plain text (NewsML-G2's ``inlineData``): a paragraph per line."""
    return HtmlParagraphs(tuple(line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line), TEXT)


def read_wire_body(body: HtmlParagraphs, dateline: str) -> WireBody:
    """The story in a wire body, and what the body says beside it. ``dateline`` is the item's own; a
    body opening with the same place has it taken out, where readers would see it twice."""
    paragraphs = [Paragraph(plain_text(source, body.markup), i, source) for i, source in enumerate(body.paragraphs, 1)]
    notice = None
    if paragraphs and (found := BRACKETED_COPYRIGHT_RE.match(paragraphs[-1].text)):
        notice = Copyright(holder=(found["holder"] or found["bare"]).strip())
        paragraphs.pop()
    paragraphs, notices = take_copyright_lines(paragraphs)
    credits = take_credit_lines(paragraphs)
    wire = credits.wire
    paragraphs = credits.paragraphs
    if dateline:
        paragraphs, agency = without_dateline(paragraphs, dateline)
    else:
        bullets = list(itertools.takewhile(lambda p: p.text.startswith(BULLETS), paragraphs))  # Reuters' summary
        opening = read_opening(paragraphs[len(bullets) :])
        paragraphs, dateline, agency = [*bullets, *opening.paragraphs], opening.dateline, opening.wire
    if not paragraphs:
        raise StoryFormatError("no story text found: the item's body is empty")
    return WireBody(
        paragraphs=tuple(p.source for p in paragraphs),
        markup=body.markup,
        dateline=dateline,
        wire=agency or wire,
        original=credits.original,
        contributors=credits.contributors,
        copyright=notices[-1] if notices else notice,
    )


def without_dateline(paragraphs: list[Paragraph], dateline: str) -> tuple[list[Paragraph], str]:
    """The body without the item's dateline where its first paragraph repeats it, and the agency it names:
    "MARSEILLE (AFP) - …", "(Sports Network) - …", "(New York, NY - October 21) …"."""
    if not paragraphs:
        return paragraphs, ""
    first = paragraphs[0]
    if bracketed := re.match(rf"\({re.escape(dateline)}\b[^()]*\)\s+(?P<rest>\S.*)$", first.text):
        return [without_prefix(first, bracketed["rest"]), *paragraphs[1:]], ""
    found = read_dateline(first.text)
    if not found:
        return paragraphs, ""
    place, agency, rest = found
    if place.casefold() != dateline.casefold() and (place or not agency):
        return paragraphs, ""
    if not place and (placed := read_dateline(rest)) and placed[0].casefold() == dateline.casefold():
        rest = placed[2]  # "(ANSA) - TORINO, 04 DIC - …": the agency, then the place and the date
    return [*([without_prefix(first, rest)] if rest else []), *paragraphs[1:]], agency


def byline_authors(text: str) -> tuple[list[Author], str]:
    """The writers of a byline written as text, read as the text format reads a "By" line, and the
    agency it names after them: "By Kari Nordmann, NTB" → ([Kari Nordmann], "NTB")."""
    byline = read_byline(text) or read_byline(text, bare=True)
    if byline is None:
        return [], agency_name(text)
    wire = byline.wire or next((agency_name(a.role) for a in byline.authors if agency_name(a.role)), "")
    return [Author(a.name, a.bio, "" if agency_name(a.role) else a.role) for a in byline.authors], wire


def agency_name(name: str) -> str:
    """A wire agency's usual name ("REUTERS" → "Reuters"), or "" for any other party."""
    return WIRE_AGENCIES.get(name.strip().casefold(), "")


def credited_source(candidates: list[tuple[str, str]], paragraphs: list[str]) -> tuple[str, str]:
    """The first of the (name, relationship) credits an item gives that names someone; failing them all,
    the outlet the story's sentences credit, as in the text format."""
    for name, relationship in candidates:
        if name:
            return name, relationship
    return find_source_credit(paragraphs)


def relationship_of(name: str) -> str:
    return WIRE if agency_name(name) else VIA


def notice_copyright(holder: str, notice: str, year: int | None = None) -> Copyright | None:
    """The copyright of an item's holder and notice, the notice read as the text format reads a © line."""
    notice = SHORT_YEAR_RANGE_RE.sub(lambda found: f"{found[1]}{found[2]}-{found[1]}{found[3]}", notice)
    parsed = parse_copyright(notice) if notice else None
    if parsed is None and notice and not holder:
        return Copyright(holder="", statement=notice)
    if parsed is None:
        return (
            Copyright(holder=holder, year=year, statement=notice if notice and holder not in notice else "")
            if (holder)
            else None
        )
    return Copyright(holder=holder or parsed.holder, year=parsed.year or year, statement=parsed.statement)

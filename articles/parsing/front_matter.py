"""What stands above the story: headline, dek, bylines and date lines, in whatever order the outlet
prints them."""

import re
from dataclasses import dataclass, replace

from .bylines import BYLINE_RE, Byline, cjk_byline_names, read_byline, read_names
from .copyright import parse_copyright
from .credit_lines import contributor_credits, is_web_furniture
from .datelines import read_dateline
from .dates import date_line
from .headlines import is_headline_text
from .names import ACRONYM_RE, SENTENCE_ENDINGS, WIRE_AGENCIES, is_person_name
from .paragraphs import is_story_text
from .signatures import is_bio_of
from .story import Author, Copyright, Paragraph

FRONT_LINES = 7  # headline, dek, byline, date lines and a photo credit come within the first lines
MAX_LOOSE_FRONT_LINES = 2  # a headline and a dek
MAX_DEK_LENGTH = 400
FROM_OUTLET_RE = re.compile(r"^From:\s+(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5})$")
AGENCY_AND_PLACE_RE = re.compile(r"^(?P<agency>[A-Z]{2,6})\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})$")
OUTLET_LINE_RE = re.compile(r"^(?P<agency>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3}\s(?:News|Press|Wire|Agency))$")
NOTE_LINE_RE = re.compile(r"^\([^()]{1,80}\)$")  # "(Croquis d'audience+Photo+Video)": what comes with the story


@dataclass(frozen=True)
class FrontMatter:
    length: int = 0  # the paragraphs it takes
    headline: str = ""
    dek: str = ""
    authors: tuple[Author, ...] = ()
    wire: str = ""
    original: str = ""
    published: str = ""
    dateline: str = ""
    copyright: Copyright | None = None


def read_front_matter(paragraphs: list[Paragraph]) -> FrontMatter | None:
    """Headline, dek, bylines and date lines above the story, in whatever order the outlet prints
    them ("Wed Dec 14, 2016 | 5:03pm EST" above the headline, the byline split over two lines).

    The top of the file is read up to its last byline or date line, with at most a headline and a
    dek among them (and, when the file opens with a date, a headline and a dek under it); without
    either it is None, and the plain rules read the top (a headline, then "By …").
    """
    structure, loose = [], []
    authors = []
    wire = original = published = dateline = ""
    notice = None
    opens_with_date = False
    for index, paragraph in enumerate(paragraphs[: min(FRONT_LINES, len(paragraphs) - 1)]):
        text = paragraph.text
        dates = date_line(text)
        lead_authors = read_names(dates.lead)[0] if dates and dates.lead and not is_place(dates.lead) else []
        if dates and (not dates.lead or is_place(dates.lead) or lead_authors):
            opens_with_date = opens_with_date or index == 0
            if dates.published and published and dates.published.startswith(published):
                published = dates.published  # "1 Mar 2011", then "2:00 pm on 1 March 2011": the time too
            published = dates.first or published or dates.published
            authors += lead_authors
        elif is_web_furniture(text):  # left out with the body's furniture; it does not end the top
            continue
        elif NOTE_LINE_RE.match(text):
            pass
        elif index and not authors and (found := agency_and_place(paragraphs, index)):
            authors.append(Author(found["agency"]))
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
        elif index and authors and structure and structure[-1] == index - 1 and (found := OUTLET_LINE_RE.match(text)):
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
        return None
    read = FrontMatter(0, "", "", tuple(authors), wire, original, published, dateline, notice)
    return settle_front_matter(paragraphs, structure[-1] + 1, loose, opens_with_date, read)


def settle_front_matter(
    paragraphs: list[Paragraph], length: int, loose: list[int], opens_with_date: bool, read: FrontMatter
) -> FrontMatter | None:
    """The top of ``length`` lines, with its headline and dek among the ``loose`` lines (when a date
    opens the file, the headline-like lines under the top); None when they are too many, or when
    no story follows."""
    loose = [index for index in loose if index < length]
    if opens_with_date and not loose:  # a date (or a notice) opens the file: the headline is under it
        while (
            len(loose) < MAX_LOOSE_FRONT_LINES
            and length < len(paragraphs) - 1
            and is_headline_text(paragraphs[length].text)
        ):
            loose.append(length)
            length += 1
    texts = [paragraphs[index].text for index in loose]
    if len(texts) > MAX_LOOSE_FRONT_LINES or not any(is_story_text(p.text) for p in paragraphs[length:]):
        return None
    headline = texts.pop(0) if texts and (is_headline_text(texts[0]) or len(texts) == 2) else ""
    dek = texts.pop(0) if texts else ""
    return replace(read, length=length, headline=headline, dek=dek)


def agency_and_place(paragraphs: list[Paragraph], index: int) -> re.Match | None:
    """ "ANI United States" above a date line: the agency, and where it filed from."""
    found = AGENCY_AND_PLACE_RE.match(paragraphs[index].text)
    return found if found and is_date_line_at(paragraphs, index + 1) else None


def is_date_line_at(paragraphs: list[Paragraph], index: int) -> bool:
    return index < len(paragraphs) and date_line(paragraphs[index].text) is not None


def is_place(lead: str) -> bool:
    """Words before a date that name where it was written: "São Paulo, sexta-feira, …" (ending in a
    comma), "JAKARTA Tue Dec 30, 2014" (one word in capitals, no agency's acronym)."""
    return lead.endswith(",") or (
        " " not in lead and lead.isupper() and not ACRONYM_RE.match(lead) and lead.casefold() not in WIRE_AGENCIES
    )


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

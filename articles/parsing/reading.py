"""Reading a whole story file: the parts in order — copyright at the end, what stands above the story,
credit lines, the dateline, signatures — and the warnings an editor should see."""

from dataclasses import dataclass, replace

from newsroom_core.names import mixed_scripts

from .advisories import Advisories, take_advisory_lines
from .bylines import EMPTY_BYLINE_RE, byline_names, read_byline
from .copyright import is_owner_line, parse_copyright
from .credit_lines import CONTACT_LINE_RE, SIGN_OFF_RE, TRAILING_CREDIT_RE, contributor_credits, is_web_furniture
from .credits import REPUBLISHED_NOTE_RE, clean_outlet, find_source_credit
from .datelines import DATE_DATELINE_RE, is_place_line, read_dateline
from .dates import date_line, parse_date
from .front_matter import FrontMatter, is_dek_text, read_front_matter
from .headlines import is_headline_line, propose_headline
from .labels import take_label_line
from .names import WIRE_AGENCIES
from .paragraphs import is_story_text, split_paragraphs
from .signatures import INITIALS_SIGNATURE_RE, merge_authors, parse_signatures, unsigned_bio_author
from .story import (
    ORIGINAL,
    TEXT,
    WIRE,
    Author,
    Contributor,
    Copyright,
    Paragraph,
    Story,
    StoryFormatError,
)


def parse_story(text: str, markup: str = TEXT, encoding: str = "utf-8") -> Story:
    """Split a story file's text into headline, body, byline, bios, source credit and copyright.

    The file is read from both ends in: the copyright lines at the bottom, the advisory lines and
    the label at the top, what stands above the story, then the credit and date lines, the
    dateline, and the sign-off. ``encoding`` is what ``decode_story`` read the file as; anything
    but UTF-8 is worth a warning.
    """
    paragraphs = split_paragraphs(text.removeprefix("\ufeff"), markup)
    if not paragraphs:
        raise StoryFormatError("the file is empty")
    advisories = take_advisory_lines(paragraphs)
    labelling = take_label_line(advisories.paragraphs)
    warnings = [] if encoding == "utf-8" else [f"not UTF-8: read as {encoding}"]
    try:
        story = read_story(labelling.paragraphs, markup, [*warnings, *advisories.warnings])
    except StoryFormatError:
        if advisories.kill is None:
            raise
        return named_in_kill(advisories, markup)
    return replace(
        story,
        embargo=advisories.embargo,
        kill=advisories.kill,
        is_for_publication=advisories.is_for_publication,
        label=labelling.label,
        sponsor=labelling.sponsor,
    )


def read_story(paragraphs: list[Paragraph], markup: str, warnings: list[str]) -> Story:
    """The story in a file's paragraphs, its advisory lines taken out."""
    if not paragraphs:
        raise StoryFormatError("no story text found: the file holds advisory lines only")
    paragraphs, copyrights = take_copyright_lines(paragraphs)
    if len(copyrights) > 1:
        warnings.append(f"{len(copyrights)} copyright lines; the last one is used")
    for empty_byline in [p for p in paragraphs[:3] if EMPTY_BYLINE_RE.match(p.text)]:
        paragraphs.remove(empty_byline)
        warnings.append(f"line {empty_byline.line}: a “By” line without names was left out")

    top = read_front_matter(paragraphs) or read_plain_top(paragraphs)
    credits = take_credit_lines(paragraphs[top.length :])
    opening = read_opening(credits.paragraphs, dated=bool(top.dateline))
    byline_agency = "" if top.wire else agency_in_byline(top.authors)  # "By Jane Doe and Reuters"
    authors = list(top.authors[:-1] if byline_agency else top.authors)
    body, authors = read_sign_off(opening.paragraphs, authors)
    if not authors:  # "(Reporting by Joseph Ax; Editing by …)" under a story with no byline: its writers
        authors = [Author(person.name) for person in credits.contributors if person.role == "reporting"]
    copyright_notice = copyrights[-1] if copyrights else top.copyright
    wire = top.wire or byline_agency or credits.wire or opening.wire
    original = top.original or credits.original
    if wire or original:
        source_name, source_relationship = wire or original, WIRE if wire else ORIGINAL
    else:
        source_name, source_relationship = find_source_credit([p.text for p in body])
    headline = top.headline or propose_headline(body[0].text)
    warnings += story_warnings(headline_is_proposed=not top.headline, authors=authors, notice=copyright_notice)
    return Story(
        headline=headline,
        is_headline_proposed=not top.headline,
        dek=top.dek,
        paragraphs=tuple(p.source for p in body),
        authors=tuple(authors),
        source_name=source_name,
        source_relationship=source_relationship,
        contributors=tuple(
            person
            for person in credits.contributors
            if person.role != "reporting" and person.name not in {author.name for author in authors}
        ),  # writers under "Reporting by" are the byline's
        dateline=top.dateline or opening.dateline,
        published=credits.first or top.published or credits.published or opening.published,
        copyright=copyright_notice,
        markup=markup,
        warnings=tuple(warnings),
    )


def named_in_kill(advisories: Advisories, markup: str) -> Story:
    """A kill advisory with no story under it: the story it names, or the headline on the line after it."""
    rest = advisories.paragraphs
    headline = advisories.kill.named or (rest[0].text if rest else "")
    if not headline:
        raise StoryFormatError("a kill advisory that names no story: put the story's headline on the line under it")
    return Story(headline=headline, is_headline_proposed=False, paragraphs=(), markup=markup, kill=advisories.kill)


def take_copyright_lines(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Copyright]]:
    """The paragraphs above the copyright lines that end the file, and those lines' notices. A
    notice may run over lines: "© 2011-2012 RuralBR.com.br" / "Todos os direitos reservados" / "Grupo RBS"."""
    paragraphs, copyrights = list(paragraphs), []
    owner = ""
    if len(paragraphs) > 2 and is_owner_line(paragraphs[-1].text) and parse_copyright(paragraphs[-2].text):
        owner = paragraphs.pop().text
    while paragraphs and (notice := parse_copyright(paragraphs[-1].text)):
        paragraphs.pop()
        if copyrights and not copyrights[0].holder:  # rights on a line of their own, under the holder's
            notice = Copyright(notice.holder, notice.year, f"{notice.statement} {copyrights.pop(0).statement}".strip())
        copyrights.insert(0, notice)
    if copyrights and owner:
        last = copyrights[-1]
        copyrights[-1] = Copyright(last.holder, last.year, f"{last.statement} {owner}".strip())
    return paragraphs, copyrights


def read_plain_top(paragraphs: list[Paragraph]) -> FrontMatter:
    """The top of a file with no date line and no byline in the front-matter forms: a headline (a
    short first line), a dek under it (when a "By" line follows, or no sentence ends it), then "By …"."""
    headline = dek = ""
    authors, wire, index = (), "", 0
    if paragraphs and (paragraphs[0].is_heading or is_headline_line(paragraphs[0].text, paragraphs[1:])):
        headline, index = paragraphs[0].text, 1
        rest = paragraphs[1:]
        under_headline = len(rest) > 1 and not byline_names(rest[0].text)
        if under_headline and (byline_names(rest[1].text) or is_dek_text(rest[0].text, rest[1:])):
            dek, index = rest[0].text, 2
    if index < len(paragraphs) and (byline := read_byline(paragraphs[index].text)):
        authors, wire, index = byline.authors, byline.wire, index + 1
    return FrontMatter(length=index, headline=headline, dek=dek, authors=authors, wire=wire)


@dataclass(frozen=True)
class CreditLines:
    paragraphs: list[Paragraph]  # the rest: the story and its sign-off
    contributors: tuple[Contributor, ...] = ()
    original: str = ""  # "This story was originally published by ProPublica."
    published: str = ""
    first: str = ""  # a "First published …" line, which wins over every other date
    wire: str = ""  # an agency's name alone as the last line


def take_credit_lines(paragraphs: list[Paragraph]) -> CreditLines:
    """Leave out the lines that are not the story — contributor credits, "originally published"
    notes, date lines, contact lines, web furniture and a wire desk's sign-off — and keep what they say."""
    kept, contributors = [], []
    original = published = first = wire = ""
    for paragraph in paragraphs:
        if (found := TRAILING_CREDIT_RE.match(paragraph.text)) and (credits := contributor_credits(found["credit"])):
            contributors += credits
            paragraph = without_suffix(paragraph, found["text"])
        text = paragraph.text
        if credits := contributor_credits(text):
            contributors += credits
        elif found := REPUBLISHED_NOTE_RE.match(text):
            original = original or clean_outlet(found["name"])
        elif (dates := date_line(text)) and not dates.lead:
            published, first = published or dates.published, first or dates.first
        elif not (CONTACT_LINE_RE.match(text) or is_web_furniture(text)):
            kept.append(paragraph)
    while len(kept) > 1 and SIGN_OFF_RE.match(kept[-1].text):  # "asl/tib/pid/cac", "AFP", "CNNMoney (New York)"
        wire = wire or WIRE_AGENCIES.get(kept[-1].text.casefold(), "")  # "AFP"; not "ENDS"
        kept.pop()
    return CreditLines(kept, tuple(contributors), original, published, first, wire)


@dataclass(frozen=True)
class Opening:
    paragraphs: list[Paragraph]  # the story, its first paragraph without the dateline
    dateline: str = ""
    wire: str = ""
    published: str = ""  # "Feb. 23, 2015 -- …": a date where the dateline's place would stand


def read_opening(paragraphs: list[Paragraph], dated: bool = False) -> Opening:
    """The dateline that opens the story — "WASHINGTON (AP) —", a date, or a place on a line of its
    own — taken out of the first paragraph, where readers would see it twice. ``dated``: the top of
    the file already gave the dateline, so only a date is looked for."""
    paragraphs = list(paragraphs)
    published = ""
    if paragraphs and (found := DATE_DATELINE_RE.match(paragraphs[0].text)) and (when := parse_date(found["date"])):
        published = when
        paragraphs[0] = without_prefix(paragraphs[0], found["rest"])
    if dated:
        return Opening(paragraphs, published=published)
    if len(paragraphs) > 1 and is_place_line(paragraphs[0].text):
        return Opening(paragraphs[1:], dateline=paragraphs[0].text, published=published)
    if paragraphs and (found := read_dateline(paragraphs[0].text)):
        place, agency, rest = found
        paragraphs = [without_prefix(paragraphs[0], rest), *paragraphs[1:]] if rest else paragraphs[1:]
        return Opening(paragraphs, dateline=place, wire=agency, published=published)
    return Opening(paragraphs, published=published)


def without_suffix(paragraph: Paragraph, text: str) -> Paragraph:
    """``paragraph`` reduced to its beginning ``text`` (in its source, Markdown included, too)."""
    suffix = paragraph.text[len(text) :]
    return Paragraph(text, paragraph.line, paragraph.source.removesuffix(suffix))


def without_prefix(paragraph: Paragraph, rest: str) -> Paragraph:
    """``paragraph`` reduced to its ending ``rest`` (in its source, Markdown included, too)."""
    prefix = paragraph.text[: len(paragraph.text) - len(rest)]
    return Paragraph(rest, paragraph.line, paragraph.source.removeprefix(prefix))


def read_sign_off(paragraphs: list[Paragraph], authors: list[Author]) -> tuple[list[Paragraph], list[Author]]:
    """The story's body, and the byline's authors joined by those who sign at the end, with their
    bios: after "Jane Doe ✉", a bare name line, initials ("Β.Σκ."), or no signature at all."""
    paragraphs = list(paragraphs)
    if len(paragraphs) > 1 and INITIALS_SIGNATURE_RE.match(paragraphs[-1].text):
        authors = [*authors, Author(paragraphs.pop().text)]
    start, signed = parse_signatures(paragraphs)
    body, trailer = paragraphs[:start], paragraphs[start:]
    authors = merge_authors(authors, signed)
    if len(body) > 1 and (bio_of := unsigned_bio_author(body[-1].text, authors)):
        bio = body.pop().text
        authors = [Author(author.name, bio, author.role) if author is bio_of else author for author in authors]
    if not any(is_story_text(p.text) for p in body):
        line = trailer[0].line if trailer else None
        raise StoryFormatError("no story text found: the file has no body paragraphs", line=line)
    return body, authors


def agency_in_byline(authors: tuple[Author, ...]) -> str:
    """The wire agency named last in a byline of several ("By Jane Doe and Reuters"), or ""."""
    last = authors[-1].name.casefold() if len(authors) > 1 else ""
    return WIRE_AGENCIES.get(last, "")


def story_warnings(headline_is_proposed: bool, authors: list[Author], notice: Copyright | None) -> list[str]:
    warnings = []
    if headline_is_proposed:
        warnings.append("no headline in the file; one was proposed from the lede for the editor to review")
    if not authors:
        warnings.append("no byline found")
    for author in authors:
        if scripts := mixed_scripts(author.name):
            warnings.append(f"the name “{author.name}” mixes {' and '.join(scripts)} letters: check its spelling")
    if not notice:
        warnings.append("no copyright line; the site's default notice applies")
    elif not notice.holder:
        warnings.append("the copyright line names no holder; the site's default notice applies")
    return warnings

"""NITF 3.x, the wire's older XML story (AP, NTB, dpa and ANP still send it, alone or inside
NewsML-G2): ``head`` with the document's data (identity, dates, keywords, rights), ``body.head`` with
the headline, byline, distributor, dateline and abstract, ``body.content`` the story, ``body.end`` its
tagline (the writer's bio)."""

import re
from dataclasses import dataclass, replace
from xml.etree.ElementTree import Element

from ..decoding import decode_story
from ..headlines import propose_headline
from ..labels import LABEL_WORDS
from ..paragraphs import plain_text
from ..signatures import unsigned_bio_author
from ..story import KILL, ORIGINAL, WIRE, Author, KillAdvisory, Story, StoryFormatError
from .html_paragraphs import HtmlParagraphs
from .wire_copy import body_paragraphs, byline_authors, credited_source, notice_copyright, read_wire_body
from .xml_documents import child, children, parse_xml, text_of

# NITF's ``norm`` dates are ISO 8601, often in the basic form: "20210516T090004", "20260312T101500-0500".
BASIC_DATE_RE = re.compile(
    r"^(?P<date>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):?(?P<minute>\d{2})(?::?(?P<second>\d{2}))?(?:[.,]\d+)?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?$"
)
CONTACT_ONLY_RE = re.compile(r"^(?:\S+@\S+\.\w+[\s/,;]*)+$")


@dataclass(frozen=True)
class NitfBodyHead:
    headline: str = ""
    dek: str = ""
    authors: tuple[Author, ...] = ()
    wire: str = ""  # the byline's agency ("By Kari Nordmann, NTB") or the distributor
    dateline: str = ""


def read_nitf_file(file_name: str, data: bytes) -> tuple[Story, str]:
    root = parse_xml(data)
    if root.tag != "nitf":
        raise StoryFormatError(f"an NITF document's root is <nitf>, not <{root.tag}>")
    return nitf_story(root), decode_story(data)[0]


def nitf_story(nitf: Element) -> Story:
    head, body = child(nitf, "head"), child(nitf, "body")
    docdata = child(head, "docdata")
    top = read_body_head(child(body, "body.head"))
    headline = top.headline or text_of(child(head, "title"))
    kill = nitf_kill(docdata, headline)
    content = child(body, "body.content")
    if kill is not None and (content is None or not text_of(content)):
        if not headline:
            raise StoryFormatError("a canceled NITF document without a headline: nothing names the story to kill")
        return replace(nitf_metadata(nitf, Story(headline, False, ())), kill=kill)
    if content is None:
        raise StoryFormatError("no story text found: the NITF document has no <body.content>")
    story = nitf_body_story(top, body_paragraphs(content), text_of(child(body, "body.end", "tagline")))
    story = replace(story, headline=headline or story.headline, is_headline_proposed=not headline)
    return replace(nitf_metadata(nitf, story), kill=kill)


def nitf_body_story(top: NitfBodyHead, paragraphs: HtmlParagraphs, tagline: str) -> Story:
    """The story of an NITF body: what ``body.head`` says, the body's paragraphs and the tagline's bio."""
    body = read_wire_body(paragraphs, top.dateline)
    authors = list(top.authors)
    if tagline and not CONTACT_ONLY_RE.match(tagline) and authors:
        bio_of = unsigned_bio_author(tagline, authors) or (authors[0] if len(authors) == 1 else None)
        authors = [Author(a.name, tagline, a.role) if a is bio_of else a for a in authors]
    source_name, relationship = credited_source(
        [(top.wire or body.wire, WIRE), (body.original, ORIGINAL)],
        [plain_text(p, body.markup) for p in body.paragraphs],
    )
    return Story(
        headline=propose_headline(plain_text(body.paragraphs[0], body.markup)),
        is_headline_proposed=True,
        paragraphs=body.paragraphs,
        markup=body.markup,
        authors=tuple(authors),
        dek=top.dek,
        dateline=body.dateline,
        source_name=source_name,
        source_relationship=relationship,
        contributors=body.contributors,
        copyright=body.copyright,
    )


def read_body_head(body_head: Element | None) -> NitfBodyHead:
    hedline = child(body_head, "hedline")
    dek = text_of(child(hedline, "hl2")) or text_of(child(body_head, "abstract"))
    authors, wire = [], ""
    for byline in children(body_head, "byline"):
        found, agency = byline_people(byline)
        authors += found
        wire = wire or agency
    distributor = text_of(child(body_head, "distributor"))
    dateline = child(body_head, "dateline")
    place = text_of(child(dateline, "location")) if child(dateline, "location") is not None else text_of(dateline)
    return NitfBodyHead(
        headline=text_of(child(hedline, "hl1")),
        dek=dek,
        authors=tuple(authors),
        wire=wire or distributor,
        dateline=place,
    )


def byline_people(byline: Element) -> tuple[list[Author], str]:
    """The writers of a ``byline``: its ``person`` elements with the ``byttl`` title, or its text read
    as the text format reads a "By" line ("By Kari Nordmann, NTB")."""
    title = text_of(child(byline, "byttl"))
    people = [text_of(person) for person in children(byline, "person") if text_of(person)]
    if people:
        return [Author(name, role=title) for name in people], ""
    words = "".join(byline.text or "") + "".join(
        (text_of(node) if node.tag != "byttl" else "") + (node.tail or "") for node in byline
    )
    authors, wire = byline_authors(" ".join(words.split()).strip(" ,"))
    if title and len(authors) == 1:
        authors = [Author(authors[0].name, role=title)]
    return authors, wire


def nitf_metadata(nitf: Element, story: Story) -> Story:
    """What ``head`` says of the story: its identity, dates, keywords, language and rights. NITF keeps
    no first-creation time: ``date.issue`` (when the document was issued), else the publication date
    in ``pubdata``, is the original publication."""
    head = child(nitf, "head")
    docdata, pubdata = child(head, "docdata"), child(head, "pubdata")
    doc_id = child(docdata, "doc-id")
    version = attribute(child(docdata, "du-key"), "version")
    holder = child(docdata, "doc.copyright")
    rights = child(docdata, "doc.rights")
    published = norm_date(attribute(child(docdata, "date.issue"), "norm")) or norm_date(
        attribute(pubdata, "date.publication")
    )
    notice = story.copyright
    if holder is not None and attribute(holder, "holder"):
        year = attribute(holder, "year")
        notice = notice_copyright(attribute(holder, "holder"), "", int(year) if year.isdigit() else None)
    return replace(
        story,
        guid=attribute(doc_id, "id-string"),
        version=int(version) if version.isdigit() else None,
        published=published,
        embargo=norm_date(attribute(child(docdata, "date.release"), "norm")),
        language=nitf.get("baselang") or nitf.get("lang") or "",
        keywords=tuple(k.get("key") for k in children(child(docdata, "key-list"), "keyword") if k.get("key")),
        usage_terms=attribute(rights, "limitations"),
        label=nitf_label(head) or story.label,
        is_for_publication=attribute(docdata, "management-status").casefold() != "withheld",
        copyright=notice,
    )


def nitf_label(head: Element | None) -> str:
    """The label the document's ``tobject.property`` gives ("Opinion", "Analysis"), if it is one."""
    for prop in children(child(head, "tobject"), "tobject.property"):
        if label := LABEL_WORDS.get(attribute(prop, "tobject.property.type").casefold()):
            return label
    return ""


def nitf_kill(docdata: Element | None, headline: str) -> KillAdvisory | None:
    if attribute(docdata, "management-status").casefold() != "canceled":
        return None
    reason = attribute(child(docdata, "ed-msg"), "info") or "The NITF document is canceled."
    return KillAdvisory(KILL, reason, headline)


def attribute(element: Element | None, name: str) -> str:
    return (element.get(name) or "").strip() if element is not None else ""


def norm_date(value: str) -> str:
    """An NITF ``norm`` date as extended ISO 8601: "20210516T090004" → "2021-05-16T09:00:04"."""
    found = BASIC_DATE_RE.match(value.strip())
    if not found:
        return ""
    date = f"{found['date']}-{found['month']}-{found['day']}"
    if not found["hour"]:
        return date
    zone = found["zone"] or ""
    zone = zone if zone in {"", "Z"} or ":" in zone else f"{zone[:3]}:{zone[3:]}"
    return f"{date}T{found['hour']}:{found['minute']}:{found['second'] or '00'}{'+00:00' if zone == 'Z' else zone}"

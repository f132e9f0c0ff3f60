"""IPTC's ninjs ("News in JSON", 1.x, 2.x and 3.x) read into a ``Story``.

The item's metadata gives what it names outright: the headline, the standfirst (a description that
is not the body's opening cut short), the language, the embargo, the uri and version, the copyright,
the usage terms, the subjects as keywords, the genre as the label, where it was filed. The byline
(``by``) and the body are read by the text format's rules, so a body's dateline with its agency
("GROSSETO, Italy (AP) --"), its credit lines, its signed-off bios and a "By … , dpa" byline read as
they do in a story file. ``pubstatus`` canceled is a kill of the item's uri; withheld is copy not for
publication.
"""

import re
from dataclasses import replace

from bs4 import BeautifulSoup

from ..copyright import parse_copyright
from ..decoding import decode_story
from ..labels import SPONSORED, label_for
from ..reading import parse_story
from ..story import KILL, MARKDOWN, TEXT, VIA, WIRE, Author, Copyright, KillAdvisory, Story, StoryFormatError
from .html_paragraphs import HtmlParagraphs, html_paragraphs
from .ninjs_shapes import INFOSOURCE_ROLES, load_ninjs

TEXT_TYPES = {"text", "composite", "component"}  # a package's text is in its bodies
HTML_TYPES = ("text/html", "application/xhtml+xml", "body_xhtml", "application/nitf+xml")
HTML_ROLES = {"html", "html5", "xhtml", "richtext", "richhtml5", "nitf"}
DEK_ROLES = {"", "summary", "abstract", "text", "lead", "ingress", "main", "standfirst", "teaser"}
BYLINE_START_RE = re.compile(r"^(?:by|von|par|por)\b", re.IGNORECASE)
SPONSOR_RE = re.compile(r"^sponsored\s+by\s+(?P<sponsor>\S.*)$", re.IGNORECASE)
MAX_VERSION = 2**31 - 1
WRITER_ROLES = {"", "writer", "author", "correspondent", "reporter"}
CANCELED_REASON = "pubstatus: canceled"
CANCELED_STATUSES = {"canceled", "cancelled"}
TYPE_NAME_RE = re.compile(r"^[a-z]{1,20}$")  # a ninjs type's name, fit to name in a message
NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"


def read_ninjs_file(file_name: str, data: bytes) -> tuple[Story, str]:
    """A ninjs document's text item as a ``Story``, with the JSON as its text."""
    text, _ = decode_story(data)
    document = load_ninjs(text)
    kind = string(document.get("type")).lower() or "text"
    if kind not in TEXT_TYPES:
        kind = kind if TYPE_NAME_RE.match(kind) else "non-text"
        article = "an" if kind[:1] in "aeiou" else "a"
        raise StoryFormatError(f"{article} {kind} item: only text can be imported")
    headline = headline_of(document)
    if status_of(document) in CANCELED_STATUSES:
        return canceled_story(document, headline), text
    body, words, agency = body_of(document)
    dek = dek_of(document, words)
    if body is None and dek:
        body, dek = HtmlParagraphs((dek,), TEXT), ""  # a brief: its summary is all there is
    if body is None:
        raise StoryFormatError(f"a ninjs {kind} item with no body")
    story = parse_story(story_text(document, headline, body), body.markup)
    if agency and not story.source_name:
        story = replace(story, source_name=agency, source_relationship=WIRE)
    story = with_profiles(with_located(story, document), document)
    return with_metadata(story, document, dek), text


def string(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def listed(document: dict, name: str) -> list:
    found = document.get(name)
    return found if isinstance(found, list) else []


def parts(document: dict, name: str) -> list[dict]:
    """A list of ``{role, contenttype, value}`` parts, each with a string value."""
    return [item for item in listed(document, name) if isinstance(item, dict) and string(item.get("value"))]


def headline_of(document: dict) -> str:
    headlines = parts(document, "headlines")
    main = next((item for item in headlines if string(item.get("role")) in {"main", ""}), None)
    chosen = main or (headlines[0] if headlines else None)
    return " ".join(string(chosen["value"]).split()) if chosen else ""


def body_of(document: dict) -> tuple[HtmlParagraphs | None, str, str]:
    """The body as paragraphs, its words and the agency its dateline block names: the first HTML body (it
    keeps emphasis and links; its figures belong to the pictures it is associated with), else the first
    text body."""
    bodies = parts(document, "bodies")
    markup = [body for body in bodies if is_html(body)]
    if markup:
        html = BeautifulSoup(markup[0]["value"], "html.parser")
        for figure in html.find_all("figure"):
            figure.decompose()
        agency = take_dateline_block(html)
        return html_paragraphs(html), html.get_text(" "), agency
    if bodies:
        lines = [" ".join(line.split()) for line in bodies[0]["value"].splitlines()]
        return HtmlParagraphs(tuple(line for line in lines if line), TEXT), bodies[0]["value"], ""
    return None, "", ""


def take_dateline_block(html: BeautifulSoup) -> str:
    """TT's ``<div class="dat">`` under the headline: a vignette (the desk) and the agency, as
    ``<span class="source">TT</span>``; taken out of the body, its agency kept as the wire."""
    agency = ""
    for block in html.find_all("div", class_="dat"):
        source = block.find("span", class_="source")
        agency = agency or (" ".join(source.get_text().split()) if source else "")
        block.decompose()
    return agency


def is_html(part: dict) -> bool:
    contenttype = string(part.get("contenttype")).lower()
    return contenttype.startswith(HTML_TYPES) or (not contenttype and string(part.get("role")) in HTML_ROLES)


def dek_of(document: dict, words: str) -> str:
    """The standfirst: a description, unless it is the body's opening cut short (a teaser)."""
    descriptions = [item for item in parts(document, "descriptions") if string(item.get("role")) in DEK_ROLES]
    plain = [item for item in descriptions if not is_html(item)]
    if plain:
        dek = " ".join(plain[0]["value"].split())
    else:
        dek = " ".join(html_paragraphs(descriptions[0]["value"]).paragraphs) if descriptions else ""
    return "" if squeezed(dek) and squeezed(dek) in squeezed(words) else dek


def squeezed(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def story_text(document: dict, headline: str, body: HtmlParagraphs) -> str:
    """The item as a story file's text: the headline, the byline, the body (without a first heading that
    only repeats the headline, as TT's bodies open), for the text format's rules to read."""
    paragraphs = list(body.paragraphs)
    if paragraphs and paragraphs[0].startswith("#") and paragraphs[0].lstrip("# ") == headline:
        paragraphs = paragraphs[1:]
    by = " ".join(string(document.get("by")).split())
    lines = [*([] if is_for_publication(document) else [NOT_FOR_PUBLICATION]), headline]
    lines += [by if BYLINE_START_RE.match(by) else f"By {by}"] if by else []
    return ("\n\n" if body.markup == MARKDOWN else "\n").join([*lines, *paragraphs]) + "\n"


def status_of(document: dict) -> str:
    """``pubstatus``, also as a NewsML-G2 QCode ("stat:canceled") or spelt "cancelled"."""
    return string(document.get("pubstatus")).lower().rsplit(":", 1)[-1]


def is_for_publication(document: dict) -> bool:
    return status_of(document) != "withheld"


def with_metadata(story: Story, document: dict, dek: str) -> Story:
    """The story the text rules read, with what the item's metadata says outright."""
    label, sponsor = label_of(document)
    source_name, relationship = story.source_name, story.source_relationship
    if not source_name:
        source_name, relationship = infosource_of(document)
    return replace(
        story,
        headline=headline_of(document) or story.headline,
        is_headline_proposed=not headline_of(document) and story.is_headline_proposed,
        dek=dek or story.dek,
        source_name=source_name,
        source_relationship=relationship,
        copyright=story.copyright or copyright_of(document),
        embargo=string(document.get("embargoed")) or story.embargo,
        label=label or story.label,
        sponsor=sponsor or story.sponsor,
        published=published_of(document, story.published),
        **identity(document),
    )


def with_located(story: Story, document: dict) -> Story:
    """The dateline ``located`` names, and the body's opening without it where it stands there in a form the
    text rules do not take for a dateline ("Bergen — The ferry …")."""
    located = " ".join(string(document.get("located")).split())
    if story.dateline or not located or not story.paragraphs:
        return story
    agency = f" ({story.source_name})" if story.source_relationship == WIRE and story.source_name else ""
    first = story.paragraphs[0].removeprefix(f"{located}{agency} — ")
    return replace(story, dateline=located, paragraphs=(first, *story.paragraphs[1:]))


def with_profiles(story: Story, document: dict) -> Story:
    """Superdesk's ``authors`` (name, ``role`` "writer", ``biography``, ``jobtitle``): the writers' bios and
    job titles, and the writers themselves where the byline names none."""
    profiles = {}
    for person in listed(document, "authors"):
        if isinstance(person, dict) and string(person.get("name")) and string(person.get("role")) in WRITER_ROLES:
            title = person.get("jobtitle")
            role = string(title.get("name")) if isinstance(title, dict) else ""
            profiles[string(person["name"])] = Author(
                string(person["name"]), " ".join(string(person.get("biography")).split()), role
            )
    if not profiles:
        return story
    named = {author.name for author in story.authors}
    authors = [
        replace(author, bio=author.bio or profiles[author.name].bio, role=author.role or profiles[author.name].role)
        if author.name in profiles
        else author
        for author in story.authors
    ]
    authors += [profile for name, profile in profiles.items() if name not in named and not story.authors]
    return replace(story, authors=tuple(authors))


def published_of(document: dict, published: str) -> str:
    """When the content was first published: ``contentcreated``, else what the body says. Not
    ``firstcreated``: that is when the sender first sent the item, which a republisher's item is not."""
    return string(document.get("contentcreated")) or published


def identity(document: dict) -> dict:
    """The item's uri and version, language, keywords and usage terms."""
    return {
        "guid": string(document.get("uri")) or string(document.get("guid")),  # Superdesk's ninjs: guid for uri
        "version": version_of(document),
        "language": string(document.get("language")),
        "keywords": keywords_of(document),
        "usage_terms": usage_terms_of(document),
    }


def version_of(document: dict) -> int | None:
    version = document.get("version")
    text = str(version) if isinstance(version, int) and not isinstance(version, bool) else string(version)
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    return int(text) if int(text) <= MAX_VERSION else None


def usage_terms_of(document: dict) -> str:
    """``usageterms``: a string, or (as AP's Media API sends them) a list of strings."""
    terms = document.get("usageterms")
    return " ".join(
        " ".join(string(term).split()) for term in (terms if isinstance(terms, list) else [terms]) if string(term)
    )


def keywords_of(document: dict) -> tuple[str, ...]:
    """The ``keywords`` a producer adds to ninjs (Superdesk does), else the subjects' names: ninjs itself
    has no keywords."""
    names = [string(word) for word in listed(document, "keywords")]
    if not any(names):
        names = [string(item.get("name")) for item in listed(document, "subjects") if isinstance(item, dict)]
    return tuple(dict.fromkeys(name for name in names if name))


def copyright_of(document: dict) -> Copyright | None:
    holder, notice = string(document.get("copyrightholder")), " ".join(string(document.get("copyrightnotice")).split())
    parsed = parse_copyright(notice) if notice else None
    if parsed and (parsed.holder or not holder):
        return parsed
    if holder or notice:
        return Copyright(holder=holder, statement=parsed.statement if parsed else notice)
    return None


def infosource_of(document: dict) -> tuple[str, str]:
    """The outlet an item credits as its source, and how (``INFOSOURCE_ROLES``; another originating
    role is a wire's), from its ``infosources``; ("", VIA) if none."""
    relationships = {role: relationship for relationship, role in INFOSOURCE_ROLES.items()}
    for item in listed(document, "infosources"):
        role = string(item.get("role")).lower().rsplit("/", 1)[-1] if isinstance(item, dict) else ""
        if string(item.get("name") if isinstance(item, dict) else "") and (role in relationships or "orig" in role):
            return string(item["name"]), relationships.get(role, WIRE)
    return "", VIA


def label_of(document: dict) -> tuple[str, str]:
    for genre in listed(document, "genres"):
        if not isinstance(genre, dict):
            continue
        for name in (string(genre.get("name")), string(genre.get("literal"))):
            if sponsored := SPONSOR_RE.match(name):
                return SPONSORED, sponsored["sponsor"]
            if name and (label := label_for(name.rsplit(":", 1)[-1])):
                return label, ""
    return "", ""


def canceled_story(document: dict, headline: str) -> Story:
    """A canceled item: a kill of the story its uri names; it carries no content."""
    reason = " ".join(string(document.get("ednote")).split()) or CANCELED_REASON
    return Story(
        headline=headline or string(document.get("uri")),
        is_headline_proposed=False,
        paragraphs=(),
        kill=KillAdvisory(KILL, reason, named=headline),
        **identity(document),
    )

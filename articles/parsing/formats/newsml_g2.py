"""NewsML-G2, IPTC's wire format (AFP, Reuters, dpa, ANSA, NTB, Kyodo): a text ``newsItem``, alone or
in a ``newsMessage``, read into a ``Story``. ``itemMeta`` says who sent it, when and in what state
(usable, or canceled: a kill); ``contentMeta`` says who wrote it, where, in what language, about what,
and under which headline; ``rightsInfo`` says whose it is; ``contentSet`` holds the story as XHTML or
NITF (``inlineXML``) or plain text (``inlineData``).

The story's ``published`` is ``firstCreated`` — "the date and time on which the first version of the
item was created", the moment it first went out on the wire, the same in every later version — and
failing it ``contentCreated``, when the story itself was written. ``versionCreated`` is when this
version was made: a correction moves it, so it never stands for the original publication.
"""

from dataclasses import replace
from xml.etree.ElementTree import Element

from ..decoding import decode_story
from ..headlines import propose_headline
from ..labels import LABEL_WORDS, SPONSORED
from ..paragraphs import plain_text
from ..story import KILL, ORIGINAL, VIA, WIRE, Author, Contributor, KillAdvisory, Story, StoryFormatError
from .g2_codes import BYLINE_ROLE_NOTE, contributor_role, qcode_value, source_relationship
from .nitf import nitf_body_story, read_body_head
from .wire_copy import (
    agency_name,
    body_paragraphs,
    byline_authors,
    credited_source,
    notice_copyright,
    read_wire_body,
    relationship_of,
    text_paragraphs,
)
from .xml_documents import child, children, parse_xml, text_of

G2_ROOTS = {"newsItem", "packageItem", "newsMessage", "contentSet"}  # a contentSet alone: a fragment of an item


def read_newsml_g2_file(file_name: str, data: bytes) -> tuple[Story, str]:
    root = parse_xml(data)
    return g2_story(text_item(root)), decode_story(data)[0]


def text_item(root: Element) -> Element:
    """The text ``newsItem`` of a document: the root itself, or the one a ``newsMessage`` carries."""
    if root.tag not in G2_ROOTS:
        raise StoryFormatError(f"a NewsML-G2 document's root is <newsItem> or <newsMessage>, not <{root.tag}>")
    if root.tag == "contentSet":
        item = Element("newsItem")
        item.append(root)
        return item
    items = [root] if root.tag != "newsMessage" else children(child(root, "itemSet"), "*")
    news_items = [item for item in items if item.tag == "newsItem"]
    texts = [item for item in news_items if item_class(item) in {"", "text"}]
    if texts:
        return texts[0]
    if news_items:
        raise StoryFormatError(f"the news item is a {item_class(news_items[0])}, not text: only text items import")
    if any(item.tag == "packageItem" for item in items):
        raise StoryFormatError(
            "a NewsML-G2 package without its text: it only refers to its items; import the text newsItem it names"
        )
    raise StoryFormatError("the NewsML-G2 message carries no news item")


def item_class(item: Element) -> str:
    return qcode_value(child(item, "itemMeta", "itemClass")).removeprefix("ninat:").split(":")[-1].casefold()


def g2_story(item: Element) -> Story:
    meta, content = child(item, "itemMeta"), child(item, "contentMeta")
    headline = headline_text(content)
    if qcode_value(child(meta, "pubStatus")).casefold().endswith("canceled"):
        if not headline:
            raise StoryFormatError("a canceled news item without a headline: nothing names the story to kill")
        reason = text_of(child(meta, "edNote")) or "The news item was canceled (pubStatus stat:canceled)."
        story = Story(headline, False, (), kill=KillAdvisory(KILL, reason, headline))
    else:
        story = content_story(item, content)
        if headline:
            story = replace(story, headline=headline, is_headline_proposed=False)
    return item_metadata(item, story)


def content_story(item: Element, content: Element | None) -> Story:
    """The story in the item's content, with what ``contentMeta`` says of its people and its credit."""
    dateline = text_of(child(content, "dateline")) or text_of(child(content, "located", "name"))
    inline_xml = child(item, "contentSet", "inlineXML")
    nitf = child(inline_xml, "nitf")
    if nitf is not None:
        body = child(nitf, "body")
        top = read_body_head(child(body, "body.head"))
        top = replace(top, dateline=dateline or top.dateline)
        content_element = child(body, "body.content")
        if content_element is None:
            raise StoryFormatError("no story text found: the item's NITF has no <body.content>")
        story = nitf_body_story(top, body_paragraphs(content_element), text_of(child(body, "body.end", "tagline")))
        if top.headline:
            story = replace(story, headline=top.headline, is_headline_proposed=False)
    else:
        story = plain_body_story(item, inline_xml, dateline)
    authors = creator_authors(content) or list(story.authors)
    source_name, relationship = credited_source(
        [
            *info_sources(content),
            (text_of(child(content, "creditline")), relationship_of(text_of(child(content, "creditline")))),
            (story.source_name if story.source_relationship != VIA else "", story.source_relationship),
            (agency_name(qcode_value(child(item, "itemMeta", "provider")).split(":")[-1]), WIRE),
            (agency_name(text_of(child(item, "itemMeta", "provider", "name"))), WIRE),
            (story.source_name, story.source_relationship),
        ],
        [],
    )
    contributors = [*party_contributors(content), *story.contributors]
    return replace(
        story,
        authors=tuple(authors),
        contributors=tuple(dict.fromkeys(c for c in contributors if c.name not in {a.name for a in authors})),
        dek=text_of(description(content)) or story.dek,
        source_name=source_name,
        source_relationship=relationship if source_name else VIA,
    )


def plain_body_story(item: Element, inline_xml: Element | None, dateline: str) -> Story:
    """The story of an XHTML ``inlineXML`` or a plain-text ``inlineData``."""
    if inline_xml is not None:
        xhtml_body = next(
            (e for e in (child(inline_xml, "html", "body"), child(inline_xml, "html")) if e is not None), None
        )
        paragraphs = body_paragraphs(inline_xml if xhtml_body is None else xhtml_body)
    elif (inline_data := child(item, "contentSet", "inlineData")) is not None:
        paragraphs = text_paragraphs("".join(inline_data.itertext()))
    else:
        raise StoryFormatError("no story text found: the news item has no inlineXML or inlineData content")
    body = read_wire_body(paragraphs, dateline)
    source_name, relationship = credited_source(
        [(body.wire, WIRE), (body.original, ORIGINAL)], [plain_text(p, body.markup) for p in body.paragraphs]
    )
    return Story(
        headline=propose_headline(plain_text(body.paragraphs[0], body.markup)),
        is_headline_proposed=True,
        paragraphs=body.paragraphs,
        markup=body.markup,
        dateline=body.dateline,
        contributors=body.contributors,
        copyright=body.copyright,
        source_name=source_name,
        source_relationship=relationship,
    )


def headline_text(content: Element | None) -> str:
    """The main headline: one with no role or the role "main" (another role is a sub- or short headline)."""
    for headline in children(content, "headline"):
        if qcode_value(headline, "role").split(":")[-1].casefold() in {"", "main"}:
            return text_of(headline)
    return ""


def description(content: Element | None) -> Element | None:
    """The summary: a ``description`` with the role ``drol:summary`` (or none)."""
    for found in children(content, "description"):
        if qcode_value(found, "role").split(":")[-1].casefold() in {"", "summary", "abstract"}:
            return found
    return None


def creator_authors(content: Element | None) -> list[Author]:
    """The writers among the ``creator`` parties, each with the bio its definition or note gives and the
    role the item's ``by`` line gives them ("By Jane Doe (Senior Correspondent)")."""
    people, agencies = [], []
    for creator in children(content, "creator"):
        notes = {qcode_value(note, "role") == BYLINE_ROLE_NOTE: text_of(note) for note in children(creator, "note")}
        bio = text_of(child(creator, "definition")) or notes.get(False, "")
        if name := text_of(child(creator, "name")):
            (agencies if agency_name(name) else people).append(Author(name, bio, notes.get(True, "")))
    bylined, _ = byline_authors(text_of(child(content, "by"))) if child(content, "by") is not None else ([], "")
    if not people:  # the wire's own name as the creator: the writers are those the by line names, if any
        people = agencies if not bylined or names_of(bylined) == names_of(agencies) else []
        return people or bylined
    roles = {author.name.casefold(): author.role for author in bylined}
    return [Author(p.name, p.bio, p.role or roles.get(p.name.casefold(), "")) for p in people]


def names_of(authors: list[Author]) -> list[str]:
    return [author.name.casefold() for author in authors]


def party_contributors(content: Element | None) -> list[Contributor]:
    return [
        Contributor(text_of(child(party, "name")), contributor_role(qcode_value(party, "role")))
        for party in children(content, "contributor")
        if text_of(child(party, "name"))
    ]


def info_sources(content: Element | None) -> list[tuple[str, str]]:
    """The named ``infoSource`` parties, each as (name, how the story stands to it)."""
    sources = []
    for source in children(content, "infoSource"):
        name = text_of(child(source, "name"))
        sources.append((agency_name(name) or name, source_relationship(qcode_value(source, "role"), name)))
    return sources


def item_metadata(item: Element, story: Story) -> Story:
    """What the item says beside its content: identity, dates, language, subjects, label and rights."""
    meta, content = child(item, "itemMeta"), child(item, "contentMeta")
    rights = child(item, "rightsInfo")
    version = (item.get("version") or "").strip()
    label, sponsor = genre_label(content)
    keywords = [text_of(k) for k in children(content, "keyword")]
    keywords += [text_of(child(subject, "name")) for subject in children(content, "subject")]
    notice = notice_copyright(
        text_of(child(rights, "copyrightHolder", "name")), text_of(child(rights, "copyrightNotice"))
    )
    language = (child(content, "language").get("tag") or "") if child(content, "language") is not None else ""
    signals = {qcode_value(signal).split(":")[-1].casefold() for signal in children(meta, "signal")}
    is_withheld = qcode_value(child(meta, "pubStatus")).casefold().endswith("withheld")
    return replace(
        story,
        guid=(item.get("guid") or "").strip(),
        version=int(version) if version.isdigit() else None,
        language=language or item.get("lang") or "",
        published=text_of(child(meta, "firstCreated")) or text_of(child(content, "contentCreated")),
        embargo=text_of(child(meta, "embargoed")),
        keywords=tuple(dict.fromkeys(k for k in keywords if k)),
        usage_terms=text_of(child(rights, "usageTerms")),
        copyright=notice or story.copyright,
        label=label or story.label,
        is_for_publication=story.is_for_publication and not is_withheld,
        sponsor=sponsor or story.sponsor,
        warnings=(
            *story.warnings,
            *(["the sender marks this version a correction"] if "correction" in signals else []),
        ),
    )


def genre_label(content: Element | None) -> tuple[str, str]:
    """The label a ``genre`` gives ("genre:Opinion" → "opinion"), and a sponsored story's sponsor."""
    for genre in children(content, "genre"):
        name = text_of(child(genre, "name"))
        code = qcode_value(genre).split(":")[-1].casefold()
        label = LABEL_WORDS.get(code) or LABEL_WORDS.get(name.casefold())
        if label == SPONSORED and name.casefold().startswith("sponsored by "):
            return label, name[len("sponsored by ") :].strip()
        if label:
            return label, ""
    return "", ""

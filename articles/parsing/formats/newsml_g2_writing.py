"""A ``Story`` sent out as a NewsML-G2 2.35 text ``newsItem``, and a partner feed of them as a
``newsMessage``: what ``read_newsml_g2_file`` reads back as the same story.

The byline goes out twice, as G2 does it: each writer a ``creator`` (the bio as the party's
``definition``), the whole ``by`` line with each writer's role; other credits are ``contributor``
parties with a role code. The credited outlet is the ``infoSource`` (its role says wire, via or
original) and, for wire copy, the ``creditline``. Corrections are editor's notes with the
``sig:correction`` (or ``sig:update``) signal; a canceled item (``stat:canceled``) carries no content.
The story's original publication time is ``firstCreated`` (``contentCreated`` for a date alone);
without one, ``firstCreated`` is when the item was first published here.
"""

import re
import xml.etree.ElementTree as ElementTree

from bs4 import BeautifulSoup

from newsroom_core.names import join_names
from newsroom_core.rich_text_conversion import markdown_to_html

from ..story import MARKDOWN, WIRE, Story
from ..writing import byline_name
from .g2_codes import BYLINE_ROLE_NOTE, IPTC_CATALOG, RELATIONSHIP_CODES, SCHEME_URIS, role_qcode
from .outgoing import CANCELED, USABLE, WITHHELD, OutgoingItem

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEADING_RE = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*)$")
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
LABEL_NAMES = {
    "opinion": "Opinion", "analysis": "Analysis", "review": "Review", "explainer": "Explainer",
    "satire": "Satire", "sponsored": "Sponsored",
}  # fmt: skip

ElementTree.register_namespace("", NAR)
ElementTree.register_namespace("xhtml", XHTML)


def newsml_g2_item(story: Story, item: OutgoingItem) -> bytes:
    """The story as a NewsML-G2 ``newsItem`` document."""
    return DECLARATION + ElementTree.tostring(news_item(story, item), encoding="utf-8", xml_declaration=False)


def newsml_g2_message(entries: list[tuple[Story, OutgoingItem]], sent_at: str, sender: str) -> bytes:
    """A partner feed: a ``newsMessage`` with one ``newsItem`` for each (story, item)."""
    message = ElementTree.Element(nar("newsMessage"))
    header = sub(message, "header")
    sub(header, "sent", text=sent_at)
    if sender:
        sub(header, "sender", text=sender)
    items = sub(message, "itemSet")
    for story, item in entries:
        items.append(news_item(story, item))
    return DECLARATION + ElementTree.tostring(message, encoding="utf-8", xml_declaration=False)


def nar(name: str) -> str:
    return f"{{{NAR}}}{name}"


def sub(parent: ElementTree.Element, name: str, text: str = "", **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, nar(name), {k: v for k, v in attributes.items() if v})
    element.text = text or None
    return element


def news_item(story: Story, item: OutgoingItem) -> ElementTree.Element:
    if not story.guid:
        raise ValueError("a story goes out as a news item under its guid: the story has none")
    version_created = item.version_created_at or item.first_created_at
    if not version_created:
        raise ValueError("a news item says when its version was created: the outgoing item has no time")
    root = ElementTree.Element(nar("newsItem"), guid=story.guid, standard="NewsML-G2", standardversion="2.35")
    root.set("conformance", "power")
    if story.version is not None:
        root.set("version", str(story.version))
    if story.language:
        root.set(XML_LANG, story.language)
    sub(root, "catalogRef", href=IPTC_CATALOG)
    catalog = sub(root, "catalog")
    for alias, uri in SCHEME_URIS.items():
        sub(catalog, "scheme", alias=alias, uri=uri)
    add_rights(root, story, item)
    add_item_meta(root, story, item, version_created)
    add_content_meta(root, story, is_canceled=item.status == CANCELED)
    if item.status != CANCELED:
        content_set = sub(root, "contentSet")
        inline = sub(content_set, "inlineXML", contenttype="application/xhtml+xml")
        inline.append(xhtml_document(story))
    return root


def add_rights(root: ElementTree.Element, story: Story, item: OutgoingItem):
    notice = story.copyright
    if not (notice or story.usage_terms or item.licence_url):
        return
    rights = sub(root, "rightsInfo")
    if notice and notice.holder:
        sub(sub(rights, "copyrightHolder"), "name", text=notice.holder)
    if notice and notice.notice:
        sub(rights, "copyrightNotice", text=notice.notice)
    if story.usage_terms:
        sub(rights, "usageTerms", text=story.usage_terms)
    if item.licence_url:
        sub(rights, "link", rel="irel:license", href=item.licence_url)


def add_item_meta(root: ElementTree.Element, story: Story, item: OutgoingItem, version_created: str):
    meta = sub(root, "itemMeta")
    sub(meta, "itemClass", qcode="ninat:text")
    provider = sub(meta, "provider", literal=item.publisher or "newsroom")
    if item.publisher:
        sub(provider, "name", text=item.publisher)
    sub(meta, "versionCreated", text=version_created)
    first_created = story.published if DATE_TIME_RE.match(story.published) else ""
    if first_created or (not story.published and item.first_created_at):
        sub(meta, "firstCreated", text=first_created or item.first_created_at)
    if story.embargo:
        sub(meta, "embargoed", text=f"{story.embargo}T00:00:00" if DATE_RE.match(story.embargo) else story.embargo)
    status = WITHHELD if item.status == USABLE and not story.is_for_publication else item.status
    sub(meta, "pubStatus", qcode=f"stat:{status}")  # withheld: "not to be published until further notice"
    if item.status == CANCELED and story.kill:
        sub(meta, "edNote", text=story.kill.reason)
    for correction in item.corrections:
        sub(meta, "edNote", text=f"{correction.kind.capitalize()} ({correction.published_at}): {correction.text}")
    for kind in dict.fromkeys(correction.kind for correction in item.corrections):
        sub(meta, "signal", qcode="sig:correction" if kind == "correction" else "sig:update")
    if item.url:
        sub(meta, "link", rel="irel:canonical", href=item.url)


def add_content_meta(root: ElementTree.Element, story: Story, is_canceled: bool):
    content = sub(root, "contentMeta")
    if story.published and not DATE_TIME_RE.match(story.published):
        sub(content, "contentCreated", text=story.published)
    if story.source_name:
        source = sub(content, "infoSource", role=f"nrsrc:{RELATIONSHIP_CODES[story.source_relationship]}")
        sub(source, "name", text=story.source_name)
    for author in story.authors:
        creator = sub(content, "creator")
        sub(creator, "name", text=author.name)
        if author.bio:
            sub(creator, "definition", text=author.bio)
        if author.role:
            sub(creator, "note", text=author.role, role=BYLINE_ROLE_NOTE)
    for person in story.contributors:
        sub(sub(content, "contributor", role=role_qcode(person.role)), "name", text=person.name)
    if story.language:
        sub(content, "language", tag=story.language)
    if story.label:
        name = f"Sponsored by {story.sponsor}" if story.sponsor else LABEL_NAMES.get(story.label, story.label)
        sub(sub(content, "genre", qcode=f"nrlabel:{story.label}"), "name", text=name)
    for keyword in story.keywords:
        sub(content, "keyword", text=keyword)
    if not story.is_headline_proposed or is_canceled:  # a proposed headline is proposed again by the reader
        sub(content, "headline", text=story.headline)
    if story.dateline:
        sub(content, "dateline", text=story.dateline)
    if story.authors:
        sub(content, "by", text="By " + join_names([byline_name(author) for author in story.authors]))
    if story.source_name and story.source_relationship == WIRE:
        sub(content, "creditline", text=story.source_name)
    if story.dek:
        sub(content, "description", text=story.dek, role="drol:summary")


def xhtml_document(story: Story) -> ElementTree.Element:
    """The story's paragraphs as an XHTML document: Markdown as rich text, a "## …" paragraph a heading."""
    html = "".join(paragraph_html(paragraph, story.markup) for paragraph in story.paragraphs)
    markup = str(BeautifulSoup(html, "html.parser"))  # well-formed: every tag closed, only XML's entities
    document = ElementTree.fromstring(
        f'<html xmlns="{XHTML}"><head><title>{escape(story.headline)}</title></head><body>{markup}</body></html>'
    )
    return document


def paragraph_html(paragraph: str, markup: str) -> str:
    if markup != MARKDOWN:
        return f"<p>{escape(paragraph)}</p>"
    if heading := HEADING_RE.match(paragraph):
        level = len(heading["marks"])
        inner = markdown_to_html(heading["text"]).removeprefix("<p>").removesuffix("</p>")
        return f"<h{level}>{inner}</h{level}>"
    return markdown_to_html(paragraph)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

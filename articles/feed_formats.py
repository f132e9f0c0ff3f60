"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 writers that carry every byline, the credit and the rights.

They extend Django's feed generators. Each item is added with these extra keys (see
``ArticlesFeed.item_extra_kwargs``): ``content_html``, ``authors`` (``FeedAuthor`` list),
``byline`` (the names as a reader shows them), ``source_name``, ``source_url``, ``rights``,
``image`` (a ``FeedImage`` or None), ``licence`` (a ``FeedLicence`` or None), ``corrections``
(``FeedCorrection`` list), ``language`` (the story's, a BCP 47 tag; "" for a withdrawal's notice),
``label`` (a ``FeedLabel``; None for News), ``item_key`` (the key its ``FeedItem`` is kept under,
``articles.feed_items``) and, for a story withdrawn, ``withdrawn`` (its kind, notice and time).
The feed itself may carry ``logo_url`` and ``hubs`` (the WebSub hubs it names, ``articles.websub``).
"""

import io
import json
from dataclasses import dataclass

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.xmlutils import SimplerXMLGenerator

from .content_language import is_same_language
from .credits import CreditRole

DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
MEDIA = "http://search.yahoo.com/mrss/"
CREATIVE_COMMONS_RSS = "http://backend.userland.com/creativeCommonsRssModule"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedAuthor:
    """A person an item credits: a writer of the byline, or someone in another ``role`` (``CreditRole``)."""

    name: str
    url: str = ""
    role: str = CreditRole.WRITER

    @property
    def is_writer(self):
        return self.role == CreditRole.WRITER


@dataclass(frozen=True)
class FeedImage:
    url: str
    mime_type: str
    length: int
    width: int
    height: int
    description: str = ""  # the caption
    credit: str = ""
    copyright: str = ""
    licence_url: str = ""

    @property
    def rights(self) -> dict:
        """For JSON Feed's ``_newsroom``: what Media RSS's credit, copyright and description say."""
        return {"description": self.description, "credit": self.credit, "copyright": self.copyright,
                "licence_url": self.licence_url}  # fmt: skip


def add_media_content(handler, image: FeedImage):
    """Media RSS's ``media:content`` (RSS and Atom alike): the lead image, its caption, credit and copyright."""
    attributes = {"url": image.url, "medium": "image", "type": image.mime_type, "width": str(image.width),
                  "height": str(image.height)}  # fmt: skip
    handler.startElement("media:content", attributes)
    if image.description:
        handler.addQuickElement("media:description", image.description, {"type": "plain"})
    if image.credit:
        handler.addQuickElement("media:credit", image.credit)
    if image.copyright or image.licence_url:
        licence = {"url": image.licence_url} if image.licence_url else {}
        handler.addQuickElement("media:copyright", image.copyright, licence)
    handler.endElement("media:content")


@dataclass(frozen=True)
class FeedLicence:
    name: str
    url: str  # a Creative Commons licence's deed; "" for the others, which the rights line states
    allows_republication: bool
    usage_terms: str
    licence_page: str


@dataclass(frozen=True)
class FeedLabel:
    """What kind of story an item is, as a category beside its section and tags: never News."""

    key: str  # "opinion": Atom's term
    text: str  # "Opinion": what readers see, RSS's category and a JSON Feed tag


@dataclass(frozen=True)
class FeedCorrection:
    kind: str
    text: str
    date: str  # ISO 8601


class ItemMarkupFeed:
    """An XML feed that writes each item from its markup, made by ``item_markup`` once and kept by
    ``articles.feed_items.add_item_markup`` under the item's revision: writing the elements of 50
    items was half the cost of a feed. An item without ``markup`` is written from its elements."""

    item_element = "item"

    def item_markup(self, item) -> str:
        """The item as this feed writes it, ``<item>`` … ``</item>``: the same in every feed of the format."""
        out = io.StringIO()
        handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)  # as the feed's own writer
        handler.startElement(self.item_element, self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement(self.item_element)
        return out.getvalue()

    def write_items(self, handler):
        for item in self.items:
            # XMLGenerator writes ignorable whitespace as it is, unescaped: its public way to pass
            # text through, here markup that an XMLGenerator of the same kind wrote and escaped.
            handler.ignorableWhitespace(item.get("markup") or self.item_markup(item))


class NewsroomRssFeed(ItemMarkupFeed, Rss201rev2Feed):
    label, media_type = "RSS", "application/rss+xml"

    def rss_attributes(self):
        return super().rss_attributes() | {
            "xmlns:dc": DC,
            "xmlns:dcterms": DCTERMS,
            "xmlns:content": CONTENT,
            "xmlns:media": MEDIA,
            "xmlns:creativeCommons": CREATIVE_COMMONS_RSS,
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # its atom:link rel="self" included
        for hub in self.feed.get("hubs", ()):
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": hub})
        if logo_url := self.feed.get("logo_url"):
            handler.startElement("image", {})
            handler.addQuickElement("url", logo_url)
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.endElement("image")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if label := item["label"]:
            handler.addQuickElement("category", label.text)
        if item["byline"]:
            # One dc:creator naming everyone: most readers show only the first of several.
            handler.addQuickElement("dc:creator", item["byline"])
        for person in item["authors"]:
            if not person.is_writer:
                handler.addQuickElement("dc:contributor", person.name)
        if item["updateddate"]:
            handler.addQuickElement("dcterms:modified", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content_html"])
        if item["source_name"]:
            # Not RSS's <source url>: that names the outlet's own feed, which an outlet record does not hold.
            handler.addQuickElement("dc:source", item["source_name"])
        if item["rights"]:
            handler.addQuickElement("dc:rights", item["rights"])
        if (licence := item["licence"]) and licence.url:
            handler.addQuickElement("creativeCommons:license", licence.url)
        if image := item["image"]:
            add_media_content(handler, image)


class NewsroomAtomFeed(ItemMarkupFeed, Atom1Feed):
    label, media_type = "Atom", "application/atom+xml"
    item_element = "entry"

    def root_attributes(self):
        return super().root_attributes() | {"xmlns:dc": DC, "xmlns:media": MEDIA}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # its link rel="self" included
        for hub in self.feed.get("hubs", ()):
            handler.addQuickElement("link", "", {"rel": "hub", "href": hub})
        if logo_url := self.feed.get("logo_url"):
            handler.addQuickElement("logo", logo_url)

    def item_attributes(self, item):
        """A story in another language than the feed's says so (RSS has no such attribute for an item)."""
        language = item["language"]
        if language and not is_same_language(language, self.feed["language"] or ""):
            return {"xml:lang": language}
        return {}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if label := item["label"]:
            handler.addQuickElement("category", "", {"term": label.key, "label": label.text})
        for person in item["authors"]:  # the writers as Atom's authors, the others its contributors
            element = "author" if person.is_writer else "contributor"
            handler.startElement(element, {})
            handler.addQuickElement("name", person.name)
            if person.url:
                handler.addQuickElement("uri", person.url)
            handler.endElement(element)
        handler.addQuickElement("content", item["content_html"], {"type": "html"})
        if (licence := item["licence"]) and licence.url:
            handler.addQuickElement("link", "", {"rel": "license", "href": licence.url})  # RFC 4946
        if item["source_name"]:
            handler.addQuickElement("dc:source", item["source_name"])
            if item["source_url"]:
                handler.addQuickElement("link", "", {"rel": "via", "href": item["source_url"]})
        if image := item["image"]:
            add_media_content(handler, image)


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), with rights and credit in ``_newsroom``."""

    label, media_type = "JSON Feed", "application/feed+json"
    content_type = f"{media_type}; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=1).encode(encoding))

    def as_dict(self):
        feed = {
            "version": JSON_FEED_VERSION,
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self.item_dict(item) for item in self.items],
            "_newsroom": {
                "about": "https://jsonfeed.org/version/1.1#extensions",
                "rights": self.feed["feed_copyright"],
            },
        }
        if logo_url := self.feed.get("logo_url"):
            feed["icon"] = logo_url
        if hubs := self.feed.get("hubs"):
            feed["hubs"] = [{"type": "WebSub", "url": hub} for hub in hubs]
        return feed

    def item_dict(self, item):
        entry = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item["content_html"],
            "date_published": rfc3339_date(item["pubdate"]),
            "date_modified": rfc3339_date(item["updateddate"] or item["pubdate"]),
            "authors": [{"name": a.name, **({"url": a.url} if a.url else {})} for a in item["authors"] if a.is_writer],
            "tags": [*([label.text] if (label := item["label"]) else []), *item["categories"]],
            **({"language": item["language"]} if item["language"] else {}),
            "_newsroom": {
                "byline": item["byline"],
                "credits": [
                    {"name": a.name, "role": a.role, "url": a.url or None} for a in item["authors"] if not a.is_writer
                ],
                "rights": item["rights"],
                "source": {"name": item["source_name"], "url": item["source_url"] or None}
                if item["source_name"]
                else None,
                "corrections": [vars(correction) for correction in item["corrections"]],
                "licence": licence_dict(item["licence"]) if item["licence"] else None,
                "image": item["image"].rights if item["image"] else None,
                **({"withdrawn": item["withdrawn"]} if item.get("withdrawn") else {}),
            },
        }
        if item["description"]:
            entry["summary"] = item["summary_text"]
        if image := item["image"]:
            entry["image"] = image.url
            entry["attachments"] = [{"url": image.url, "mime_type": image.mime_type, "size_in_bytes": image.length}]
        return entry


def licence_dict(licence: FeedLicence) -> dict:
    return {
        "name": licence.name,
        "url": licence.url or None,
        "allows_republication": licence.allows_republication,
        "usage_terms": licence.usage_terms or None,
        "licence_page": licence.licence_page or None,
    }


FEED_FORMATS = {"rss": NewsroomRssFeed, "atom": NewsroomAtomFeed, "json": JsonFeed}

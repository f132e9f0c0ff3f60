"""Feed items, each built once per article revision and kept in the cache.

Building an item is most of a feed's cost: the article with its byline, tags and corrections, its
attribution (``ArticlePage.get_metadata``), and its HTML (body, corrections, credit, bios,
copyright). An item depends on the article's live revision and address, on the site, and on
what every article shows beside its own revision — author pages, sections, outlets, copyright
notices, settings, corrections, images — whose changes give the content version a new
``shared_token``. So an item is kept under those, and a feed asks the database only for which
articles it lists and at which revision: after a new story, a 50-item feed builds one item, not 50,
and every feed the story is in (latest, its authors', section's and tags', each format) shares it.
"""

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from html import escape

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .feed_formats import FeedAuthor, FeedCorrection, FeedImage, FeedLabel, FeedLicence
from .metadata import absolute
from .models import ArticlePage
from .rich_text import reader_html
from .xml_text import make_urls_absolute, xml_text

ITEM_SECONDS = 24 * 60 * 60  # keys change with every revision; this only bounds a template change
KEY_FIELDS = ("live_revision_id", "last_published_at", "url_path")  # with the pk: what an item is built from
LAYOUT = 5  # raise when what an item holds changes, so no server reads items of the old layout


@dataclass(frozen=True)
class FeedItem:
    """What a feed shows of one article, in every format (see ``articles.feed_formats``)."""

    title: str
    link: str
    description: str
    guid: str
    pubdate: datetime
    updateddate: datetime
    categories: list[str]
    rights: str | None
    image: FeedImage | None
    extra: dict  # the extra keys of ``SyndicationFeed.add_item`` the Newsroom formats write
    key: str  # the cache key it is kept under, which its markup's keys start from


def feed_items(listed, request, site, shared_token) -> list[FeedItem]:
    """The items of the articles ``listed`` (a sliced queryset of what the feed lists, in order):
    from the cache where built before, else built from the articles fetched with what they show."""
    keys = {row[0]: item_key(row, site, shared_token) for row in listed.values_list("pk", *KEY_FIELDS)}
    found = cache.get_many(list(keys.values()))
    missing = [pk for pk, key in keys.items() if key not in found]
    if missing:
        fresh = ArticlePage.objects.filter(pk__in=missing).for_reading()
        built = {keys[article.pk]: build_item(article, request, site, keys[article.pk]) for article in fresh}
        cache.set_many(built, ITEM_SECONDS)
        found |= built
    return [found[key] for key in keys.values() if key in found]


def item_key(row, site, shared_token) -> str:
    """``row``: the article's pk and its ``KEY_FIELDS``."""
    identity = (LAYOUT, site.pk, site.root_url, *row, shared_token)
    return "newsroom:feed-item:" + hashlib.sha256(repr(identity).encode()).hexdigest()


def add_item_markup(feed):
    """Give each item of ``feed`` (an ``ItemMarkupFeed`` with its items added, each with its
    ``item_key``) its markup in the feed's format: from the cache where made before, else made now
    and kept. An item's markup is the same in every feed of a format and language that lists it."""
    keys = {f"{item['item_key']}:{feed.label}:{feed.feed['language']}": item for item in feed.items}
    found = cache.get_many(list(keys))
    made = {key: feed.item_markup(item) for key, item in keys.items() if key not in found}
    cache.set_many(made, ITEM_SECONDS)
    for key, item in keys.items():
        item["markup"] = found.get(key) or made[key]


def build_item(article, request, site, key) -> FeedItem:
    meta = article.get_metadata(request)
    section = [article.section.name] if article.section else []
    image = image_for_feed(article.lead_image, site, meta.lead_image) if article.lead_image else None
    rights = xml_text(meta.rights_text) or None
    context = {"page": article, "meta": meta, "body_html": body_html(article)}
    # No request: the item's HTML needs no context processors, and running them 50 times is slow.
    content = render_to_string("newsroom_articles/feeds/item_content.html", context)
    return FeedItem(
        title=xml_text(article.title),
        link=article.get_full_url(request),
        # Always there, and before the full content: strict validators and many readers expect both.
        description=xml_text(escape(meta.description or article.title)),
        # The page's translation key: a UUID that survives edits, moves and renames.
        guid=f"urn:uuid:{article.translation_key}",
        pubdate=article.first_published_at,
        updateddate=meta.modified_at or article.first_published_at,
        categories=[xml_text(name) for name in section + [tagged.tag.name for tagged in article.tagged_items.all()]],
        rights=rights,
        image=image,
        key=key,
        extra={
            "content_html": xml_text(make_urls_absolute(content, site)),
            "authors": [
                FeedAuthor(xml_text(person.name), person.full_url, person.role)
                for person in (*meta.authors, *meta.credits)
            ],
            "byline": xml_text(meta.byline),
            "language": meta.language,
            "summary_text": xml_text(meta.description),
            "source_name": xml_text(meta.source.name) if meta.source else "",
            "source_url": meta.source.url if meta.source else "",
            "rights": rights,
            "image": image,
            "licence": feed_licence(meta.rights),
            "label": FeedLabel(meta.label.key, xml_text(meta.label.text)) if meta.label.is_shown else None,
            "corrections": [
                FeedCorrection(c.kind, xml_text(c.text), c.published_at.isoformat()) for c in meta.corrections
            ],
        },
    )


def withdrawn_items(articles, request, site) -> list[FeedItem]:
    """The items of stories withdrawn (``ArticlePage.objects.withdrawn_lately()``): the same item
    (its id and link) updated at its withdrawal, holding the public notice instead of the story. A
    killed or taken-down story's headline and byline are not repeated."""
    items = []
    for article in articles:
        withdrawal = article.withdrawal
        stamp = withdrawal.withdrawn_at.timestamp()
        items.append(
            FeedItem(
                title=xml_text(withdrawal.public_title),
                link=article.get_full_url(request),
                description=xml_text(escape(withdrawal.notice)),
                guid=f"urn:uuid:{article.translation_key}",
                pubdate=article.first_published_at,
                updateddate=withdrawal.withdrawn_at,
                categories=[],
                rights=None,
                image=None,
                key=f"newsroom:feed-withdrawn:{LAYOUT}:{site.pk}:{site.root_url}:{withdrawal.pk}:{stamp}",
                extra={
                    "content_html": xml_text(withdrawal.notice_html),
                    "authors": [],
                    "byline": "",
                    "language": "",  # the notice is in the site's words, not the story's
                    "summary_text": xml_text(withdrawal.notice),
                    "source_name": "",
                    "source_url": "",
                    "rights": None,
                    "image": None,
                    "corrections": [],
                    "licence": None,
                    "label": None,
                    "withdrawn": {
                        "kind": withdrawal.kind,
                        "notice": withdrawal.notice,
                        "withdrawn_at": withdrawal.withdrawn_at.isoformat(),
                    },
                },
            )
        )
    return items


def feed_licence(rights) -> FeedLicence:
    licence = rights.licence
    return FeedLicence(
        xml_text(licence.short_name),
        licence.url,
        rights.allows_republication,
        xml_text(rights.usage_terms),
        rights.licence_page,
    )


def body_html(article, block_types=None):
    """The body as HTML, for a page elsewhere (a feed reader, a republisher's site): its blocks of
    ``block_types`` if given, else all. Paragraphs, most of every story, are expanded straight from
    their rich text (what Wagtail's rich text template prints) rather than through two template
    renders each: a feed has hundreds of them."""
    return mark_safe(
        "\n".join(
            reader_html(block.value)
            if block.block_type == "paragraph"
            else block.render(context={"page": article, "for_feed": True})
            for block in article.body
            if block_types is None or block.block_type in block_types
        )
    )


def image_for_feed(image, site, credited):
    """The original image file (its size is stored, so no storage call is needed per item), with
    the caption, credit and rights of ``credited``, the image as the article shows it."""
    if not image.file_size:
        return None
    mime_type = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
    return FeedImage(
        absolute(image.file.url, site.root_url),
        mime_type,
        image.file_size,
        image.width,
        image.height,
        description=xml_text(credited.caption),
        credit=xml_text(credited.credit),
        copyright=xml_text(credited.copyright_notice),
        licence_url=credited.licence_url,
    )

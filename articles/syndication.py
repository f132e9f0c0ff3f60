"""Live articles as partners take them: each as a ninjs document (``syndication/<id>.ninjs.json``) or a
NewsML-G2 news item (``syndication/<id>.xml``), and the newest as a partner feed in either
(``syndication/ninjs.json``, a NewsML-G2 news message at ``syndication/newsml-g2.xml``). A format is one
entry of ``SYNDICATION_FORMATS``.

An item is built from the article's ``ArticleMetadata`` (``ArticlePage.get_metadata``), the same
byline, credits, source credit, rights, label and corrections the page, the feeds and the API show.
Only what a reader may see goes out (``ArticlePage.objects.visible_to_readers()``): a draft, an
embargoed, private or expired story is not there. A story withdrawn from readers lately goes out as a
canceled item carrying only its identity, so that a partner who took it learns to take it down.

An item's ``guid`` is the Atom entry's id (``urn:uuid:`` and the page's translation key, which
survives edits, moves and renames); its ``version`` is how many times the article was published
(Wagtail's publish log), one more for the withdrawal.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.utils import timezone
from wagtail.models import PageLogEntry, Site

from newsroom_core.app_settings import newsroom_setting
from newsroom_core.rich_text_conversion import html_to_text

from .caching import add_validators, content_version
from .credits import PARSED_ROLES
from .feed_items import body_html
from .metadata import ArticleMetadata, build_publisher
from .models import ArticlePage, NewsroomSettings
from .parsing import Author, Contributor, Copyright, Story
from .parsing.formats.html_paragraphs import html_paragraphs
from .parsing.formats.newsml_g2_writing import newsml_g2_item, newsml_g2_message
from .parsing.formats.ninjs_writing import ninjs_item, ninjs_message
from .parsing.formats.outgoing import CANCELED, OutgoingCorrection, OutgoingItem
from .parsing.labels import LABEL_LINES
from .parsing.story import ORIGINAL, VIA, WIRE
from .xml_text import make_urls_absolute

BODY_BLOCKS = ("paragraph", "heading", "quote")  # the story's words; images and embeds are not text
CREDITED_ROLES = {credit_role: role for role, credit_role in PARSED_ROLES.items() if role != "reporting"}
STORY_RELATIONSHIPS = {VIA: VIA, WIRE: WIRE, ORIGINAL: ORIGINAL}  # "additional reporting by" an outlet: VIA


Entry = tuple[Story, OutgoingItem]


@dataclass(frozen=True)
class SyndicationFormat:
    """A format partners take: its pure writers, of one item and of a feed (the entries newest first,
    when it was sent as an ISO 8601 time, and the sender's name), and the responses' content type."""

    write_item: Callable[[Story, OutgoingItem], str | bytes]
    write_feed: Callable[[list[Entry], str, str], str | bytes]
    content_type: str
    feed_name: str  # the partner feed's file name under ``syndication/``


SYNDICATION_FORMATS = {
    "ninjs.json": SyndicationFormat(ninjs_item, ninjs_message, "application/json; charset=utf-8", "ninjs.json"),
    "xml": SyndicationFormat(newsml_g2_item, newsml_g2_message, "application/xml; charset=utf-8", "newsml-g2.xml"),
}


def guid_of(article) -> str:
    return f"urn:uuid:{article.translation_key}"  # as the Atom feed's entry id


def iso(moment: datetime | None) -> str:
    return moment.replace(microsecond=0).isoformat() if moment else ""


def with_versions(articles):
    """``articles`` annotated with ``published_versions``: how many times each was published."""
    publishes = (
        PageLogEntry.objects.filter(page=OuterRef("pk"), action="wagtail.publish")
        .order_by()
        .values("page")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return articles.annotate(published_versions=Coalesce(Subquery(publishes), Value(1), output_field=IntegerField()))


def syndicated(article, meta: ArticleMetadata, site: Site) -> Entry:
    """A live article as the ``Story`` and ``OutgoingItem`` the writers take, from its metadata (the
    article fetched ``for_reading`` and ``with_versions``)."""
    body = html_paragraphs(make_urls_absolute(body_html(article, BODY_BLOCKS), site))
    label = meta.label.key if meta.label.key in LABEL_LINES else ""
    notice = meta.copyright
    story = Story(
        headline=meta.headline,
        is_headline_proposed=False,
        paragraphs=body.paragraphs,
        markup=body.markup,
        authors=tuple(Author(a.name, html_to_text(a.page.bio), a.page.role) for a in meta.authors),
        contributors=tuple(
            Contributor(c.name, CREDITED_ROLES[c.role]) for c in meta.credits if c.role in CREDITED_ROLES
        ),
        source_name=meta.source.name if meta.source else "",
        source_relationship=STORY_RELATIONSHIPS.get(meta.source.relationship, VIA) if meta.source else VIA,
        copyright=Copyright(notice.holder, notice.display_year, notice.statement) if notice else None,
        dek=article.dek,
        dateline=article.dateline,
        published=iso(article.originally_published_at),
        embargo=iso(article.embargo_until),
        label=label,
        sponsor=meta.label.sponsor_name if label else "",
        language=meta.language,
        keywords=meta.keywords,
        usage_terms=meta.rights.usage_terms,
        guid=guid_of(article),
        version=article.published_versions,
    )
    item = OutgoingItem(
        url=meta.url,
        first_created_at=iso(meta.published_at),
        version_created_at=iso(meta.modified_at or meta.published_at),
        corrections=tuple(OutgoingCorrection(c.text, iso(c.published_at), c.kind) for c in meta.corrections),
        licence_url=meta.rights.licence.url if meta.rights.licence.is_creative_commons else "",
        section=meta.section,
        publisher=meta.publisher.name,
    )
    return story, item


def canceled(article) -> Entry:
    """A withdrawn story as a canceled item: its identity, a version more, and when; nothing of its content."""
    story = Story(
        headline="",
        is_headline_proposed=False,
        paragraphs=(),
        guid=guid_of(article),
        version=article.published_versions + 1,
    )
    withdrawn_at = iso(article.withdrawal.withdrawn_at)
    return story, OutgoingItem(
        first_created_at=iso(article.first_published_at), version_created_at=withdrawn_at, status=CANCELED
    )


def respond(request, text: str | bytes, syndication_format: SyndicationFormat, tag: str, status: int = 200):
    response = HttpResponse(text, content_type=syndication_format.content_type, status=status)
    response.reader_cache_tag = tag
    return add_validators(request, response, content_version(request), tag)


def item_view(request, article_id: int, format_name: str):
    """One article; 410 Gone with its canceled item when it was withdrawn from readers; else 404."""
    syndication_format = SYNDICATION_FORMATS[format_name]
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site.")
    visible = with_versions(ArticlePage.objects.visible_to_readers().in_any_language_of(site).for_reading())
    article = visible.filter(pk=article_id).first()
    if article is not None:
        text = syndication_format.write_item(*syndicated(article, article.get_metadata(request), site))
        return respond(request, text, syndication_format, f"syndication-{format_name}")
    withdrawn = ArticlePage.objects.withdrawn_from_readers().in_any_language_of(site)
    withdrawn = with_versions(withdrawn).filter(pk=article_id).first()
    if withdrawn is None:
        raise Http404("No such article.")
    return respond(
        request,
        syndication_format.write_item(*canceled(withdrawn)),
        syndication_format,
        f"syndication-{format_name}",
        status=410,
    )


def feed_view(request, format_name: str):
    """The newest articles (``NEWSROOM["FEED_ITEMS"]`` of them) and the stories lately withdrawn, the
    latest change first."""
    syndication_format = SYNDICATION_FORMATS[format_name]
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site.")
    limit = newsroom_setting("FEED_ITEMS")
    articles = with_versions(ArticlePage.objects.visible_to_readers().in_any_language_of(site).for_reading())[:limit]
    entries = [syndicated(article, article.get_metadata(request), site) for article in articles]
    withdrawn = with_versions(ArticlePage.objects.withdrawn_lately().in_any_language_of(site))[:limit]
    entries += [canceled(article) for article in withdrawn]
    entries.sort(key=lambda entry: entry[1].version_created_at, reverse=True)
    sender = build_publisher(site, NewsroomSettings.for_request(request)).name
    text = syndication_format.write_feed(entries, iso(timezone.now()), sender)
    return respond(request, text, syndication_format, f"syndication-feed-{format_name}")

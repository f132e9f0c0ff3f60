"""The attribution of an article — byline, dates, credit, rights, publisher — computed once.

The article page, its JSON-LD and Open Graph tags, the feeds and the API all read this one
object, so they can never disagree about who wrote a story or who holds its rights.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from newsroom_core.app_settings import newsroom_setting
from newsroom_core.reader_formats import join_reader_names, join_reader_names_html
from newsroom_core.rich_text_conversion import html_to_text

from .credits import CreditRole, byline_credits, credits_html, credits_text, other_credits
from .labels import Label, label_of
from .licences import LICENSED_UNDER, Licence, credited_licence, is_licensed_by_outlet
from .source_credit import SourceRelationship, credit_text

if TYPE_CHECKING:
    from wagtail.models import Site

    from authors.models import AuthorPage

    from .models import ArticlePage, CopyrightNotice, NewsroomSettings, Policy

DESCRIPTION_LENGTH = 160
SHARING_IMAGE_SPEC = "width-1200"
# The lead image in JSON-LD: 16x9, 4x3 and 1x1, the aspect ratios Google asks an article's image in.
STRUCTURED_DATA_IMAGE_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")


@dataclass(frozen=True)
class BylineAuthor:
    """A person credited on the story: a writer of the byline, or someone in another ``role``."""

    name: str
    url: str  # "" while the author's page is not live
    full_url: str  # the same, absolute
    page: AuthorPage
    role: str = CreditRole.WRITER


@dataclass(frozen=True)
class SourceCredit:
    name: str
    url: str
    relationship: str  # a SourceRelationship value

    @property
    def lead(self):
        """What goes before the outlet's name: "Source:", "Originally published by"."""
        return SourceRelationship(self.relationship).lead

    @property
    def text(self):
        """As readers see it: "Source: Fox News", "Originally published by Fox News"."""
        return credit_text(self.relationship, self.name)


@dataclass(frozen=True)
class CorrectionNote:
    kind: str  # a CorrectionKind value
    label: str  # "Correction", "Clarification", "Update"
    text: str
    published_at: datetime


@dataclass(frozen=True)
class Rights:
    """What others may do with the story (``articles.licences``)."""

    licence: Licence
    usage_terms: str
    licence_page: str  # where to ask for a licence: the credited outlet's page or the site's; "" if neither

    @property
    def allows_republication(self) -> bool:
        return self.licence.allows_republication

    @property
    def statement_html(self) -> SafeString:
        """``licence.statement`` as HTML, a Creative Commons licence linked to its deed."""
        if not self.licence.is_creative_commons:
            return conditional_escape(self.licence.statement)
        link = format_html('<a href="{}" rel="license">{}</a>', self.licence.url, self.licence.short_name)
        return mark_safe(LICENSED_UNDER % {"licence": link})  # our own sentence around an escaped link


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str
    logo_url: str
    policies: tuple[Policy, ...] = ()  # the live, public policy pages the site settings name

    @property
    def corrections_policy(self) -> Policy | None:
        return next((policy for policy in self.policies if policy.kind == "corrections_policy"), None)


@dataclass(frozen=True)
class SharingImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class ImageRendition:
    url: str  # absolute
    width: int
    height: int


@dataclass(frozen=True)
class CreditedImage:
    """An image as a story shows it: its caption and credit there, and the rights its record holds."""

    title: str
    caption: str
    credit: str  # the article's or block's credit, else the image's own credit line
    creator: str
    copyright_notice: str
    source: str
    licence_url: str
    acquire_licence_url: str
    # For JSON-LD and the API: the lead image's STRUCTURED_DATA_IMAGE_SPECS, a body image's original
    renditions: tuple[ImageRendition, ...]


@dataclass(frozen=True)
class ArticleMetadata:
    headline: str
    label: Label  # what kind of story it is: News, Opinion, … Sponsored (and by whom)
    title: str  # for <title> and social cards: the SEO title, or the headline
    url: str
    canonical_url: str
    authors: tuple[BylineAuthor, ...]  # the byline's writers
    credits: tuple[BylineAuthor, ...]  # everyone else credited, each in their role
    published_at: datetime | None
    modified_at: datetime | None
    section: str
    keywords: tuple[str, ...]
    source: SourceCredit | None
    corrections: tuple[CorrectionNote, ...]
    copyright: CopyrightNotice | None
    rights: Rights
    image: SharingImage | None
    lead_image: CreditedImage | None
    body_images: tuple[CreditedImage, ...]
    publisher: Publisher
    language: str  # the story's, a BCP 47 tag (``ArticlePage.content_language``)
    article: ArticlePage = field(repr=False, compare=False)

    @cached_property
    def description(self):
        """Worked out when first read, as not every reader of the metadata shows it."""
        return describe(self.article)

    @property
    def byline(self):
        """The writers' names joined in the active language: "A, B and C", "A, B et C"."""
        return join_reader_names([author.name for author in self.authors])

    @property
    def credits_text(self):
        """The credits line: "Additional reporting by Ana Pérez. Photos by Kenji Sato."; "" if none."""
        return credits_text(self.credits)

    @property
    def is_updated(self):
        """Changed since it was published, to the minute a reader sees: the page says "Updated"."""
        if not (self.published_at and self.modified_at):
            return False
        return self.modified_at.replace(second=0, microsecond=0) != self.published_at.replace(second=0, microsecond=0)

    @property
    def rights_text(self) -> str:
        """The copyright notice and what the licence adds to it: "© 2026 Newsmax. Licensed under CC BY 4.0."."""
        notice = self.copyright.text if self.copyright else ""
        return " ".join(part for part in (notice, self.rights.licence.statement) if part)

    @property
    def og_locale(self):
        """Open Graph's language_TERRITORY ("pt_BR"): the language alone where the tag names no region."""
        language, *subtags = self.language.split("-")
        region = next((subtag for subtag in subtags if len(subtag) == 2 and subtag.isalpha()), "")
        return f"{language}_{region.upper()}" if region else language


def build_article_metadata(
    article: ArticlePage, site: Site, site_settings: NewsroomSettings, request=None
) -> ArticleMetadata:
    """``article``'s attribution on ``site``, whose Newsroom settings are ``site_settings``; its byline,
    tags and corrections (``correction_list``) loaded, as ``ArticlePage.objects.for_reading()`` does."""
    _, root_url, path = article.get_url_parts(request) or (None, site.root_url, "")
    url = root_url + path
    corrections = tuple(
        CorrectionNote(c.kind, c.get_kind_display(), c.text, c.published_at) for c in article.correction_list
    )
    # A correction is a change to the article, so it moves the modified time.
    change_times = [t for t in (article.last_published_at, *(c.published_at for c in corrections)) if t]
    return ArticleMetadata(
        headline=article.title,
        label=label_of(article, url),
        title=article.seo_title or article.title,
        url=url,
        canonical_url=article.canonical_url or url,
        authors=tuple(byline_author(credit.author, request) for credit in byline_credits(article)),
        credits=tuple(byline_author(credit.author, request, credit.role) for credit in other_credits(article)),
        published_at=article.first_published_at,
        modified_at=max(change_times, default=None),
        section=article.section.name if article.section_id else "",
        keywords=tuple(tagged.tag.name for tagged in article.tagged_items.all()),
        source=SourceCredit(article.source.name, article.source.url, article.source_relationship)
        if article.source_id
        else None,
        corrections=corrections,
        copyright=copyright_notice_for(article, site_settings),
        rights=rights_for(article, site_settings),
        image=sharing_image(article, root_url),
        lead_image=lead_image(article, root_url),
        body_images=body_images(article, root_url),
        publisher=build_publisher(site, site_settings),
        language=article.content_language,
        article=article,
    )


def describe(article: ArticlePage) -> str:
    """The meta description: the editor's, else the standfirst, else the opening paragraph."""
    if article.search_description or article.dek:
        return article.search_description or article.dek
    for block in article.body:
        if block.block_type == "paragraph":
            return Truncator(html_to_text(block.value.source)).chars(DESCRIPTION_LENGTH)
    return ""


def byline_author(author: AuthorPage, request, role: str = CreditRole.WRITER) -> BylineAuthor:
    url_parts = author.get_url_parts(request) if author.live else None
    if url_parts is None:
        return BylineAuthor(name=author.title, url="", full_url="", page=author, role=role)
    _, root_url, path = url_parts
    return BylineAuthor(name=author.title, url=path, full_url=root_url + path, page=author, role=role)


def byline_html(authors) -> SafeString:
    """The byline's names as HTML, joined in the active language (``join_reader_names_html``): each
    name escaped, and linked to the author's page where it has one."""
    return join_reader_names_html([author_name_html(author.name, author.url, rel="author") for author in authors])


def credits_line_html(credits) -> SafeString:
    """The credits line as HTML: each name escaped, and linked to the person's page where it has one."""
    return credits_html(credits, lambda person: author_name_html(person.name, person.url))


def author_name_html(name: str, url: str, rel: str = "") -> SafeString:
    """An author's name as HTML, escaped, and linked to ``url`` (the author's page) if there is one."""
    if not url:
        return conditional_escape(name)
    if rel:
        return format_html('<a href="{}" rel="{}">{}</a>', url, rel, name)
    return format_html('<a href="{}">{}</a>', url, name)


def sharing_image(article: ArticlePage, root_url: str) -> SharingImage | None:
    if not article.lead_image_id:
        return None
    try:
        rendition = article.lead_image.get_rendition(SHARING_IMAGE_SPEC)
    except OSError:  # Wagtail's SourceImageIOError: the file is gone from storage, nothing to share
        return None
    alt = article.lead_image_caption or article.lead_image.title
    return SharingImage(absolute(rendition.url, root_url), rendition.width, rendition.height, alt)


def credit_line(image, override: str = "") -> str:
    """The credit printed under an image: the article's (or the body block's) own, else the image's."""
    return (override or image.credit).strip()


def image_caption(image, caption: str = "") -> str:
    """The caption printed under an image: the article's (or the body block's) own, else the image's description."""
    return caption or image.description


def lead_image(article: ArticlePage, root_url: str) -> CreditedImage | None:
    image = article.lead_image
    if image is None:
        return None
    try:
        renditions = tuple(image.get_renditions(*STRUCTURED_DATA_IMAGE_SPECS).values())
    except OSError:  # the file is gone from storage (Wagtail's SourceImageIOError): its rights stand alone
        renditions = ()
    sizes = tuple(ImageRendition(absolute(r.url, root_url), r.width, r.height) for r in renditions)
    return credited_image(image, article.lead_image_caption, article.lead_image_credit, root_url, sizes)


def body_images(article: ArticlePage, root_url: str) -> tuple[CreditedImage, ...]:
    return tuple(
        credited_image(block.value["image"], block.value["caption"], block.value["credit"], root_url)
        for block in article.body
        if block.block_type == "image" and block.value["image"]
    )


def credited_image(image, caption: str, credit: str, root_url: str, renditions=None) -> CreditedImage:
    if renditions is None:
        renditions = (ImageRendition(absolute(image.file.url, root_url), image.width, image.height),)
    return CreditedImage(
        title=image.title,
        caption=image_caption(image, caption),
        credit=credit_line(image, credit),
        creator=image.creator,
        copyright_notice=image.copyright_notice,
        source=image.source,
        licence_url=image.licence_url,
        acquire_licence_url=image.acquire_licence_url,
        renditions=renditions,
    )


def copyright_notice_for(article: ArticlePage, site_settings: NewsroomSettings) -> CopyrightNotice | None:
    """The article's own notice, else the site's default."""
    return article.copyright_notice or site_settings.copyright_notice


def rights_for(article: ArticlePage, site_settings: NewsroomSettings) -> Rights:
    """The article's own licence and terms, else its credited outlet's, else the site's default."""
    by_outlet = is_licensed_by_outlet(article)
    return Rights(
        licence=credited_licence(article) or Licence(site_settings.licence),
        usage_terms=article.usage_terms or (article.source.usage_terms if by_outlet else ""),
        licence_page=article.source.licence_page if by_outlet else site_settings.licence_page,
    )


def site_title(site: Site | None) -> str:
    """What a site calls itself: its name among Wagtail's sites, else ``WAGTAIL_SITE_NAME``."""
    return (site and site.site_name) or getattr(settings, "WAGTAIL_SITE_NAME", "") or gettext("News")


def tag_title(tag_name: str) -> str:
    """What a tag's listing and feeds are called: 'Tagged “space”'."""
    return gettext("Tagged “%(tag)s”") % {"tag": tag_name}


def listing_description(index_title: str, editors: str = "", section=None, tag_name: str = "") -> str:
    """A listing's meta description: the section's own, else the editor's for the news index, else
    what the listing is, in a sentence."""
    if section is not None:
        message = gettext("The latest %(section)s stories from %(index)s.")
        return section.description or message % {"section": section.name, "index": index_title}
    if tag_name:
        return gettext("Stories about “%(tag)s” from %(index)s, newest first.") % {
            "tag": tag_name,
            "index": index_title,
        }
    return editors or gettext("The latest stories from %(index)s, newest first.") % {"index": index_title}


def build_publisher(site: Site, site_settings: NewsroomSettings) -> Publisher:
    """Who publishes the site: from its Newsroom settings, else ``NEWSROOM_PUBLISHER_NAME`` and
    ``NEWSROOM_PUBLISHER_LOGO_URL``, else the site's name (and no logo); and its policies."""
    logo = site_settings.logo
    logo_url = logo.file.url if logo else newsroom_setting("PUBLISHER_LOGO_URL")
    return Publisher(
        name=site_settings.publisher_name or newsroom_setting("PUBLISHER_NAME") or site_title(site),
        url=f"{site.root_url}/",
        logo_url=absolute(logo_url, site.root_url) if logo_url else "",
        policies=site_settings.published_policies(),
    )


def absolute(url: str, root_url: str) -> str:
    return url if url.startswith(("http://", "https://")) else root_url + url

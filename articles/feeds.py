"""The newsroom's feeds: latest articles, and per author, section and tag, in RSS, Atom and JSON Feed.

Built on Django's syndication framework. Every item's byline, credit and rights come from
``ArticlePage.get_metadata``, the same builder the article page uses. Absolute URLs come from the
Wagtail site's configured root URL, never from the request's Host header.
"""

import functools
import mimetypes
import re
from html import escape

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.feedgenerator import Enclosure
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from taggit.models import Tag
from wagtail.models import Site

from authors.models import AuthorPage
from newsroom_core.app_settings import newsroom_setting

from .caching import add_validators, content_version
from .feed_formats import FEED_FORMATS, FeedAuthor, FeedCorrection, FeedImage
from .metadata import absolute, build_publisher, site_title, tag_title
from .models import ArticlePage, NewsIndexPage, NewsroomSettings, Section
from .rich_text import reader_html

# Characters XML 1.0 cannot carry: a feed drops them rather than failing.
XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
RELATIVE_URL_RE = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*)"')


def xml_text(value):
    return XML_INVALID_RE.sub("", value) if value else value


class ArticlesFeed(Feed):
    """The latest live articles of the request's site; subclasses narrow them down."""

    def __init__(self, feed_type):
        self.feed_type = feed_type

    # --- what the feed is about

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request)
        self.site_settings = NewsroomSettings.for_request(request)
        return self.get_subject(*args, **kwargs)

    def get_subject(self):
        return None

    @cached_property
    def news_index(self):
        return NewsIndexPage.for_site(self.site)

    def listing_url(self, route=None, *args):
        """The absolute URL of the news index, or of one of its section and tag listings."""
        url = self.news_index.get_full_url(self.request)
        return url + self.news_index.reverse_subpage(route, args=args) if route else url

    def articles(self, subject):
        return ArticlePage.objects.visible_to_readers().in_site(self.site)

    def items(self, subject):
        return list(self.articles(subject).for_reading()[: newsroom_setting("FEED_ITEMS")])

    def title(self, subject):
        return xml_text(site_title(self.site))

    def link(self, subject):
        return self.listing_url()

    def description(self, subject):
        return f"The latest articles from {self.title(subject)}."

    def feed_url(self, subject):
        return self.site.root_url + self.request.path

    def feed_copyright(self, subject):
        notice = self.site_settings.copyright_notice
        return xml_text(notice.text) if notice else None

    def author_name(self, subject):
        return self.title(subject)

    def feed_extra_kwargs(self, subject):
        return {"logo_url": build_publisher(self.site, self.site_settings).logo_url}

    # --- each article

    def item_title(self, article):
        return xml_text(article.title)

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_description(self, article):
        # Always there, and before the full content: strict validators and many readers expect both.
        return xml_text(escape(self.metadata(article).description or article.title))

    def item_guid(self, article):
        # The page's translation key: a UUID that survives edits, moves and renames.
        return f"urn:uuid:{article.translation_key}"

    def item_guid_is_permalink(self, article):
        return False

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return self.metadata(article).modified_at or article.first_published_at

    def item_categories(self, article):
        section = [article.section.name] if article.section else []
        return [xml_text(name) for name in section + [tagged.tag.name for tagged in article.tagged_items.all()]]

    def item_copyright(self, article):
        return self.item_rights(article)

    def item_rights(self, article):
        meta = self.metadata(article)
        return xml_text(meta.copyright.text) if meta.copyright else None

    def item_enclosures(self, article):
        image = self.item_image(article)
        return [Enclosure(image.url, str(image.length), image.mime_type)] if image else []

    def item_image(self, article):
        return image_for_feed(article.lead_image, self.site) if article.lead_image else None

    def item_extra_kwargs(self, article):
        meta = self.metadata(article)
        context = {"page": article, "meta": meta, "body_html": body_html(article)}
        # No request: the item's HTML needs no context processors, and running them 50 times is slow.
        content = render_to_string("newsroom_articles/feeds/item_content.html", context)
        return {
            "content_html": xml_text(make_urls_absolute(content, self.site)),
            "authors": [FeedAuthor(xml_text(author.name), author.full_url) for author in meta.authors],
            "byline": xml_text(meta.byline),
            "summary_text": xml_text(meta.description),
            "source_name": xml_text(meta.source.name) if meta.source else "",
            "source_url": meta.source.url if meta.source else "",
            "rights": self.item_rights(article),
            "image": self.item_image(article),
            "corrections": [
                FeedCorrection(c.kind, xml_text(c.text), c.published_at.isoformat()) for c in meta.corrections
            ],
        }

    def metadata(self, article):
        return article.get_metadata(self.request)


class LatestArticlesFeed(ArticlesFeed):
    pass


class AuthorArticlesFeed(ArticlesFeed):
    def get_subject(self, slug):
        return get_object_or_404(AuthorPage.objects.live().public().in_site(self.site), slug=slug)

    def articles(self, author):
        return super().articles(author).by_author(author)

    def title(self, author):
        return xml_text(f"{author.title} · {super().title(author)}")

    def link(self, author):
        return author.get_full_url(self.request)

    def description(self, author):
        return xml_text(f"The latest articles by {author.title}.")


class SectionArticlesFeed(ArticlesFeed):
    def get_subject(self, slug):
        return get_object_or_404(Section, slug=slug)

    def articles(self, section):
        return super().articles(section).filter(section=section)

    def title(self, section):
        return xml_text(f"{section.name} · {super().title(section)}")

    def link(self, section):
        return self.listing_url("section", section.slug)

    def description(self, section):
        return xml_text(f"The latest {section.name} articles.")


class TagArticlesFeed(ArticlesFeed):
    def get_subject(self, slug):
        tag = get_object_or_404(Tag, slug=slug)
        if not self.articles(tag).exists():  # a tag only drafts carry is not public, as /tag/…/ says
            raise Http404("No articles with this tag.")
        return tag

    def articles(self, tag):
        return super().articles(tag).filter(tags=tag)

    def title(self, tag):
        return xml_text(f"{tag_title(tag.name)} · {super().title(tag)}")

    def link(self, tag):
        return self.listing_url("tag", tag.slug)

    def description(self, tag):
        return xml_text(f"The latest articles tagged {tag.name}.")


def body_html(article):
    """The body as HTML. Paragraphs, most of every story, are expanded straight from their rich
    text (what Wagtail's rich text template prints) rather than through two template renders
    each: a feed has hundreds of them."""
    return mark_safe(
        "\n".join(
            reader_html(block.value) if block.block_type == "paragraph" else block.render(context={"page": article})
            for block in article.body
        )
    )


def image_for_feed(image, site):
    """The original image file: its size is stored, so no storage call is needed per item."""
    if not image.file_size:
        return None
    mime_type = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
    return FeedImage(absolute(image.file.url, site.root_url), mime_type, image.file_size, image.width, image.height)


def make_urls_absolute(html, site):
    return RELATIVE_URL_RE.sub(lambda m: f'{m[1]}{site.root_url}{m[2]}"', html)


def feed_view(feed_class, format_name):
    """A feed view answering conditional requests from the content version.

    An unchanged feed answers 304 after reading the version (from the cache, or one query).
    The reader cache keeps each rendered feed until the content version moves.
    """
    feed_type = FEED_FORMATS[format_name]

    @functools.wraps(feed_class)
    def view(request, *args, **kwargs):
        # A new feed object per request: it keeps the request's site while it renders.
        response = feed_class(feed_type)(request, *args, **kwargs)
        response.reader_cache_tag = format_name
        return add_validators(request, response, content_version(request), format_name)

    return view

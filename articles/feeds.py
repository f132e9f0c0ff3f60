"""The newsroom's feeds: latest articles, and per author, section and tag, in RSS, Atom and JSON Feed.

Built on Django's syndication framework. Every item's byline, credit and rights come from
``ArticlePage.get_metadata``, the same builder the article page uses, through ``articles.feed_items``,
which keeps each item built per article revision. Absolute URLs come from the
Wagtail site's configured root URL, never from the request's Host header. With WebSub hubs
configured, every feed names them (``articles.websub``).
"""

import functools

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Enclosure
from django.utils.functional import cached_property
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import Locale, Site

from authors.models import AuthorPage
from newsroom_core.app_settings import newsroom_setting
from newsroom_core.locales import in_any_language_of

from .caching import add_validators, content_version
from .feed_formats import FEED_FORMATS, ItemMarkupFeed
from .feed_items import FeedItem, add_item_markup, feed_items, withdrawn_items
from .metadata import build_publisher, site_title, tag_title
from .models import ArticlePage, NewsIndexPage, NewsroomSettings, Section, WithdrawalKind
from .websub import discovery_links, hub_urls, topic_url
from .xml_text import xml_text


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

    def narrow(self, articles, subject):
        """The feed's own among ``articles``: subclasses keep an author's, a section's, a tag's."""
        return articles

    def articles(self, subject):
        return self.narrow(ArticlePage.objects.visible_to_readers().in_site_language(self.site), subject)

    def withdrawn(self, subject):
        return self.narrow(ArticlePage.objects.withdrawn_lately().in_site_language(self.site), subject)

    def items(self, subject):
        """The latest articles, and among them every story lately withdrawn, however old, as its
        item's last update (beyond ``FEED_ITEMS``: a withdrawal must reach the readers who have it)."""
        limit = newsroom_setting("FEED_ITEMS")
        items = feed_items(
            self.articles(subject)[:limit], self.request, self.site, content_version(self.request).shared_token
        )
        items += withdrawn_items(self.withdrawn(subject)[:limit], self.request, self.site)
        return sorted(items, key=lambda item: item.pubdate, reverse=True)

    def title(self, subject):
        return xml_text(site_title(self.site))

    def link(self, subject):
        return self.listing_url()

    def description(self, subject):
        return gettext("The latest articles from %(site)s.") % {"site": self.title(subject)}

    def feed_url(self, subject):
        return topic_url(self.site, self.request)

    def feed_copyright(self, subject):
        notice = self.site_settings.copyright_notice
        return xml_text(notice.text) if notice else None

    def author_name(self, subject):
        return self.title(subject)

    def feed_extra_kwargs(self, subject):
        return {"logo_url": build_publisher(self.site, self.site_settings).logo_url, "hubs": hub_urls()}

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        if isinstance(feed, ItemMarkupFeed):
            add_item_markup(feed)
        return feed

    # --- each article: a FeedItem (articles.feed_items), built once per revision

    def item_title(self, item: FeedItem):
        return item.title

    def item_link(self, item: FeedItem):
        return item.link

    def item_description(self, item: FeedItem):
        return item.description

    def item_guid(self, item: FeedItem):
        return item.guid

    def item_guid_is_permalink(self, item: FeedItem):
        return False

    def item_pubdate(self, item: FeedItem):
        return item.pubdate

    def item_updateddate(self, item: FeedItem):
        return item.updateddate

    def item_categories(self, item: FeedItem):
        return item.categories

    def item_copyright(self, item: FeedItem):
        return item.rights

    def item_enclosures(self, item: FeedItem):
        image = item.image
        return [Enclosure(image.url, str(image.length), image.mime_type)] if image else []

    def item_extra_kwargs(self, item: FeedItem):
        return {**item.extra, "item_key": item.key}


class LatestArticlesFeed(ArticlesFeed):
    pass


class AuthorArticlesFeed(ArticlesFeed):
    def get_subject(self, slug):
        """The author of that slug: their page in the feed's language if it has one, else the original
        (a translated story credits the original's people)."""
        authors = AuthorPage.objects.live().public().filter(in_any_language_of(self.site), slug=slug)
        author = authors.filter(locale=Locale.get_active()).first() or authors.first()
        if author is None:
            raise Http404("No such author")
        return author

    def narrow(self, articles, author):
        return articles.by_author(author)

    def withdrawn(self, author):
        """Not a killed or taken-down story: its notice names no one, and an author's feed would."""
        return super().withdrawn(author).filter(withdrawal__kind=WithdrawalKind.WITHDRAW)

    def title(self, author):
        return xml_text(f"{author.title} · {super().title(author)}")

    def link(self, author):
        return author.get_full_url(self.request)

    def description(self, author):
        return xml_text(gettext("The latest articles by %(author)s.") % {"author": author.title})


class SectionArticlesFeed(ArticlesFeed):
    def get_subject(self, slug):
        return get_object_or_404(Section, slug=slug)

    def narrow(self, articles, section):
        return articles.filter(section=section)

    def title(self, section):
        return xml_text(f"{section.name} · {super().title(section)}")

    def link(self, section):
        return self.listing_url("section", section.slug)

    def description(self, section):
        return xml_text(gettext("The latest %(section)s articles.") % {"section": section.name})


class TagArticlesFeed(ArticlesFeed):
    def get_subject(self, slug):
        tag = get_object_or_404(Tag, slug=slug)
        if not self.articles(tag).exists():  # a tag only drafts carry is not public, as /tag/…/ says
            raise Http404("No articles with this tag.")
        return tag

    def narrow(self, articles, tag):
        return articles.tagged(tag)

    def title(self, tag):
        return xml_text(f"{tag_title(tag.name)} · {super().title(tag)}")

    def link(self, tag):
        return self.listing_url("tag", tag.slug)

    def description(self, tag):
        return xml_text(gettext("The latest articles tagged %(tag)s.") % {"tag": tag.name})


def feed_view(feed_class, format_name):
    """A feed view answering conditional requests from the content version.

    An unchanged feed answers 304 after reading the version (from the cache, or one query).
    The reader cache keeps each rendered feed, its ``Link`` header to the WebSub hubs with it,
    until the content version moves.
    """
    feed_type = FEED_FORMATS[format_name]

    @functools.wraps(feed_class)
    def view(request, *args, **kwargs):
        # A new feed object per request: it keeps the request's site while it renders.
        feed = feed_class(feed_type)
        response = feed(request, *args, **kwargs)
        if hubs := hub_urls():  # what JSON Feed readers look for, and the others may
            response["Link"] = discovery_links(topic_url(feed.site, request), hubs)
        response.reader_cache_tag = format_name
        return add_validators(request, response, content_version(request), format_name)

    return view

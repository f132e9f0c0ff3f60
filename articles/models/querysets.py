"""How articles are fetched: what readers may see, and everything a listing or a page shows."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from newsroom_core import locales
from newsroom_core.pagination import NEWEST_FIRST

from ..embargo import unembargoed
from ..visibility import shown_to_readers
from .bylines import ArticleCredit, ArticlePageTag

WITHDRAWALS_IN_FEEDS = datetime.timedelta(days=30)


class ArticlePageQuerySet(PageQuerySet):
    def visible_to_readers(self):
        """What an anonymous reader may see: live, public, not expired, not embargoed; newest first.

        Every listing, feed, sitemap, API and search result starts from this queryset.
        """
        return self.live().public().filter(shown_to_readers()).order_by(*NEWEST_FIRST)

    def once_seen_by_readers(self):
        """Stories readers have had, whether or not they still have them: published once, public,
        past any embargo."""
        return self.filter(first_published_at__isnull=False).filter(unembargoed()).public()

    def withdrawn_from_readers(self):
        """Stories readers had and were then told were withdrawn. Their address, the API and the
        feeds say so; a story withdrawn before readers ever had it is just not there."""
        return self.once_seen_by_readers().filter(withdrawal__isnull=False).select_related("withdrawal")

    def withdrawn_lately(self):
        """Stories withdrawn from readers in the last ``WITHDRAWALS_IN_FEEDS``, lately withdrawn
        first: the feeds carry their withdrawal, so that readers who have them learn of it."""
        since = timezone.now() - WITHDRAWALS_IN_FEEDS
        lately = self.withdrawn_from_readers().filter(withdrawal__withdrawn_at__gte=since)
        return lately.defer_streamfields().order_by("-withdrawal__withdrawn_at")

    def in_site_language(self, site):
        """Articles of ``site`` in the tree of the active language: what its listings and feeds in
        that language show (``newsroom_core.locales``)."""
        return self.filter(locales.in_site_language(site))

    def in_any_language_of(self, site):
        """Articles of ``site`` in every language it publishes in: what the sitemaps, the partner
        feeds and the API list, each story in its own language."""
        return self.filter(locales.in_any_language_of(site))

    def canonical_on(self, site):
        """Articles whose canonical address is on ``site`` (``canonical_on_site``)."""
        return self.filter(canonical_on_site(site))

    def tagged(self, tag):
        """Articles carrying ``tag``, asked as those among the tag's own: as a join, PostgreSQL
        read 100,000 stories newest first to find the 20 newest of a tag's 400 (60 ms, now 12)."""
        return self.filter(pk__in=ArticlePageTag.objects.filter(tag=tag).values("content_object_id"))

    def by_author(self, author):
        """Articles crediting ``author`` in any role, each once (a person may hold two roles in one
        story). A translated story credits the original's people, so the author's page in another
        language (a translation of theirs) finds the stories crediting any version of it."""
        credits = ArticleCredit.objects.filter(author__translation_key=author.translation_key)
        return self.filter(pk__in=credits.values("page"))

    def for_listing(self):
        """Everything a listing shows, fetched in a fixed number of queries whatever the count."""
        return (
            self.defer_streamfields()
            .select_related("section", "lead_image", "locale")
            .prefetch_related(*bylines_with_authors(), "lead_image__renditions")
        )

    def for_reading(self, author_photos=False):
        """Everything an article page, feed item or API item shows, in a fixed number of queries.

        ``author_photos`` adds the authors' photos and their sizes, for the page's bio boxes.
        """
        related = self.select_related("section", "source", "copyright_notice", "lead_image", "locale")
        return related.prefetch_related(*reading_prefetches(author_photos))


def canonical_on_site(site) -> Q:
    """Articles whose canonical address is on ``site``: not stories republished from another
    outlet, whose ``canonical_url`` sends search engines to the original (a sitemap lists only
    addresses that are their own canonical URL). A ``canonical_url`` on the site itself, in
    either scheme, is the site's own story."""
    host = site.root_url.split("://", 1)[1]
    own = Q(canonical_url="")
    for scheme in ("http", "https"):
        own |= Q(canonical_url__istartswith=f"{scheme}://{host}/") | Q(canonical_url__iexact=f"{scheme}://{host}")
    return own


def reading_prefetches(author_photos=False):
    """What ``for_reading`` prefetches, for an article fetched otherwise (a preview, a single page)."""
    return [
        *bylines_with_authors(photos=author_photos),
        models.Prefetch("tagged_items", queryset=ArticlePageTag.objects.select_related("tag")),
        corrections_list(),
        "lead_image__renditions",
    ]


def corrections_list():
    """An article's corrections as a plain list, ``article.correction_list``. (Kept as the
    relation's cache instead, Django builds one filtered queryset per article, which costs a
    50-item feed more than the query itself.)"""
    return models.Prefetch("corrections", to_attr="correction_list")


def bylines_with_authors(photos=False):
    """Prefetches for the credits (the byline's writers and the other roles) and their author pages.

    Listings and feeds load each author page once, however many credits name it: a 50-item feed
    names the same few reporters over and over, and building a page object is the costly part.
    With ``photos`` (an article page's bio boxes) the authors come joined to their photos, and
    the photos' sizes follow in one query more.
    """
    if photos:
        credits = ArticleCredit.objects.select_related("author__photo").prefetch_related("author__photo__renditions")
        return [models.Prefetch("credits", queryset=credits)]
    return [models.Prefetch("credits", queryset=ArticleCredit.objects.all()), "credits__author"]


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)

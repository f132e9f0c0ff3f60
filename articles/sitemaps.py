"""The sitemaps: every page readers may see, and Google News' recent articles, each split into
pages that Django's sitemap index lists (``articles.urls.sitemaps``).

The full sitemap is Wagtail's own (``wagtail.contrib.sitemaps``) with its articles narrowed to
what readers may see; the news sitemap adds the ``news:`` elements Google News reads, built on the
same Django sitemap framework. Neither lists a story republished from another outlet: its
canonical address is the original's.
"""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from newsroom_core.locales import in_any_language_of

from .content_language import google_news_language
from .metadata import build_publisher
from .models import ArticlePage, NewsroomSettings, canonical_on_site
from .visibility import hidden_from_readers

NEWS_WINDOW = timedelta(days=2)
PAGES_LIMIT = 50_000  # the sitemaps protocol's most URLs in one sitemap
NEWS_LIMIT = 1_000  # Google News reads at most 1,000 URLs from one news sitemap


def listed_articles(site):
    """The articles a sitemap of ``site`` lists: what readers may see, under their own address."""
    return ArticlePage.objects.visible_to_readers().in_any_language_of(site).canonical_on(site)


class CountedPaginator(Paginator):
    """A paginator told how many items it has, so that it does not count them again."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


class PagesSitemap(Sitemap):
    """Every live, public page of the site in every language it publishes in (Wagtail's sitemap
    lists the default one's), but for articles readers may not see (expired ones Wagtail has yet to
    unpublish) and republished ones; ``limit`` pages to a sitemap, in tree order so that each keeps
    its place from one request to the next.

    The articles are left out by what hides them, not kept by what shows them: an index or a page
    of 100,000 articles then counts them in one pass over the pages (46 ms, where keeping every
    article among those readers may see took 70 ms a count, and the index counted twice).
    """

    limit = PAGES_LIMIT

    def items(self):
        site = self.get_wagtail_site()
        hidden = ArticlePage.objects.filter(hidden_from_readers() | ~canonical_on_site(site))
        pages = Page.objects.filter(in_any_language_of(site)).live().public().exclude(pk__in=hidden.values("pk"))
        return pages.order_by("path").defer_streamfields().specific()

    @cached_property
    def totals(self) -> dict:
        """How many pages the sitemap lists (``count``) and the newest ``lastmod`` (``newest``), in
        one query: Django's index would count for the paginator and load every page for lastmod."""
        newest = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().order_by().aggregate(count=Count("pk"), newest=Max(newest))

    @property
    def paginator(self):
        return CountedPaginator(self.items(), self.limit, self.totals["count"])

    def get_latest_lastmod(self):
        return self.totals["newest"]


class NewsSitemap(Sitemap):
    """Articles readers may see, first published in the last two days, newest first."""

    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        articles = listed_articles(self.get_wagtail_site())
        return articles.filter(first_published_at__gte=since).defer_streamfields().select_related("locale")

    def get_latest_lastmod(self):
        """The newest ``lastmod``, for the index, in one query."""
        return self.items().aggregate(newest=Max("last_published_at"))["newest"]

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries the news sitemap's template prints. Django's ``site`` and ``protocol`` (the
        request's host and scheme) are not used: an article's address is its Wagtail site's, as in
        the full sitemap."""
        wagtail_site = self.get_wagtail_site()
        publication = build_publisher(wagtail_site, NewsroomSettings.for_site(wagtail_site)).name
        return [
            {
                "location": self.location(article),
                "lastmod": article.last_published_at,
                "news": {
                    "publication_name": publication,
                    "language": google_news_language(article.content_language),
                    "publication_date": article.first_published_at,
                    "title": article.title,
                },
            }
            for article in self.paginator.page(page).object_list
        ]

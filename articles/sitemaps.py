"""The Google News sitemap: live articles first published in the last two days.

The full sitemap is Wagtail's own (``wagtail.contrib.sitemaps``); this one adds the ``news:``
elements Google News reads, built on the same Django sitemap framework.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap

from .metadata import build_publisher, site_language
from .models import ArticlePage, NewsroomSettings

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs from one news sitemap


class NewsSitemap(Sitemap):
    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        articles = ArticlePage.objects.visible_to_readers().in_site(self.get_wagtail_site())
        return articles.filter(first_published_at__gte=since).defer_streamfields()

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries the news sitemap's template prints. Django's ``site`` and ``protocol`` (the
        request's host and scheme) are not used: an article's address is its Wagtail site's, as in
        the full sitemap."""
        wagtail_site = self.get_wagtail_site()
        publication = build_publisher(wagtail_site, NewsroomSettings.for_site(wagtail_site)).name
        language = site_language(with_region=False)
        return [
            {
                "location": self.location(article),
                "lastmod": article.last_published_at,
                "news": {
                    "publication_name": publication,
                    "language": language,
                    "publication_date": article.first_published_at,
                    "title": article.title,
                },
            }
            for article in self.paginator.page(page).object_list
        ]

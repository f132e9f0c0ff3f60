"""The Google News sitemap: live articles first published in the last two days.

The full sitemap is Wagtail's own (``wagtail.contrib.sitemaps``); this one adds the ``news:``
elements Google News reads, built on the same Django sitemap framework.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap

from .metadata import build_publisher
from .models import ArticlePage, NewsroomSettings

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs from one news sitemap


class NewsSitemap(Sitemap):
    limit = NEWS_LIMIT

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        articles = ArticlePage.objects.visible_to_readers().in_site(self.get_wagtail_site())
        return articles.filter(first_published_at__gte=since).defer_streamfields()

    def _urls(self, page, protocol, domain):
        site = self.get_wagtail_site()
        publication = build_publisher(site, NewsroomSettings.for_site(site)).name
        language = settings.LANGUAGE_CODE.partition("-")[0]
        return [
            {
                "location": article.get_full_url(self.request),
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

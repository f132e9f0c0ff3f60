"""``sitemap.xml`` (every live public page), ``sitemap-news.xml`` (Google News) and ``robots.txt``,
named ``newsroom_sitemaps:sitemap``, ``newsroom_sitemaps:news_sitemap`` and ``newsroom_sitemaps:robots_txt``."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from ..sitemaps import NewsSitemap
from ..views import robots_txt

app_name = "newsroom_sitemaps"

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "newsroom_articles/sitemaps/news_sitemap.xml"},
        name="news_sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
]

"""``sitemap.xml`` (every live public page), ``sitemap-news.xml`` (Google News) and ``robots.txt``."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from ..sitemaps import NewsSitemap
from ..views import robots_txt

urlpatterns = [
    path("sitemap.xml", sitemap, name="articles_sitemap"),
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "newsroom_articles/sitemaps/news_sitemap.xml"},
        name="articles_news_sitemap",
    ),
    path("robots.txt", robots_txt, name="articles_robots_txt"),
]

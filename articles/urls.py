"""The newsroom's public URLs that are not pages: include them in the site's URLconf."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from .api import api_router
from .feed_formats import FEED_FORMATS
from .feeds import AuthorArticlesFeed, LatestArticlesFeed, SectionArticlesFeed, TagArticlesFeed, feed_view
from .sitemaps import NewsSitemap
from .views import robots_txt, search

urlpatterns = [
    path("sitemap.xml", sitemap, name="articles_sitemap"),
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "newsroom_articles/sitemaps/news_sitemap.xml"},
        name="articles_news_sitemap",
    ),
    path("robots.txt", robots_txt, name="articles_robots_txt"),
    path("search/", search, name="articles_search"),
    path("api/v2/", api_router.urls),
]
for format_name in FEED_FORMATS:
    urlpatterns += [
        path(f"feeds/latest/{format_name}/", feed_view(LatestArticlesFeed, format_name),
             name=f"articles_latest_{format_name}_feed"),
        path(f"feeds/authors/<slug:slug>/{format_name}/", feed_view(AuthorArticlesFeed, format_name),
             name=f"articles_author_{format_name}_feed"),
        path(f"feeds/sections/<slug:slug>/{format_name}/", feed_view(SectionArticlesFeed, format_name),
             name=f"articles_section_{format_name}_feed"),
        path(f"feeds/tags/<slug:slug>/{format_name}/", feed_view(TagArticlesFeed, format_name),
             name=f"articles_tag_{format_name}_feed"),
    ]  # fmt: skip

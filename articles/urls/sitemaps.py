"""The sitemaps and ``robots.txt``, in the ``newsroom_sitemaps`` namespace.

``sitemap.xml`` (``:sitemap``) is the index of the full sitemap, whose pages are
``sitemap-pages.xml``, ``sitemap-pages.xml?p=2`` … (``:pages_sitemap``, 50,000 URLs each);
``sitemap-news-index.xml`` (``:news_sitemap_index``) is the index of the Google News sitemap,
``sitemap-news.xml``, ``sitemap-news.xml?p=2`` … (``:news_sitemap``, 1,000 URLs each); ``robots.txt``
(``:robots_txt``) names both indexes. Django's index view reverses a sitemap's URL name with its
section, which each sitemap's URL carries as a default argument.
"""

from django.urls import path

from ..sitemaps import NewsSitemap, PagesSitemap
from ..views import robots_txt, sitemap, sitemap_index

app_name = "newsroom_sitemaps"

PAGES = {"pages": PagesSitemap}
NEWS = {"news": NewsSitemap}
NEWS_TEMPLATE = "newsroom_articles/sitemaps/news_sitemap.xml"

urlpatterns = [
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": PAGES, "sitemap_url_name": f"{app_name}:pages_sitemap"},
        name="sitemap",
    ),
    path("sitemap-pages.xml", sitemap, {"sitemaps": PAGES, "section": "pages"}, name="pages_sitemap"),
    path(
        "sitemap-news-index.xml",
        sitemap_index,
        {"sitemaps": NEWS, "sitemap_url_name": f"{app_name}:news_sitemap"},
        name="news_sitemap_index",
    ),
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": NEWS, "section": "news", "template_name": NEWS_TEMPLATE},
        name="news_sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
]

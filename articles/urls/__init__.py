"""All of Newsroom's URLs that are not pages, for a site that wants every one of them.

A host site may include the parts it wants instead: ``articles.urls.feeds`` (RSS, Atom and JSON
Feed), ``articles.urls.sitemaps`` (``sitemap.xml``, ``sitemap-news.xml``, ``robots.txt``),
``articles.urls.search`` (``search/``) and ``articles.urls.api`` (the API, under ``api/v2/``).
"""

from django.urls import include, path

urlpatterns = [
    path("", include("articles.urls.sitemaps")),
    path("", include("articles.urls.search")),
    path("api/v2/", include("articles.urls.api")),
    path("", include("articles.urls.feeds")),
]

"""All of Newsroom's URLs that are not pages, for a site that wants every one of them.

A host site may include the parts it wants instead: ``articles.urls.feeds`` (RSS, Atom and JSON
Feed), ``articles.urls.sitemaps`` (the sitemap indexes and their sitemaps, ``robots.txt``),
``articles.urls.search`` (``search/``), ``articles.urls.api`` (the API, under ``api/v2/``) and
``articles.urls.syndication`` (ninjs and NewsML-G2 for partners, ``syndication/``).

Each part names its URLs in a namespace of its own, so that it works included alone and a host's
own URL names never collide with Newsroom's: ``newsroom_feeds`` (``newsroom_feeds:latest_rss``,
``newsroom_feeds:author_atom`` …, see ``articles.urls.feeds.feed_url``), ``newsroom_sitemaps``
(``:sitemap``, ``:news_sitemap_index`` …, ``:robots_txt``), ``newsroom_search`` (``:search``),
``newsroom_api`` and ``newsroom_syndication`` (``:item_ninjs_json``, ``:feed_ninjs_json``). One
namespace for them all could not be split: Django reverses a namespace included twice in only one of
its includes.
"""

from django.urls import include, path

urlpatterns = [
    path("", include("articles.urls.sitemaps")),
    path("", include("articles.urls.search")),
    path("api/v2/", include("articles.urls.api")),
    path("", include("articles.urls.feeds")),
    path("", include("articles.urls.syndication")),
]

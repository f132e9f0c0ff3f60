"""The feeds: ``feeds/latest/``, ``feeds/authors/<slug>/``, ``feeds/sections/<slug>/`` and
``feeds/tags/<slug>/``, each in every format (``rss/``, ``atom/``, ``json/``)."""

from django.urls import path

from .. import converters
from ..feed_formats import FEED_FORMATS
from ..feeds import AuthorArticlesFeed, LatestArticlesFeed, SectionArticlesFeed, TagArticlesFeed, feed_view

FEEDS = {
    "latest": ("feeds/latest/", LatestArticlesFeed),
    "author": (f"feeds/authors/<{converters.SLUG}:slug>/", AuthorArticlesFeed),
    "section": (f"feeds/sections/<{converters.SLUG}:slug>/", SectionArticlesFeed),
    "tag": (f"feeds/tags/<{converters.SLUG}:slug>/", TagArticlesFeed),
}

urlpatterns = [
    path(f"{prefix}{format_name}/", feed_view(feed_class, format_name), name=f"articles_{kind}_{format_name}_feed")
    for kind, (prefix, feed_class) in FEEDS.items()
    for format_name in FEED_FORMATS
]

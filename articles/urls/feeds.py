"""The feeds: ``feeds/latest/``, ``feeds/authors/<slug>/``, ``feeds/sections/<slug>/``,
``feeds/tags/<slug>/`` and ``feeds/corrections/``, each in every format (``rss/``, ``atom/``, ``json/``).

Each is named ``newsroom_feeds:<kind>_<format>`` (``newsroom_feeds:latest_rss``,
``newsroom_feeds:author_atom``): ask ``feed_url`` for one rather than spelling the name.
"""

from django.urls import path, reverse

from .. import converters
from ..correction_feeds import CorrectionsFeed
from ..feed_formats import FEED_FORMATS
from ..feeds import AuthorArticlesFeed, LatestArticlesFeed, SectionArticlesFeed, TagArticlesFeed, feed_view

app_name = "newsroom_feeds"

FEEDS = {
    "latest": ("feeds/latest/", LatestArticlesFeed),
    "author": (f"feeds/authors/<{converters.SLUG}:slug>/", AuthorArticlesFeed),
    "section": (f"feeds/sections/<{converters.SLUG}:slug>/", SectionArticlesFeed),
    "tag": (f"feeds/tags/<{converters.SLUG}:slug>/", TagArticlesFeed),
    "corrections": ("feeds/corrections/", CorrectionsFeed),
}


def feed_url_name(kind: str, format_name: str) -> str:
    """The name of a feed's URL pattern in this URLconf: kind is latest, author, section, tag or corrections;
    format_name a key of ``FEED_FORMATS``."""
    return f"{kind}_{format_name}"


def feed_url(kind: str, format_name: str, slug: str | None = None) -> str:
    """The path of a feed: the latest articles' without a slug, an author's, section's or tag's with one."""
    return reverse(f"{app_name}:{feed_url_name(kind, format_name)}", args=[slug] if slug else [])


urlpatterns = [
    path(f"{prefix}{format_name}/", feed_view(feed_class, format_name), name=feed_url_name(kind, format_name))
    for kind, (prefix, feed_class) in FEEDS.items()
    for format_name in FEED_FORMATS
]

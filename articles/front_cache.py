"""Tell the front cache (Varnish, a CDN) that a site changed, once the change is committed.

Whatever readers see follows one content version (``articles.caching``); when it moves, cached
copies anywhere may be stale: a story is on its own page, the front page, its section, authors'
and tags' pages, the feeds, the sitemaps and search results. So the whole site is purged, by its
root URL, through Wagtail's front-end cache (``WAGTAILFRONTENDCACHE``), whose purges run as a
task. The recipe's Varnish treats a purge of "/" as "forget everything under /" (see
deploy/varnish/newsroom.vcl).
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site


def purge_front_cache_on_commit():
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(purge_every_site)


def purge_every_site():
    purge_urls_from_cache([f"{site.root_url}/" for site in Site.objects.all()])

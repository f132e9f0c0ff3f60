"""The settings a host site may change, with their defaults (all documented in the README).

Each is read as ``NEWSROOM_<NAME>`` from the Django settings when it is used.
"""

from django.conf import settings

DEFAULTS = {
    # The template every Newsroom page extends (see the README for the blocks it fills).
    "BASE_TEMPLATE": "base.html",
    # Page types a news index may be created under, as "app_label.ModelName"; None: any page.
    "NEWS_INDEX_PARENT_PAGE_TYPES": None,
    # The publisher named to search engines and aggregators where a site's Newsroom settings name
    # none; None: the site's name.
    "PUBLISHER_NAME": None,
    # The publisher's logo where a site's Newsroom settings have none: an absolute URL, or a path
    # on the site ("/static/img/logo.png"); None: no logo.
    "PUBLISHER_LOGO_URL": None,
    "PAGE_SIZE": 20,
    "IMPORT_MAX_BYTES": 1_000_000,
    "FEED_ITEMS": 50,
    "CACHE_SECONDS": 600,
    # True when every app server shares the default cache (Redis, Memcached): the content version
    # is then kept in it for a minute; otherwise for a second, as a process cannot hear the others.
    "CACHE_IS_SHARED": False,
    # The WebSub hubs every feed names (absolute URLs) and that publishing tells of the feeds a
    # change touches (articles.websub); none: no hub, and nothing is sent anywhere.
    "WEBSUB_HUBS": (),
    # Seconds to wait for a hub to answer before its notifications are given up (and logged).
    "WEBSUB_TIMEOUT": 10,
}


def newsroom_setting(name):
    return getattr(settings, f"NEWSROOM_{name}", DEFAULTS[name])

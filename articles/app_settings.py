"""The settings a host site may change, with their defaults (all documented in the README)."""

from django.conf import settings

DEFAULTS = {
    "PAGE_SIZE": 20,
    "IMPORT_MAX_BYTES": 1_000_000,
    "FEED_ITEMS": 50,
    "CACHE_SECONDS": 600,
}


def newsroom_setting(name):
    return getattr(settings, f"NEWSROOM_{name}", DEFAULTS[name])

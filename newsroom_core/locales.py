"""A site in several languages, as Wagtail's localisation builds it: one tree of pages per
locale, each home page a translation of the site's root page (``WAGTAIL_I18N_ENABLED``).

``in_site`` keeps the default locale's tree only. A reader's listing or feed wants the tree of the
language it is read in (``in_site_language``); what serves every language at one address (the
sitemaps, the partner feeds) wants all of them (``in_any_language_of``). Both are read from
Wagtail's own list of the sites' home pages (``Site.get_site_root_paths``), which it keeps in the
cache and clears when a home page or a site changes: a listing pays no query for them.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

HOME_PATHS_SECONDS = 24 * 60 * 60


def i18n_enabled() -> bool:
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


def home_paths(site: Site) -> dict[str, str]:
    """The tree ``path`` of the site's home page in each of its languages, by language code.

    Wagtail lists the homes by ``url_path``, which no index serves; a listing filters on the
    indexed tree path. The paths are looked up once for each version of Wagtail's list, whose
    entries change whenever a home page is added, moved or renamed.
    """
    roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    if len(roots) < 2:
        return {roots[0].language_code: site.root_page.path} if roots else {}
    key = "newsroom:home-paths:" + hashlib.sha256(repr(roots).encode()).hexdigest()
    paths = cache.get(key)
    if paths is None:
        by_url_path = dict(
            Page.objects.filter(url_path__in=[root.root_path for root in roots]).values_list("url_path", "path")
        )
        paths = {root.language_code: by_url_path[root.root_path] for root in roots if root.root_path in by_url_path}
        cache.set(key, paths, HOME_PATHS_SECONDS)
    return paths


def active_home_path(site: Site) -> str:
    """The tree ``path`` of the site's home page in the active language, else of its root page."""
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:  # a language the site does not publish in
        return site.root_page.path
    return home_paths(site).get(language, site.root_page.path)


def in_site_language(site: Site) -> Q:
    """Pages of ``site`` in the tree of the active language."""
    return Q(path__startswith=active_home_path(site))


def in_any_language_of(site: Site) -> Q:
    """Pages of ``site`` in any of its languages: under its root page or one of its translations."""
    under = Q(pk__in=[])
    for path in home_paths(site).values() or [site.root_page.path]:
        under |= Q(path__startswith=path)
    return under


def site_home(site: Site) -> Page:
    """The site's home page in the active language (its root page where it has no translation)."""
    path = active_home_path(site)
    if path == site.root_page.path:
        return site.root_page
    return Page.objects.filter(path=path).first() or site.root_page

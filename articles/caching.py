"""Reader-side caching, keyed on the content version so that nothing is ever served stale.

One query per request reads the version (``ContentVersion``); everything cached for anonymous
readers — whole page responses, the request's Wagtail site and newsroom settings — is stored
under that version, so a publish, unpublish, move, edit, author change or settings change is
visible on the very next request. On the example site the cache is Redis when ``REDIS_URL`` is
set, shared by every app server (``NEWSROOM_CACHE_IS_SHARED``); local memory otherwise.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.http import http_date
from wagtail.models import Site

from newsroom_core.app_settings import newsroom_setting

from .front_cache import purge_front_cache_on_commit
from .models import ContentVersion, NewsroomSettings

BROWSER_SECONDS = 60  # what browsers and CDNs may keep without asking again
# What a cached response keeps: its own headers, the validators, and the security headers that
# middleware inside the cache adds (building a Content-Security-Policy on every hit costs more
# than the rest of the hit).
CACHED_HEADERS = (
    "Content-Type", "Content-Language", "Link", "ETag", "Last-Modified", "Cache-Control", "Vary",
    "X-Frame-Options", "Content-Security-Policy", "X-Robots-Tag",
)  # fmt: skip
CACHED_STATUSES = {200, 404, 410}  # 410: a withdrawn story's notice
CONDITIONAL_HEADERS = frozenset(
    {"HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_UNMODIFIED_SINCE"}
)
PUBLIC_CACHE_CONTROL = f"max-age={BROWSER_SECONDS}, public"
PRIVATE_DIRECTIVES = frozenset({"private", "no-cache", "no-store"})
VERSION_KEY = "newsroom:content-version"
# A cache every app server shares (NEWSROOM_CACHE_IS_SHARED: Redis) hears every bump at once, so it
# may keep the version for a minute (not longer: a bump made while Redis was unreachable could not
# drop the copy it keeps); a cache of each process's own cannot hear bumps made by other processes,
# so it asks the database again every second.
SHARED_VERSION_SECONDS, LOCAL_VERSION_SECONDS = 60, 1
# What is kept under the version's shared token — the request's site and settings, the navigation —
# changes only when something beside an article changes, so it outlives the publishes in between
# and is used even with the reader cache off; keys move with the token, so this bounds memory only.
SHARED_SECONDS = 600


def content_version(request) -> ContentVersion:
    """The content version, read once per request: from the cache, else from the database."""
    if not hasattr(request, "newsroom_content_version"):
        version = cache.get(VERSION_KEY)
        if version is None:
            version = ContentVersion.current()
            is_shared = newsroom_setting("CACHE_IS_SHARED")
            cache.set(VERSION_KEY, version, SHARED_VERSION_SECONDS if is_shared else LOCAL_VERSION_SECONDS)
        request.newsroom_content_version = version
    return request.newsroom_content_version


def bump_content_version(article_only=False):
    """Something readers see changed: move the version, and drop the cached copy now and again
    once the change commits, so no reader can cache the old version past the commit; then the
    front cache forgets the site too. ``article_only``: see ``ContentVersion.bump``."""
    ContentVersion.bump(article_only=article_only)
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))
    purge_front_cache_on_commit()


def is_anonymous_read(request) -> bool:
    return request.method in {"GET", "HEAD"} and settings.SESSION_COOKIE_NAME not in request.COOKIES


def prime_site_and_settings(request, version: ContentVersion):
    """Load the request's Wagtail site and newsroom settings from the cache into the places
    ``Site.find_for_request`` and ``NewsroomSettings.for_request`` keep them for the request."""
    key = f"newsroom:site:{version.shared_token}:{request.get_host()}"
    cached = cache.get(key)
    if cached is None:
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific  # what Wagtail routes every request through
        site_settings = NewsroomSettings.for_site(site) if site else None
        if site_settings is not None:
            site_settings.published_policies()  # the footer and the publisher's JSON-LD read them on every page
        cached = (site, site_settings)
        cache.set(key, cached, SHARED_SECONDS)
    remember_site_and_settings(request, *cached)


def remember_site_and_settings(request, site: Site | None, site_settings: NewsroomSettings | None):
    """Make ``site`` and ``site_settings`` what ``Site.find_for_request(request)`` and
    ``NewsroomSettings.for_request(request)`` answer, without a query."""
    # Wagtail has no public way to give a request its site or settings: find_for_request keeps its
    # answer in this attribute (its docstring says so) and for_request in the one get_cache_attr_name
    # names; tests/test_caching.py pins both for the installed Wagtail.
    request._wagtail_site = site
    if site_settings is not None:
        setattr(request, NewsroomSettings.get_cache_attr_name(), site_settings)


def add_validators(request, response, version: ContentVersion, tag: str):
    """ETag and Last-Modified from the content version; 304 when the reader has this version."""
    etag = quote_etag(f"{version.token}-{tag}")
    last_modified = int(version.changed_at.timestamp())
    if not CONDITIONAL_HEADERS.isdisjoint(request.META):  # most requests ask nothing: skip the parsing
        response = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Nobody downstream may keep it past the next expiry or go-live time.
    next_change = version.seconds_until_next_change()
    max_age = BROWSER_SECONDS if next_change is None else max(0, min(BROWSER_SECONDS, int(next_change)))
    if response.has_header("Cache-Control") or max_age != BROWSER_SECONDS:
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    return response


class ReaderCacheMiddleware:
    """Whole responses for anonymous readers: Newsroom's pages, feeds and search, and "not found".

    A response is cached under its URL with the content version it was made from; a request
    reads the version and its URL's entry in one cache round trip and serves the entry only if
    the versions match. Signed-in users (who have a session cookie) always get a fresh page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_read(request):
            return self.get_response(request)
        if not newsroom_setting("CACHE_SECONDS"):  # whole responses are not kept; the site still is
            prime_site_and_settings(request, content_version(request))
            return self.get_response(request)
        key = response_key(request)
        found = cache.get_many([VERSION_KEY, key])
        if VERSION_KEY in found:
            request.newsroom_content_version = found[VERSION_KEY]
        version = content_version(request)
        if key in found and found[key][0] == version.token:
            _, status, content, headers, tag = found[key]
            response = HttpResponse(content, status=status, headers=headers)  # validators among the headers
            if not CONDITIONAL_HEADERS.isdisjoint(request.META):
                response = add_validators(request, response, version, tag)  # 304 when the reader is current
            return response
        prime_site_and_settings(request, version)
        response = self.get_response(request)
        tag = reader_cache_tag(request, response)
        if tag is None:
            return response
        response = add_validators(request, response, version, tag)
        if response.status_code in CACHED_STATUSES:  # not a 304 for this reader
            headers = {name: response[name] for name in CACHED_HEADERS if name in response}
            entry = (version.token, response.status_code, response.content, headers, tag)
            cache.set(key, entry, newsroom_setting("CACHE_SECONDS"))
        return response


def response_key(request) -> str:
    """The cache key of a URL: hashed, so long paths (non-Latin slugs, query strings) fit any backend."""
    url = f"{request.get_host()}{request.get_full_path()}".encode()
    return f"newsroom:response:{hashlib.sha256(url).hexdigest()}"


def reader_cache_tag(request, response) -> str | None:
    """What kind of response this is for its ETag ("page", a feed format), or None if it must
    not be cached. Newsroom's pages and views opt in by setting ``response.reader_cache_tag``;
    so do "not found" answers for paths no page or URL pattern has, which change only when pages
    do (and scanners ask for the same ones over and over). A host site's own pages are left
    alone: the content version does not follow what they show."""
    if response.status_code not in CACHED_STATUSES or response.cookies or getattr(response, "streaming", False):
        return None
    if not PRIVATE_DIRECTIVES.isdisjoint(cache_directives(response)):
        return None  # Wagtail's previews and private pages say so
    if varies_by(response) - {"cookie"}:
        return None  # the cache keeps one response per URL: not one per language or encoding
    if hasattr(response, "reader_cache_tag"):
        return response.reader_cache_tag
    match = getattr(request, "resolver_match", None)
    if response.status_code == 404 and (match is None or match.url_name == "wagtail_serve"):
        return "page"
    return None


def cache_directives(response) -> set[str]:
    """The names in the response's Cache-Control header: {"max-age", "private"}."""
    header = response.get("Cache-Control", "")
    return {directive.split("=", 1)[0].strip().lower() for directive in header.split(",")}


def varies_by(response) -> set[str]:
    """The request headers the response's Vary header names, lower-cased: {"cookie"}."""
    return {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}

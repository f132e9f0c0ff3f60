"""Pages, feeds and the API compressed for the readers who ask: Brotli, or gzip.

``CompressionMiddleware`` goes just above ``ReaderCacheMiddleware`` (below WhiteNoise, which serves
static files already compressed at ``collectstatic``). The reader cache keeps one uncompressed copy
of each URL, and every reader's copy is compressed on its way out in the coding that reader's
``Accept-Encoding`` prefers (``articles.codings``): Brotli where the client lists it, gzip where it
lists only that, nothing where it lists neither. Compressing a 50-item feed takes longer than
serving it from the reader cache (``bench/feed_bytes.py`` measures both), so each compressed copy is
kept too, beside the reader cache's, under its URL, its ETag and its coding: the ETag moves with
the content version, so a kept copy is never stale, and each URL is compressed once per coding and
change (behind the front cache, deploy/varnish, Varnish keeps the copies as well).

Validators: a compressed copy is another representation of the same resource, so its ETag is made
weak, as Django's ``GZipMiddleware`` does. ``If-None-Match`` compares weakly, so the reader cache
answers 304 to the ETag either copy gave, and the 304 carries the ETag and ``Vary`` that the
reader's 200 carried (RFC 9110, 15.4.5).

BREACH: compressing a body that holds a secret beside text an attacker chooses lets the attacker
read the secret from the compressed length. Only what anonymous readers get is compressed: a
request that carries a session (an editor, the admin), a response that hands out a cookie (the
CSRF token's, a session's) or says it is private is sent as it is, so no CSRF token and nothing of
a user's is ever compressed. What is left is what every reader gets alike: nothing in it is secret.
"""

import hashlib

from django.core.cache import cache
from django.utils.cache import patch_vary_headers

from newsroom_core.app_settings import newsroom_setting

from .caching import PRIVATE_DIRECTIVES, cache_directives, is_anonymous_read
from .codings import CODINGS, MIN_LENGTH, is_text, preferred_coding


class CompressionMiddleware:
    """Brotli or gzip for what anonymous readers get, with ``Vary: Accept-Encoding`` and weak ETags."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_public_text(request, response):
            return response
        coding = preferred_coding(request.headers.get("Accept-Encoding", ""))
        if response.status_code == 304:  # the validators of the copy this reader has
            patch_vary_headers(response, ("Accept-Encoding",))
            if coding:
                weaken_etag(response)
            return response
        if len(response.content) < MIN_LENGTH:
            return response
        patch_vary_headers(response, ("Accept-Encoding",))  # whichever this reader gets, others get another
        if coding is None:
            return response
        compressed = compressed_content(request, response, coding)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = coding
        weaken_etag(response)
        return response


def is_public_text(request, response) -> bool:
    """Whether ``response`` is text every anonymous reader gets alike (or a 304 for such text), not
    yet encoded: what may be compressed without BREACH having a secret to find."""
    if not is_anonymous_read(request) or response.cookies or getattr(response, "streaming", False):
        return False  # a session's, a CSRF token's; a file (a document) streamed as it is
    if response.has_header("Content-Encoding") or not PRIVATE_DIRECTIVES.isdisjoint(cache_directives(response)):
        return False
    return response.status_code == 304 or is_text(response.get("Content-Type", ""))


def compressed_content(request, response, coding) -> bytes:
    """The body in ``coding``: compressed once for the URL, the ETag and the coding, and kept as long
    as the reader cache keeps pages; compressed afresh where there is no ETag or no reader cache."""
    etag, seconds = response.get("ETag"), newsroom_setting("CACHE_SECONDS")
    if not (etag and seconds):
        return CODINGS[coding](response.content)
    copy = f"{request.get_host()}{request.get_full_path()} {etag} {response.status_code}".encode()
    key = f"newsroom:compressed:{coding}:{hashlib.sha256(copy).hexdigest()}"
    compressed = cache.get(key)
    if compressed is None:
        compressed = CODINGS[coding](response.content)
        cache.set(key, compressed, seconds)
    return compressed


def weaken_etag(response):
    """A compressed body is not byte for byte the identity one: its ETag is weak (RFC 9110, 8.8.1)."""
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag

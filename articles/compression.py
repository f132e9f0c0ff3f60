"""Pages, feeds and the API compressed for the readers who ask: Brotli, or gzip.

``CompressionMiddleware`` goes just above ``ReaderCacheMiddleware`` (below WhiteNoise, which serves
static files already compressed at ``collectstatic``). The reader cache keeps one uncompressed copy
of each URL, and every reader's copy is compressed on its way out in the coding that reader's
``Accept-Encoding`` prefers: Brotli (Google's ``brotli``) where the client lists it, gzip (Django's
own, with its padding against BREACH) where it lists only that, nothing where it lists neither.
Compressing a cached 50-item feed takes a few milliseconds (``bench/feed_bytes.py`` measures it);
behind the front cache (deploy/varnish) the app compresses each URL once per coding and change.

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

import brotli
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from .caching import PRIVATE_DIRECTIVES, cache_directives, is_anonymous_read

BROTLI_QUALITY = 5  # of 0 to 11: smaller than gzip's best, as fast as gzip's default (bench/feed_bytes.py)
GZIP_RANDOM_BYTES = 100  # what Django's GZipMiddleware pads each gzip body with, against BREACH
MIN_LENGTH = 200  # as Django's GZipMiddleware: shorter bodies are not worth the header
CODINGS = {
    "br": lambda content: brotli.compress(content, quality=BROTLI_QUALITY),
    "gzip": lambda content: compress_string(content, max_random_bytes=GZIP_RANDOM_BYTES),
}  # in the order preferred where the client likes both alike
TEXT_SUBTYPES = frozenset({"json", "xml", "javascript"})


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
        compressed = CODINGS[coding](response.content)
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


def is_text(content_type: str) -> bool:
    """HTML, XML (RSS, Atom, sitemaps, SVG), JSON (JSON Feed, the API), plain text, scripts: not
    images, video or files that are compressed already."""
    kind, _, subtype = content_type.partition(";")[0].strip().lower().partition("/")
    return kind == "text" or subtype in TEXT_SUBTYPES or subtype.endswith(("+xml", "+json"))


def preferred_coding(accept_encoding: str) -> str | None:
    """Of Brotli and gzip, the one ``accept_encoding`` rates highest ("br" where both are rated
    alike), or None where it accepts neither: ``gzip;q=0`` refuses gzip, ``*`` stands for what it
    does not name (RFC 9110, 12.5.3)."""
    ratings = {}
    for element in accept_encoding[:1000].split(","):  # a header longer than any client sends is cut
        name, _, parameters = element.partition(";")
        ratings[name.strip().lower()] = quality(parameters)
    rating = {coding: ratings.get(coding, ratings.get("*", 0.0)) for coding in CODINGS}
    best = max(rating, key=rating.get)  # the first of the best: Brotli on a tie
    return best if rating[best] > 0 else None


def quality(parameters: str) -> float:
    """The ``q`` weight among an element's ``;``-separated parameters: 1 when there is none, 0 when
    it is no number (an element a client spoiled is taken as refused)."""
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                weight = float(value)
            except ValueError:
                return 0.0
            return min(weight, 1.0) if weight > 0 else 0.0  # NaN is no weight: refused
    return 1.0


def weaken_etag(response):
    """A compressed body is not byte for byte the identity one: its ETag is weak (RFC 9110, 8.8.1)."""
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag

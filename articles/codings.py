"""Content codings for HTTP answers: which one a client prefers, and each one's compressor.

Pure functions over bytes and header values (no Django setup needed, so ``bench/feed_bytes.py``
measures with the very compressors the site uses); ``articles.compression`` applies them to
responses. Brotli is Google's ``brotli``; gzip is Django's own ``compress_string``, with the random
padding Django's ``GZipMiddleware`` adds against BREACH.
"""

import brotli
from django.utils.text import compress_string

# Brotli's quality, of 0 to 11. On a 50-item feed (320 KB), 5 is a little smaller than gzip at any
# level in 60% of gzip's time (5.6 ms); 6 to 9 save under half a point more, 10 and 11 two or three
# points at 25 and 70 times the time.
BROTLI_QUALITY = 5
GZIP_RANDOM_BYTES = 100  # what Django's GZipMiddleware pads each gzip body with, against BREACH
MIN_LENGTH = 200  # as Django's GZipMiddleware: shorter bodies are not worth the header
CODINGS = {
    "br": lambda content: brotli.compress(content, quality=BROTLI_QUALITY),
    "gzip": lambda content: compress_string(content, max_random_bytes=GZIP_RANDOM_BYTES),
}  # in the order preferred where the client likes both alike
TEXT_SUBTYPES = frozenset({"json", "xml", "javascript"})


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


def is_text(content_type: str) -> bool:
    """HTML, XML (RSS, Atom, sitemaps, SVG), JSON (JSON Feed, the API), plain text, scripts: not
    images, video or files that are compressed already."""
    kind, _, subtype = content_type.partition(";")[0].strip().lower().partition("/")
    return kind == "text" or subtype in TEXT_SUBTYPES or subtype.endswith(("+xml", "+json"))

"""The address a request came from, for sign-in throttling."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR; behind proxies (``BEHIND_TLS_PROXY``), the address the first of them saw.

    Each proxy appends the address it was called from to X-Forwarded-For, so with
    ``TRUSTED_PROXY_HOPS`` proxies in front of the app (1: a TLS proxy; 3: the recipe in deploy/,
    nginx for TLS, Varnish and the app tier's nginx) the reader's address is that many entries from
    the end. Anything before it came from the reader and proves nothing.
    """
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded[-min(settings.TRUSTED_PROXY_HOPS, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "")

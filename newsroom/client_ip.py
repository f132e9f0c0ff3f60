"""The address a request came from, for sign-in throttling."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR; behind the TLS proxy (``BEHIND_TLS_PROXY``), the address that proxy saw, which it
    appends last to X-Forwarded-For (anything before it came from the client and proves nothing)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")

"""When a page stops being shown to readers: once its expiry time (Wagtail's ``expire_at``) has
passed, even before ``publish_scheduled`` next runs and unpublishes it. One rule, in the two forms
the code asks it in: of a page at hand, and of a query (either way round)."""

from django.db.models import Q
from django.utils import timezone


def is_expired(page) -> bool:
    return page.expire_at is not None and page.expire_at <= timezone.now()


def unexpired() -> Q:
    """Pages not past their expiry time (the same rule as ``is_expired``, for a queryset)."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def expired() -> Q:
    """Pages past their expiry time: what ``unexpired`` leaves out, asked so that the index on
    ``expire_at`` (migration 0014) finds them without reading every page."""
    return Q(expire_at__lte=timezone.now())

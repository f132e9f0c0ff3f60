"""When a story may first reach readers: not before its embargo time (``ArticlePage.embargo_until``),
whoever presses publish. Publishing an embargoed story schedules it for that time (``hold_for_embargo``,
run whenever the article is cleaned, so on every save of a revision), and until then no public
channel shows it even if it went live some other way. One rule, in the forms the code asks it in:
of a page at hand, and of a query (either way round)."""

from django.db.models import Q
from django.utils import timezone


def is_embargoed(article) -> bool:
    return article.embargo_until is not None and article.embargo_until > timezone.now()


def unembargoed() -> Q:
    """Articles readers may see as far as their embargo goes (the rule of ``is_embargoed``, for a queryset)."""
    return Q(embargo_until__isnull=True) | Q(embargo_until__lte=timezone.now())


def embargoed() -> Q:
    return Q(embargo_until__gt=timezone.now())


def goes_live_before_embargo(article) -> bool:
    return is_embargoed(article) and (article.go_live_at is None or article.go_live_at < article.embargo_until)


def hold_for_embargo(article):
    """Move the article's go-live time to its embargo's end when it would go live before it."""
    if goes_live_before_embargo(article):
        article.go_live_at = article.embargo_until


def embargo_end_text(article) -> str:
    """When the embargo ends, in the desk's time, as every admin message says it: "2026-12-03 00:01 UTC"."""
    return f"{timezone.localtime(article.embargo_until):%Y-%m-%d %H:%M %Z}"

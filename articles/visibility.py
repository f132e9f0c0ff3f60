"""What keeps a live article from readers for now: its expiry time has passed (``articles.expiry``)
or its embargo is not over (``articles.embargo``). One rule, in the forms the code asks it in: of
an article at hand, and of a query (either way round)."""

from django.db.models import Q

from .embargo import embargoed, is_embargoed, unembargoed
from .expiry import expired, is_expired, unexpired


def is_hidden_from_readers(article) -> bool:
    return is_expired(article) or is_embargoed(article)


def shown_to_readers() -> Q:
    return unexpired() & unembargoed()


def hidden_from_readers() -> Q:
    """What ``shown_to_readers`` leaves out, asked so that the indexes on ``expire_at`` and
    ``embargo_until`` find them without reading every article."""
    return expired() | embargoed()

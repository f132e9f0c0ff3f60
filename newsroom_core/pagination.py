"""Pages of a listing without counting the whole listing: "Newer" and "Older" need no total.

Django's Paginator runs a COUNT over every matching article on each listing request; fetching
one item more than a page shows whether there is a next page instead. A listing that shows its
total ("12 results", "Page 2 of 3"), as search does, asks ``paginate`` to count.

A listing newest first (``paginate_newest_first``) links its pages by where they start, not by
their number: "Older" is ``?page=3&before=<this page's last story's key>``, "Newer"
``?page=2&after=<its first story's key>``, a story's key being its first publication time and
id. Page 2,000 then costs what page 1 does (the database seeks to the key in its index on the
publication time) instead of walking past 40,000 stories to reach its OFFSET. A bare ``?page=N``
(an old link, a typed address) still works, by offset.
"""

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Q
from django.http import Http404

MAX_PAGE = 100_000  # far past any listing a reader pages through
NEWEST_FIRST = ("-first_published_at", "-id")  # the order of every listing and feed
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
KEY_RE = re.compile(r"(-?\d{1,19})\.(\d{1,19})")  # microseconds since 1970, then the id


@dataclass(frozen=True)
class ListingPage:
    items: list
    number: int
    has_next: bool
    count: int | None = None  # every item of the listing, when it was counted
    num_pages: int | None = None
    # The query strings of this page, of the newer page and of the older one ("": the first page).
    query: str = ""
    previous_query: str = ""
    next_query: str = ""

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    @property
    def next_page_number(self):
        return self.number + 1

    @property
    def previous_page_number(self):
        return self.number - 1

    def url_at(self, listing_url: str) -> str:
        """This page's own address, its canonical URL, for the listing at ``listing_url``: the
        listing's address for the first page (``?page=1`` and no page are one page), with its
        query (``?page=N``, and where it starts in a listing newest first) for the others."""
        return f"{listing_url}?{self.query}" if self.query else listing_url


def page_number(page_param) -> int:
    """``?page=`` as a number: 1 when it is missing or not a number, 404 when it is beyond any
    listing (a huge number would overflow the database's OFFSET and fail instead)."""
    text = str(page_param or "").lstrip("0")
    if not (text.isascii() and text.isdigit()):
        return 1
    if len(text) > len(str(MAX_PAGE)) or int(text) > MAX_PAGE:
        raise Http404("No such page of this listing.")
    return int(text)


def paginate(items, page_param, per_page: int, *, counted: bool = False) -> ListingPage:
    """The ``page_param``-th page (from ``?page=``) of ``items``; 404 past the end.

    ``counted=True`` counts ``items`` too, for the page's ``count`` and ``num_pages``, and pages
    them as Django's ``Paginator.get_page`` does (a number past the end is the last page).
    """
    if counted:
        page = Paginator(items, per_page).get_page(page_param)
        counts = {"count": page.paginator.count, "num_pages": page.paginator.num_pages}
        return ListingPage(list(page.object_list), page.number, page.has_next(), **counts, **numbered(page.number))
    number = page_number(page_param)
    start = (number - 1) * per_page
    found = list(items[start : start + per_page + 1])
    if number > 1 and not found:
        raise Http404("No such page of this listing.")
    return ListingPage(found[:per_page], number, has_next=len(found) > per_page, **numbered(number))


def numbered(number: int) -> dict:
    """The query strings of page ``number`` and its neighbours, by number."""
    return {"query": page_query(number), "previous_query": page_query(number - 1), "next_query": page_query(number + 1)}


def page_query(number: int) -> str:
    return "" if number <= 1 else f"page={number}"


def paginate_newest_first(items, params, per_page: int) -> ListingPage:
    """The page of ``items`` (ordered ``NEWEST_FIRST``) that ``params`` (the request's ``GET``)
    asks for: by ``before`` or ``after`` a story's key, else by ``?page=``; 404 past the end.
    Its "Newer" and "Older" links start from its own first and last stories."""
    number = page_number(params.get("page"))
    nulls_largest = connections[items.db].features.nulls_order_largest
    if before := params.get("before"):
        number = max(number, 2)
        found = beyond(items, older_than(read_key(before)), per_page + 1, nulls_follow=not nulls_largest)
        page = ListingPage(found[:per_page], number, len(found) > per_page, query=f"page={number}&before={before}")
    elif after := params.get("after"):
        found = beyond(items.reverse(), newer_than(read_key(after)), per_page + 1, nulls_follow=nulls_largest)
        number = max(number, 2) if len(found) > per_page else 1  # nothing newer: the first page
        query = f"page={number}&after={after}" if number > 1 else ""
        page = ListingPage(found[:per_page][::-1], number, has_next=True, query=query)
    else:
        page = paginate(items, number, per_page)
    if not page.items and (before or after):
        raise Http404("No such page of this listing.")
    return replace(page, previous_query=newer_page_query(page), next_query=older_page_query(page))


def older_page_query(page: ListingPage) -> str:
    if not page.has_next:
        return ""
    last = page.items[-1]  # a live page made without publishing has no publication time: by number
    return f"page={page.number + 1}&before={item_key(last)}" if last.first_published_at else page_query(page.number + 1)


def newer_page_query(page: ListingPage) -> str:
    if page.number <= 2:  # the first page is the listing's own address
        return ""
    first = page.items[0]
    return (
        f"page={page.number - 1}&after={item_key(first)}" if first.first_published_at else page_query(page.number - 1)
    )


def item_key(item) -> str:
    return f"{(item.first_published_at - EPOCH) // timedelta(microseconds=1)}.{item.pk}"


def read_key(text: str) -> tuple[datetime, int]:
    """A story's key from ``before=``/``after=``; 404 for anything else."""
    match = KEY_RE.fullmatch(text)
    if match is None:
        raise Http404("No such page of this listing.")
    try:
        return EPOCH + timedelta(microseconds=int(match[1])), int(match[2])
    except OverflowError:
        raise Http404("No such page of this listing.") from None


def beyond(items, keyed: Q, count: int, *, nulls_follow: bool) -> list:
    """The first ``count`` of ``items`` past a key (``keyed``), in the listing's order. A live page
    never published through Wagtail has no time, and the database sorts it past every key on one
    side (``nulls_follow``: the smallest on SQLite, newest first; the largest on PostgreSQL, oldest
    first): those are asked for apart, only once the keyed ones run out, so that the keyed query
    stays a range the database seeks in its index instead of a union it must sort."""
    found = list(items.filter(keyed)[:count])
    if nulls_follow and len(found) < count:
        found += items.filter(first_published_at__isnull=True)[: count - len(found)]
    return found


def older_than(key) -> Q:
    """Stories after ``key`` newest first: published earlier, or at the same time with a lower id."""
    moment, pk = key
    return Q(first_published_at__lte=moment) & ~Q(first_published_at=moment, id__gte=pk)


def newer_than(key) -> Q:
    moment, pk = key
    return Q(first_published_at__gte=moment) & ~Q(first_published_at=moment, id__lte=pk)

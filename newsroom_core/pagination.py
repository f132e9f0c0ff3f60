"""Pages of a listing without counting the whole listing: "Newer" and "Older" need no total.

Django's Paginator runs a COUNT over every matching article on each listing request; fetching
one item more than a page shows whether there is a next page instead. A listing that shows its
total ("12 results", "Page 2 of 3"), as search does, asks ``paginate`` to count.

A listing newest first (``paginate_newest_first``) links its pages by where they start, not by
their number: "Older" is ``?page=3&before=<the last story's key>``, "Newer" ``?page=1&after=<the
first story's key>``, a story's key being its first publication time and id. Page 2,000 then
costs what page 1 does (the database seeks to the key in its index on the publication time)
instead of walking past 40,000 stories to reach its OFFSET. A bare ``?page=N`` (an old link, a
typed address) still works, by offset.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.core.paginator import Paginator
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
    # The query strings of this page, the newer one and the older one ("" is the listing itself).
    query: str = field(default=None)
    previous_query: str = field(default=None)
    next_query: str = field(default=None)

    def __post_init__(self):  # numbered pages unless a cursor was given
        numbered = {"query": self.numbered(self.number), "previous_query": self.numbered(self.number - 1),
                    "next_query": self.numbered(self.number + 1)}  # fmt: skip
        for name, value in numbered.items():
            if getattr(self, name) is None:
                object.__setattr__(self, name, value)

    @staticmethod
    def numbered(number: int) -> str:
        return "" if number <= 1 else f"page={number}"

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
        return ListingPage(list(page.object_list), page.number, page.has_next(), **counts)
    number = page_number(page_param)
    start = (number - 1) * per_page
    found = list(items[start : start + per_page + 1])
    if number > 1 and not found:
        raise Http404("No such page of this listing.")
    return ListingPage(items=found[:per_page], number=number, has_next=len(found) > per_page)


def paginate_newest_first(items, params, per_page: int) -> ListingPage:
    """The page of ``items`` (ordered ``NEWEST_FIRST``) that ``params`` (the request's ``GET``)
    asks for: by ``before`` or ``after`` a story's key, else by ``?page=``; 404 past the end."""
    number = page_number(params.get("page"))
    if before := params.get("before"):
        found = list(items.filter(older_than(read_key(before)))[: per_page + 1])
        number = max(number, 2)
        return keyed_page(found[:per_page], number, f"page={number}&before={before}", has_next=len(found) > per_page)
    if after := params.get("after"):
        found = list(items.filter(newer_than(read_key(after))).reverse()[: per_page + 1])
        number = max(number, 2) if len(found) > per_page else 1  # nothing newer: the first page
        query = f"page={number}&after={after}" if number > 1 else ""
        return keyed_page(found[:per_page][::-1], number, query, has_next=True)
    page = paginate(items, number, per_page)
    next_query = f"page={number + 1}&before={item_key(page.items[-1])}" if page.has_next else ""
    return ListingPage(page.items, page.number, page.has_next, next_query=next_query)


def keyed_page(items, number: int, query: str, *, has_next: bool) -> ListingPage:
    """A page found from a story's key, under ``query``; "Newer" and "Older" start from its own
    first and last stories (and "Newer" from page 2 is the listing's own address)."""
    if not items:
        raise Http404("No such page of this listing.")
    previous_query = f"page={number - 1}&after={item_key(items[0])}" if number > 2 else ""
    next_query = f"page={number + 1}&before={item_key(items[-1])}" if has_next else ""
    return ListingPage(items, number, has_next, query=query, previous_query=previous_query, next_query=next_query)


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


def older_than(key) -> Q:
    """Stories after ``key`` newest first: published earlier, or at the same time with a lower id.
    (As a range on the time and an exclusion, so the database can seek in its index.)"""
    moment, pk = key
    return Q(first_published_at__lte=moment) & ~Q(first_published_at=moment, id__gte=pk)


def newer_than(key) -> Q:
    moment, pk = key
    return Q(first_published_at__gte=moment) & ~Q(first_published_at=moment, id__lte=pk)

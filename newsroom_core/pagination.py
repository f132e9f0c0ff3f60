"""Pages of a listing without counting the whole listing: "Newer" and "Older" need no total.

Django's Paginator runs a COUNT over every matching article on each listing request; fetching
one item more than a page shows whether there is a next page instead. A listing that shows its
total ("12 results", "Page 2 of 3"), as search does, asks ``paginate`` to count.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404

MAX_PAGE = 100_000  # far past any listing a reader pages through


@dataclass(frozen=True)
class ListingPage:
    items: list
    number: int
    has_next: bool
    count: int | None = None  # every item of the listing, when it was counted
    num_pages: int | None = None

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
        listing's address for the first page (``?page=1`` and no page are one page), with ``?page=N``
        for the others, each of which lists other articles."""
        return listing_url if self.number == 1 else f"{listing_url}?page={self.number}"


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

"""Pages of a listing without counting the whole listing: "Newer" and "Older" need no total.

Django's Paginator runs a COUNT over every matching article on each listing request; fetching
one item more than a page shows whether there is a next page instead.
"""

from dataclasses import dataclass

from django.http import Http404


@dataclass(frozen=True)
class ListingPage:
    items: list
    number: int
    has_next: bool

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


def paginate(items, page_param, per_page: int) -> ListingPage:
    """The ``page_param``-th page (from ``?page=``) of ``items``; 404 past the end."""
    number = int(page_param) if str(page_param or "").isdigit() and int(page_param) > 0 else 1
    start = (number - 1) * per_page
    found = list(items[start : start + per_page + 1])
    if number > 1 and not found:
        raise Http404("No such page of this listing.")
    return ListingPage(items=found[:per_page], number=number, has_next=len(found) > per_page)

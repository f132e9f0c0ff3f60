"""schema.org JSON-LD for an author: the ``Person`` that the author's page and every article's
``author`` describe alike, and the author's ``ProfilePage``."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from newsroom_core.rich_text_conversion import html_to_text
from newsroom_core.schema_org import SCHEMA_ORG, person

if TYPE_CHECKING:
    from .models import AuthorPage

# The portrait's high-density JPEG, one of the sizes made when the author's page or a story of
# theirs is published (``articles.renditions``), so that reading the JSON-LD never makes one.
PERSON_IMAGE_SPEC = "format-jpeg|fill-320x320"


def author_person(author: AuthorPage, url: str, *, with_description: bool = False) -> dict:
    """``author`` as a schema.org Person. ``url`` is their page's absolute address, "" while the
    page is not live: then only the name is said, as the byline shows it unlinked. The profile's
    page adds the bio as the ``description``; an article's ``author`` leaves it to that page."""
    data = person(author.title, url)
    if not url:
        return data
    found = {
        "sameAs": author.same_as,
        "image": person_image_url(author, url),
        "jobTitle": author.role,
        "knowsLanguage": author.language_codes,
        "knowsAbout": author.beat,
        "description": html_to_text(author.bio) if with_description and author.bio else "",
    }
    return data | {key: value for key, value in found.items() if value}


def person_image_url(author: AuthorPage, page_url: str) -> str:
    """The author's photo, absolute (a photo kept on another host keeps its own address); "" if none."""
    if not author.photo_id:
        return ""
    try:
        rendition = author.photo.get_rendition(PERSON_IMAGE_SPEC)
    except OSError:  # Wagtail's SourceImageIOError: the file is gone from storage
        return ""
    return urljoin(page_url, rendition.url)


def profile_page(author: AuthorPage, full_url: str) -> dict:
    """An author page: a ProfilePage about the Person."""
    about = author_person(author, full_url, with_description=True)
    return {"@context": SCHEMA_ORG, "@type": "ProfilePage", "url": full_url, "mainEntity": about}

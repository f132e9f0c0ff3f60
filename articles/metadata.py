"""The attribution of an article — byline, dates, source credit, copyright — computed once.

The article page, and later the feeds, JSON-LD and API, all read this one object, so they
can never disagree about who wrote a story or who holds its rights.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import prefetch_related_objects

from authors.models import AuthorPage

from .models import ArticlePage, CopyrightNotice, NewsroomSettings


@dataclass(frozen=True)
class BylineAuthor:
    name: str
    url: str  # "" while the author's page is not live
    full_url: str  # the same, absolute
    page: AuthorPage


@dataclass(frozen=True)
class ArticleMetadata:
    headline: str
    description: str
    url: str
    authors: tuple[BylineAuthor, ...]
    published_at: datetime | None
    modified_at: datetime | None
    section: str
    source_name: str
    source_url: str
    copyright: CopyrightNotice | None

    @property
    def byline(self):
        return join_names([author.name for author in self.authors])


def join_names(names):
    """Names the way a byline prints them: "A", "A and B", "A, B and C"."""
    if len(names) < 3:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def build_article_metadata(article: ArticlePage, request=None) -> ArticleMetadata:
    prefetch_related_objects([article], "authors__author")
    if request is not None:
        site_settings = NewsroomSettings.for_request(request)
    else:
        site_settings = NewsroomSettings.for_site(article.get_site())
    authors = tuple(byline_author(link.author, request) for link in article.authors.all())
    return ArticleMetadata(
        headline=article.title,
        description=article.dek or article.search_description,
        url=article.get_full_url(request),
        authors=authors,
        published_at=article.first_published_at,
        modified_at=article.last_published_at,
        section=article.section.name if article.section_id else "",
        source_name=article.source_name,
        source_url=article.source_url,
        copyright=article.copyright_notice or site_settings.copyright_notice,
    )


def byline_author(author: AuthorPage, request) -> BylineAuthor:
    if not author.live:
        return BylineAuthor(name=author.title, url="", full_url="", page=author)
    return BylineAuthor(
        name=author.title, url=author.get_url(request), full_url=author.get_full_url(request), page=author
    )

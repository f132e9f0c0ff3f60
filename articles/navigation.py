"""What every page links to: the site's news index and its sections, in the editors' order, the
authors, the corrections page and the feeds.

The header lists the sections and every section label (the kicker on an article and its cards)
links to its listing; the footer links the rest. Built once per site and shared token of the
content version (it changes with sections and pages, not with articles), so a page pays no query
for it.
"""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Site

from authors.models import AuthorIndexPage

from .caching import SHARED_SECONDS, content_version
from .models import NewsIndexPage, Section
from .urls.feeds import feed_url


@dataclass(frozen=True)
class SectionLink:
    name: str
    slug: str
    url: str


@dataclass(frozen=True)
class Navigation:
    home_url: str  # the news index: "" on a site without one
    sections: tuple[SectionLink, ...]
    authors_url: str = ""  # the authors index, where the site has one
    corrections_url: str = ""
    feed_url: str = ""  # the latest articles' RSS feed

    def section_url(self, section: Section) -> str:
        return next((link.url for link in self.sections if link.slug == section.slug), "")


def site_navigation(request) -> Navigation:
    """The navigation of the request's site: from the cache, else built and kept until content changes."""
    if not hasattr(request, "newsroom_navigation"):
        site = Site.find_for_request(request)
        key = f"newsroom:navigation:{content_version(request).shared_token}:{site.pk if site else None}"
        navigation = cache.get(key)
        if navigation is None:
            navigation = build_navigation(site, request)
            cache.set(key, navigation, SHARED_SECONDS)
        request.newsroom_navigation = navigation
    return request.newsroom_navigation


def build_navigation(site: Site | None, request=None) -> Navigation:
    news_index = NewsIndexPage.for_site(site) if site else None
    if news_index is None:
        return Navigation(home_url="", sections=())
    home_url = news_index.get_url(request) or ""
    sections = tuple(
        SectionLink(section.name, section.slug, home_url + news_index.reverse_subpage("section", args=[section.slug]))
        for section in Section.objects.all()
    )
    authors_index = AuthorIndexPage.objects.live().public().in_site(site).first()
    return Navigation(
        home_url=home_url,
        sections=sections,
        authors_url=(authors_index.get_url(request) or "") if authors_index else "",
        corrections_url=home_url + news_index.reverse_subpage("corrections"),
        feed_url=feed_url("latest", "rss"),
    )

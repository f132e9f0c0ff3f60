"""What every page links to: the site's news index and its sections, in the editors' order, the
authors, the corrections page and the feeds.

The header lists the sections and every section label (the kicker on an article and its cards) links
to its listing; the footer links the rest, each in the language the page is read in. Built once per
site, language and shared token of the content version (it changes with sections and pages, not with
articles), so a page pays no query for it.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Site

from authors.models import AuthorIndexPage
from newsroom_core.locales import i18n_enabled, site_home

from .caching import SHARED_SECONDS, content_version
from .models import NewsIndexPage, Section
from .urls.feeds import feed_url


@dataclass(frozen=True)
class SectionLink:
    name: str
    slug: str
    url: str


@dataclass(frozen=True)
class LanguageLink:
    code: str  # the locale's language code, as hreflang and lang take it: "fr"
    name: str  # the language's name in itself: "français"
    url: str
    is_active: bool = False


@dataclass(frozen=True)
class Navigation:
    home_url: str  # the news index: "" on a site without one
    sections: tuple[SectionLink, ...]
    authors_url: str = ""  # the authors index, where the site has one
    corrections_url: str = ""
    feed_url: str = ""  # the latest articles' RSS feed
    languages: tuple[LanguageLink, ...] = ()  # each language's home, on a site in more than one

    def section_url(self, section: Section) -> str:
        return next((link.url for link in self.sections if link.slug == section.slug), "")


def site_navigation(request) -> Navigation:
    """The navigation of the request's site: from the cache, else built and kept until content changes."""
    if not hasattr(request, "newsroom_navigation"):
        site = Site.find_for_request(request)
        language = translation.get_language()  # each language's home, listings and feed
        key = f"newsroom:navigation:{content_version(request).shared_token}:{site.pk if site else None}:{language}"
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
    authors_index = AuthorIndexPage.objects.live().public().descendant_of(site_home(site)).first()
    return Navigation(
        home_url=home_url,
        sections=sections,
        authors_url=(authors_index.get_url(request) or "") if authors_index else "",
        corrections_url=home_url + news_index.reverse_subpage("corrections"),
        feed_url=feed_url("latest", "rss"),
        languages=language_homes(site, request),
    )


def language_homes(site: Site, request=None) -> tuple[LanguageLink, ...]:
    """The site's home page in each language it publishes in, by language code."""
    if not i18n_enabled():
        return ()
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    links = [
        LanguageLink(
            home.locale.language_code, get_language_info(home.locale.language_code)["name_local"], home.get_url(request)
        )
        for home in homes
    ]
    return tuple(sorted(links, key=lambda link: link.code))

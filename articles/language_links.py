"""A page in the other languages a site publishes in: the ``hreflang`` alternates in its head,
which tell search engines that the French story and the English one are one story, and the
language switcher readers use (``{% newsroom_language_switcher %}``).

Each language's home comes from the site's navigation (``articles.navigation``), built once per
content version; the page's own translations are one query, made only on a site in more than one
language.
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from .models import ArticlePage
from .navigation import LanguageLink, site_navigation
from .visibility import shown_to_readers


def page_translations(page: Page, request) -> dict[str, Page]:
    """``page`` in each language readers may read it in, itself among them, by language code: live
    and public, and for an article past any embargo and expiry. Empty on a site in one language,
    where it has no translation, and on the listings a page routes to (a section of the news index
    is not the index). Asked once per page and request, however many parts of the page show it."""
    if len(site_navigation(request).languages) < 2 or request.path != page.get_url(request):
        return {}
    asked = getattr(request, "newsroom_page_translations", {})
    if page.pk not in asked:
        pages = ArticlePage.objects.filter(shown_to_readers()) if isinstance(page, ArticlePage) else Page.objects
        translations = pages.live().filter(translation_key=page.translation_key).exclude(under_view_restriction())
        translations = translations.select_related("locale")
        found = {translated.locale.language_code: translated for translated in translations}
        asked[page.pk] = dict(sorted(found.items())) if len(found) > 1 else {}
        request.newsroom_page_translations = asked
    return asked[page.pk]


def under_view_restriction() -> Exists:
    """Pages under a view restriction (private, or behind a password), asked inside the query that
    finds them: Wagtail's ``public()`` asks for every restriction first, one query more a page."""
    return Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))


def alternates(page: Page, request) -> list[LanguageLink]:
    """The ``hreflang`` alternates of ``page``, itself among them (they must be reciprocal), and
    ``x-default`` to the one in the site's default language."""
    links = [
        LanguageLink(code, "", translated.get_full_url(request))
        for code, translated in page_translations(page, request).items()
    ]
    default = next((link for link in links if link.code == settings.LANGUAGE_CODE), None)
    return links + ([LanguageLink("x-default", "", default.url)] if default else [])


def language_switcher(page: Page | None, request) -> list[LanguageLink]:
    """The site's languages, each to ``page`` in that language where it has been translated, else
    to that language's home; the language being read is marked. Empty on a site in one language."""
    homes = site_navigation(request).languages
    if len(homes) < 2:
        return []
    translated = page_translations(page, request) if page is not None else {}
    active = translation.get_language()
    return [
        LanguageLink(
            home.code,
            home.name,
            translated[home.code].get_url(request) if home.code in translated else home.url,
            is_active=home.code == active,
        )
        for home in homes
    ]

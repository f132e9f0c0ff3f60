"""The site's languages, made ready by ``setup_newsroom``: a Wagtail locale for each language of
``WAGTAIL_CONTENT_LANGUAGES``, and the news index and authors index translated into each, live,
so that ``/fr/`` is the French front page from the first deploy. Editors translate stories and
author pages from there ("Translate" in the admin).
"""

from django.conf import settings
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale, Page

from authors.models import AuthorIndexPage
from newsroom_core.locales import i18n_enabled

from .models import NewsIndexPage


def add_languages(news_index: NewsIndexPage) -> list[str]:
    """A locale for each content language that has none, and ``news_index`` with its authors index
    translated into each locale that lacks them; what was done, to report. Nothing on a site
    without Wagtail's localisation: its one tree is in the locale Wagtail made at its first
    migration, whatever ``LANGUAGE_CODE`` says now."""
    if not i18n_enabled():
        return []
    done = []
    for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES):
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            done.append(f"added the locale {code!r}")
        if locale.pk == news_index.locale_id:
            continue
        for page in (news_index, *AuthorIndexPage.objects.child_of(news_index)):
            if not page.has_translation(locale):
                publish(
                    CopyPageForTranslationAction(page, locale, copy_parents=True).execute(skip_permission_checks=True)
                )
                done.append(f"translated {page.title!r} into {code!r}")
    return done


def publish(page: Page) -> None:
    """A page copied for translation is a draft: the indexes go live at once, with nothing to translate."""
    page.get_latest_revision().publish()

"""A story translated into another locale (Wagtail's "Translate", ``wagtail.contrib.simple_translation``):
the copy keeps the original's byline, credits, source and rights, and credits its translator.

The translator is the editor who made the copy, credited where an author page carries their name
(their full name, compared as bylines compare names). An editor without one is credited by hand,
in the credits panel, as anyone else.
"""

from django.contrib.auth.models import AbstractBaseUser

from authors.models import AuthorPage
from newsroom_core.names import normalise_name

from .credits import CreditRole
from .models import ArticleCredit, ArticlePage


def translator_page(user: AbstractBaseUser | None) -> AuthorPage | None:
    """The author page of ``user``: the one carrying their full name, the original of its
    translations first."""
    key = normalise_name(user.get_full_name()) if user is not None and user.is_authenticated else ""
    return AuthorPage.objects.filter(name_key=key).order_by("pk").first() if key else None


def credit_translator(translation: ArticlePage, user: AbstractBaseUser | None) -> bool:
    """Add ``user`` to the draft of ``translation`` as its translator, after the original's
    credits; False where they have no author page or are credited so already."""
    translator = translator_page(user)
    if translator is None:
        return False
    draft = translation.get_latest_revision_as_object()
    credits = list(draft.credits.all())
    if any(credit.author_id == translator.pk and credit.role == CreditRole.TRANSLATION for credit in credits):
        return False
    last = max((credit.sort_order or 0 for credit in credits), default=-1)
    draft.credits.add(ArticleCredit(author=translator, role=CreditRole.TRANSLATION, sort_order=last + 1))
    draft.save_revision(user=user)
    return True

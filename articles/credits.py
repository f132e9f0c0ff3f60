"""Who made a story, each person in a role: the writers of the byline, and the credits line's
"Additional reporting by …", "Photos by …", "Edited by …".

The roles and what each says — to readers, to schema.org, to the story file's credit lines —
live here once; the page, the feeds, the JSON-LD and the API read them through
``ArticleMetadata``.
"""

from django.db import models
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from newsroom_core.reader_formats import join_reader_names, join_reader_names_html


class CreditRole(models.TextChoices):
    WRITER = "writer", _("Writer (in the byline)")
    ADDITIONAL_REPORTING = "additional-reporting", _("Additional reporting")
    CONTRIBUTING = "contributing", _("Contributed to the report")
    RESEARCH = "research", _("Research")
    PHOTOGRAPHY = "photography", _("Photography")
    VIDEO = "video", _("Video")
    GRAPHICS = "graphics", _("Graphics")
    EDITING = "editing", _("Editing")
    TRANSLATION = "translation", _("Translation")
    REVIEW = "review", pgettext_lazy("credit role", "Review")


# How the credits line puts each role: "Additional reporting by A and B."; a role not here reads
# "A and B contributed to this report.".
CREDIT_SENTENCES = {
    CreditRole.ADDITIONAL_REPORTING: _("Additional reporting by %(names)s."),
    CreditRole.RESEARCH: _("Research by %(names)s."),
    CreditRole.PHOTOGRAPHY: _("Photos by %(names)s."),
    CreditRole.VIDEO: _("Video by %(names)s."),
    CreditRole.GRAPHICS: _("Graphics by %(names)s."),
    CreditRole.EDITING: _("Edited by %(names)s."),
    CreditRole.TRANSLATION: _("Translated by %(names)s."),
    CreditRole.REVIEW: _("Reviewed by %(names)s."),
}
CONTRIBUTED = _("%(names)s contributed to this report.")

# The schema.org property of a CreativeWork that names a person in each role: the writers are its
# ``author``, an editor its ``editor``, a translator its ``translator``, everyone else a ``contributor``
# (a photographer is also the ``creator`` of the story's images that name none of their own).
SCHEMA_ORG_PROPERTIES = {
    CreditRole.WRITER: "author",
    CreditRole.EDITING: "editor",
    CreditRole.TRANSLATION: "translator",
}
SCHEMA_ORG_CONTRIBUTOR = "contributor"

# The parser's roles (``articles.parsing.credit_lines.CONTRIBUTOR_ROLES``' values) as credits.
PARSED_ROLES = {
    "additional reporting": CreditRole.ADDITIONAL_REPORTING,
    "reporting": CreditRole.ADDITIONAL_REPORTING,  # a second "Reporting by" beside the byline's writers
    "contributing": CreditRole.CONTRIBUTING,
    "research": CreditRole.RESEARCH,
    "photography": CreditRole.PHOTOGRAPHY,
    "video": CreditRole.VIDEO,
    "graphics": CreditRole.GRAPHICS,
    "editing": CreditRole.EDITING,
    "translation": CreditRole.TRANSLATION,
    "review": CreditRole.REVIEW,
}


def schema_org_property(role: str) -> str:
    return SCHEMA_ORG_PROPERTIES.get(role, SCHEMA_ORG_CONTRIBUTOR)


def role_label(role: str) -> str:
    return CreditRole(role).label


def credit_groups(credits) -> list[tuple[str, list]]:
    """``credits`` (each with a ``role``) by role, the roles in the order their first person comes."""
    groups: dict[str, list] = {}
    for credit in credits:
        groups.setdefault(credit.role, []).append(credit)
    return list(groups.items())


def credit_sentence(role: str, names: list[str], is_html: bool = False) -> str:
    """One role's sentence of the credits line: "Photos by A and B.", "C contributed to this report.",
    in the active language, the names joined in its words. With ``is_html``, ``names`` are HTML (each
    escaped) and the words around them are escaped."""
    joined = join_reader_names_html(names) if is_html else join_reader_names(names)
    sentence = str(CREDIT_SENTENCES.get(role, CONTRIBUTED))
    return (conditional_escape(sentence) if is_html else sentence) % {"names": joined}


def credits_text(credits) -> str:
    """The credits line as text: "Additional reporting by Ana Pérez. Photos by Kenji Sato."."""
    return " ".join(
        credit_sentence(role, [person.name for person in people]) for role, people in credit_groups(credits)
    )


def credits_html(credits, name_html) -> SafeString:
    """The credits line as HTML, each person's name made by ``name_html(person)`` (escaped, linked)."""
    sentences = [
        credit_sentence(role, [name_html(person) for person in people], is_html=True)
        for role, people in credit_groups(credits)
    ]
    return mark_safe(" ".join(sentences))  # our own words around names that name_html escaped


def byline_credits(article) -> list:
    """The article's writers, in order, from its credits (loaded with it by ``for_listing`` and
    ``for_reading``: no query more)."""
    return [credit for credit in article.credits.all() if credit.role == CreditRole.WRITER]


def other_credits(article) -> list:
    """Everyone credited on the article but its writers, in order."""
    return [credit for credit in article.credits.all() if credit.role != CreditRole.WRITER]

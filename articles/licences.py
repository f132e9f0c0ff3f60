"""What others may do with a story: the licences an outlet or an article can carry, and which one applies.

A story of our own carries the site's default licence (``NewsroomSettings.licence``); wire and
partner copy the terms of the outlet it is credited to (``Outlet.licence``); an article's own
choice wins over both. ``ArticleMetadata.rights`` holds the outcome for the page, the feeds, the
JSON-LD and the API; the publication check refuses a story whose licence forbids publishing it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .source_credit import SourceRelationship

CREATIVE_COMMONS = "https://creativecommons.org/licenses/"
LICENSED_UNDER = _("Licensed under %(licence)s.")


class Licence(models.TextChoices):
    """The label is what editors pick from; ``short_name`` and ``url`` are what readers and machines get."""

    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved (ask us for a licence)")
    NO_REPUBLICATION = "no-republication", _("May not be republished")
    NOT_FOR_PUBLICATION = "not-for-publication", _("Not for publication (publishing is refused)")
    CC_BY = "cc-by", _("Creative Commons Attribution 4.0 (CC BY)")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA)")
    CC_BY_ND = "cc-by-nd", _("Creative Commons Attribution-NoDerivatives 4.0 (CC BY-ND)")
    CC_BY_NC = "cc-by-nc", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC)")
    CC_BY_NC_SA = "cc-by-nc-sa", _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA)")
    CC_BY_NC_ND = "cc-by-nc-nd", _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 (CC BY-NC-ND)")

    @property
    def is_creative_commons(self) -> bool:
        return self.value.startswith("cc-")

    @property
    def allows_republication(self) -> bool:
        """Whether anyone may republish the story under the licence: a "Republish this story" box."""
        return self.is_creative_commons

    @property
    def allows_publication(self) -> bool:
        return self is not Licence.NOT_FOR_PUBLICATION

    @property
    def url(self) -> str:
        """The licence's deed ("https://creativecommons.org/licenses/by-nd/4.0/"); "" for the others."""
        return f"{CREATIVE_COMMONS}{self.value.removeprefix('cc-')}/4.0/" if self.is_creative_commons else ""

    @property
    def short_name(self) -> str:
        """As readers see it: "CC BY-ND 4.0", "All rights reserved"."""
        if self.is_creative_commons:
            return f"CC {self.value.removeprefix('cc-').upper()} 4.0"
        return str(LICENCE_NAMES[self])

    @property
    def statement(self) -> str:
        """What a feed's rights line adds to the copyright notice, which says "All rights reserved" itself."""
        if self.is_creative_commons:
            return LICENSED_UNDER % {"licence": self.short_name}
        return "" if self is Licence.ALL_RIGHTS_RESERVED else f"{self.short_name}."


LICENCE_NAMES = {
    Licence.ALL_RIGHTS_RESERVED: _("All rights reserved"),
    Licence.NO_REPUBLICATION: _("May not be republished"),
    Licence.NOT_FOR_PUBLICATION: _("Not for publication"),
}
# A site's default: its own stories are for publication, whatever wire copy's terms say.
SITE_LICENCES = [(value, label) for value, label in Licence.choices if value != Licence.NOT_FOR_PUBLICATION]


def credited_licence(article) -> Licence | None:
    """The licence ``article`` chooses itself or takes from its credited outlet; None when the site's
    default applies."""
    if article.licence:
        return Licence(article.licence)
    if is_licensed_by_outlet(article):
        return Licence(article.source.licence or Licence.ALL_RIGHTS_RESERVED)
    return None


def is_licensed_by_outlet(article) -> bool:
    """Whether ``article``'s credited outlet, not the site, says what may be done with it: the
    outlet's terms hold for its wire copy and its stories first published there — all rights
    reserved when it has none, as they are not the site's to give away — and, where it has a
    licence, for a story that draws on its reporting too. "Additional reporting by" is ours."""
    if not article.source_id or article.source_relationship == SourceRelationship.ADDITIONAL_REPORTING:
        return False
    return bool(article.source.licence) or SourceRelationship(article.source_relationship).is_outlets_copy

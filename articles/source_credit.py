"""How a story's credited outlet stands to it, and how readers see the credit."""

from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .parsing import ORIGINAL, VIA, WIRE


class SourceRelationship(models.TextChoices):
    """How the credited outlet stands to the story; the label is what readers see."""

    VIA = VIA, pgettext_lazy("source credit", "Source")
    ORIGINALLY_PUBLISHED_BY = ORIGINAL, _("Originally published by")
    WIRE = WIRE, _("Wire service")
    ADDITIONAL_REPORTING = "additional", _("Additional reporting by")

    @property
    def lead(self) -> str:
        """What goes before the outlet's name: "Source:", "Wire service:", "Originally published by"."""
        if self in {SourceRelationship.VIA, SourceRelationship.WIRE}:
            return gettext("%(label)s:") % {"label": self.label}
        return str(self.label)

    @property
    def is_outlets_copy(self) -> bool:
        """Whether the story is the outlet's own text (wire copy, a story first published there),
        not ours drawing on its reporting."""
        return self in {SourceRelationship.WIRE, SourceRelationship.ORIGINALLY_PUBLISHED_BY}


def credit_text(relationship: str, outlet_name: str) -> str:
    """The credit as readers see it: "Source: Fox News", "Originally published by Fox News"."""
    return f"{SourceRelationship(relationship).lead} {outlet_name}"

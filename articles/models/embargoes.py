"""The embargo on an article: the time before which no reader may see it (rules in ``articles.embargo``)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..embargo import embargo_end_text, hold_for_embargo, is_embargoed


class EmbargoMixin(models.Model):
    embargo_until = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Not for readers before this time: publishing schedules the story for it, and nothing public "
            "shows it sooner."
        ),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        hold_for_embargo(self)

    def get_admin_display_title(self):
        """The headline, and the embargo while it lasts: every list of pages in the admin shows it."""
        title = super().get_admin_display_title()
        if not is_embargoed(self):
            return title
        return gettext("%(title)s (embargoed until %(time)s)") % {"title": title, "time": embargo_end_text(self)}

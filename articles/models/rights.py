"""An article's own republication licence and usage terms, beside its credited outlet's and the site's."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from ..licences import Licence


class ArticleRights(models.Model):
    licence = models.CharField(
        _("republication licence"),
        max_length=30,
        choices=Licence.choices,
        blank=True,
        help_text=_(
            "Leave empty for the credited outlet's terms (wire and partner copy), else the site's default. "
            "A Creative Commons licence offers readers a “Republish this story” box."
        ),
    )
    usage_terms = models.TextField(
        blank=True,
        help_text=_(
            "The terms others' copy comes with (“Mandatory credit”, “No archiving”), as republishers "
            "read them. Leave empty for the credited outlet's."
        ),
    )

    class Meta:
        abstract = True


RIGHTS_PANEL = MultiFieldPanel([FieldPanel("licence"), FieldPanel("usage_terms")], heading=_("Rights"))

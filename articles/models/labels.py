"""The label on an article — what kind of story it is, and who sponsored it (rules in ``articles.labels``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..labels import ContentLabel

LABEL_PANEL = MultiFieldPanel(
    [FieldPanel("label"), FieldRowPanel([FieldPanel("sponsor_name"), FieldPanel("sponsor_url")])],
    heading=pgettext_lazy("content label", "Label"),
)


class ContentLabelMixin(models.Model):
    label = models.CharField(
        max_length=20,
        choices=ContentLabel.choices,
        default=ContentLabel.NEWS,
        help_text=_("Shown above the headline and on cards (News is not), and told to feeds and search engines."),
    )
    sponsor_name = models.CharField(
        _("sponsor"),
        max_length=200,
        blank=True,
        help_text=_("Who paid for a sponsored story: readers are always told."),
    )
    sponsor_url = models.URLField(_("sponsor's website"), blank=True, help_text=_("Linked from the sponsor's name."))

    class Meta:
        abstract = True

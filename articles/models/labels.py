"""The label on an article — what kind of story it is, and who sponsored it (rules in ``articles.labels``)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..labels import ContentLabel

LABEL_PANEL = MultiFieldPanel(
    [FieldPanel("label"), FieldRowPanel([FieldPanel("sponsor_name"), FieldPanel("sponsor_url")])],
    heading="Label",
)


class ContentLabelMixin(models.Model):
    label = models.CharField(
        max_length=20,
        choices=ContentLabel.choices,
        default=ContentLabel.NEWS,
        help_text="Shown above the headline and on cards (News is not), and told to feeds and search engines.",
    )
    sponsor_name = models.CharField(
        "sponsor", max_length=200, blank=True, help_text="Who paid for a sponsored story: readers are always told."
    )
    sponsor_url = models.URLField("sponsor's website", blank=True, help_text="Linked from the sponsor's name.")

    class Meta:
        abstract = True

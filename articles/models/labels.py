"""The label on an article — what kind of story it is, and who sponsored it (rules in ``articles.labels``)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField

from ..api_fields import AttributionField
from ..labels import ContentLabel

LABEL_PANEL = MultiFieldPanel(
    [FieldPanel("label"), FieldRowPanel([FieldPanel("sponsor_name"), FieldPanel("sponsor_url")])],
    heading="Label",
)
LABEL_API_FIELDS = [
    APIField("label", serializer=AttributionField("label")),
    APIField("sponsor", serializer=AttributionField("sponsor")),
]


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

    def __init_subclass__(cls, **kwargs):
        """A labelled page type gets the label's panel just above its headline and the label's API
        fields, whatever panels and fields it declares itself (``ArticlePage`` declares both)."""
        super().__init_subclass__(**kwargs)
        panels = cls.__dict__.get("content_panels")
        if panels is not None and LABEL_PANEL not in panels:
            titles = [i for i, panel in enumerate(panels) if getattr(panel, "field_name", "") == "title"]
            # In place: the editor's Content tab (``edit_handler``) holds this same list.
            panels.insert(titles[0] if titles else 0, LABEL_PANEL)
        api_fields = cls.__dict__.get("api_fields")
        if api_fields is not None:
            cls.api_fields = [*api_fields, *(f for f in LABEL_API_FIELDS if f not in api_fields)]

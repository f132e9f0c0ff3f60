"""Newsroom's settings for each site, edited under Settings in the admin."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .snippets import CopyrightNotice


@register_setting(icon="doc-full")
class NewsroomSettings(BaseSiteSetting):
    publisher_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The organisation that publishes the site, named to search engines (default: the site name).",
    )
    copyright_notice = models.ForeignKey(
        CopyrightNotice,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the footer of every page, and on articles that carry no notice of their own.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The publisher's logo, shown by feed readers and search engines.",
    )

    panels = [FieldPanel("publisher_name"), FieldPanel("logo"), FieldPanel("copyright_notice")]
    select_related = ["copyright_notice", "logo"]  # read on every page: fetched with the settings

    class Meta:
        verbose_name = "newsroom settings"

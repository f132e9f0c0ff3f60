"""Newsroom's settings for each site, edited under Settings in the admin."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

from ..licences import SITE_LICENCES, Licence
from .policies import POLICY_KINDS, Policy, policy_field, published_policies
from .snippets import CopyrightNotice


@register_setting(icon="doc-full")
class NewsroomSettings(BaseSiteSetting):
    publisher_name = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The organisation that publishes the site, named to search engines (default: the site name)."),
    )
    copyright_notice = models.ForeignKey(
        CopyrightNotice,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the footer of every page, and on articles that carry no notice of their own."),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publisher's logo, shown by feed readers and search engines."),
    )
    licence = models.CharField(
        _("republication licence"),
        max_length=30,
        choices=SITE_LICENCES,
        default=Licence.ALL_RIGHTS_RESERVED,
        help_text=_(
            "The licence of the site's own stories. Wire and partner copy carries its outlet's terms; "
            "an article may choose its own."
        ),
    )
    licence_page = models.URLField(
        _("where to ask for a licence"),
        blank=True,
        help_text=_("A page telling others how to license the site's stories, named to search engines."),
    )

    breaking_news = models.CharField(
        _("breaking news"),
        max_length=200,
        blank=True,
        help_text=_("A line across the top of the front page, linking to the story below. Empty: no banner."),
    )
    breaking_news_story = models.ForeignKey(
        "newsroom_articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("story"),
        help_text=_("Shown only while readers may see it."),
    )
    breaking_news_until = models.DateTimeField(
        _("show until"),
        null=True,
        blank=True,
        help_text=_("The banner goes by itself at this time. Empty: until you clear it."),
    )

    publishing_principles = policy_field("publishing_principles")
    corrections_policy = policy_field("corrections_policy")
    ethics_policy = policy_field("ethics_policy")
    masthead = policy_field("masthead")
    ownership_funding = policy_field("ownership_funding")
    feedback_policy = policy_field("feedback_policy")
    fact_checking_policy = policy_field("fact_checking_policy")
    unnamed_sources_policy = policy_field("unnamed_sources_policy")

    panels = [
        FieldPanel("publisher_name"),
        FieldPanel("logo"),
        FieldPanel("copyright_notice"),
        MultiFieldPanel([FieldPanel("licence"), FieldPanel("licence_page")], heading=_("Rights")),
        MultiFieldPanel(
            [FieldPanel("breaking_news"), FieldPanel("breaking_news_story"), FieldPanel("breaking_news_until")],
            heading=_("Breaking news"),
        ),
        MultiFieldPanel(
            [FieldPanel(kind.field_name) for kind in POLICY_KINDS],
            heading=_("Trust and policies"),
            help_text=_("Pages under the news index that tell readers how the newsroom works."),
        ),
    ]
    select_related = ["copyright_notice", "logo"]  # read on every page: fetched with the settings

    class Meta:
        verbose_name = _("newsroom settings")

    def published_policies(self) -> tuple[Policy, ...]:
        """The chosen policies readers may see (``articles.models.policies.published_policies``),
        worked out once per settings object: the reader cache keeps them with the settings."""
        chosen = tuple(getattr(self, f"{kind.field_name}_id") for kind in POLICY_KINDS)
        memo = self.__dict__.get("_newsroom_policies")
        if memo is None or memo[0] != chosen:
            memo = self.__dict__["_newsroom_policies"] = (chosen, published_policies(self))
        return memo[1]

    def breaking_news_is_on(self) -> bool:
        """Whether the banner has a line to show and its time has not run out (its story aside)."""
        return bool(self.breaking_news) and (
            self.breaking_news_until is None or self.breaking_news_until > timezone.now()
        )

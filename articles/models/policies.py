"""The publisher's policies — publishing principles, corrections, ethics, masthead … — as pages.

Editors write each policy as a ``PolicyPage`` and name it in the site's Newsroom settings; the
footer links the live ones, and the publisher's JSON-LD names each under its schema.org property,
as the Trust Project's indicators ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from newsroom_core.page_mixin import NewsroomPageMixin

if TYPE_CHECKING:
    from .site_settings import NewsroomSettings

LINKED_WHILE_LIVE = _("Linked in the footer and named to search engines while the page is live and public.")
POLICY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class PolicyPage(NewsroomPageMixin, Page):
    """One of the publisher's policies, or its masthead: a page of rich text under the news index."""

    body = RichTextField(features=POLICY_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    api_fields = [APIField("body")]
    parent_page_types = ["newsroom_articles.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("policy page")


@dataclass(frozen=True)
class PolicyKind:
    field_name: str  # the site setting that names the page
    schema_property: str  # the publisher's schema.org property for the page's address
    label: str
    help_text: str


POLICY_KINDS = (
    PolicyKind(
        "publishing_principles",
        "publishingPrinciples",
        _("publishing principles"),
        _("What the newsroom stands for and the standards its journalism keeps."),
    ),
    PolicyKind(
        "corrections_policy",
        "correctionsPolicy",
        _("corrections policy"),
        _("How the newsroom corrects its mistakes; also linked beside every story's corrections."),
    ),
    PolicyKind("ethics_policy", "ethicsPolicy", _("ethics policy"), _("The rules the newsroom's journalists follow.")),
    PolicyKind("masthead", "masthead", _("masthead"), _("Who runs the newsroom: its editors and managers.")),
    PolicyKind(
        "ownership_funding",
        "ownershipFundingInfo",
        _("ownership and funding"),
        _("Who owns the newsroom and where its money comes from."),
    ),
    PolicyKind(
        "feedback_policy",
        "actionableFeedbackPolicy",
        _("how to send feedback"),
        _("How readers reach the newsroom with a question, a complaint or a tip, and what happens next."),
    ),
    PolicyKind(
        "fact_checking_policy",
        "verificationFactCheckingPolicy",
        _("fact-checking policy"),
        _("How the newsroom checks facts before and after it publishes."),
    ),
    PolicyKind(
        # schema.org's term: the Trust Project's "unnamed sources" indicator
        "unnamed_sources_policy",
        "unnamedSourcesPolicy",
        _("unnamed sources policy"),
        _("When the newsroom relies on sources it does not name, and how it tells readers."),
    ),
)


@dataclass(frozen=True)
class Policy:
    """A policy as readers and search engines get it: a live, public page's title and address."""

    kind: str  # a PolicyKind's field_name
    schema_property: str
    title: str
    url: str  # relative on the page's own site
    full_url: str


def policy_field(field_name: str) -> models.ForeignKey:
    kind = next(kind for kind in POLICY_KINDS if kind.field_name == field_name)
    return models.ForeignKey(
        PolicyPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=kind.label,
        help_text=format_lazy("{} {}", kind.help_text, LINKED_WHILE_LIVE),
    )


def published_policies(site_settings: NewsroomSettings) -> tuple[Policy, ...]:
    """The policies ``site_settings`` names whose pages readers may see —
    live, and not private — in ``POLICY_KINDS`` order: two queries, none when no policy is chosen."""
    chosen = [(kind, getattr(site_settings, f"{kind.field_name}_id")) for kind in POLICY_KINDS]
    ids = {pk for _, pk in chosen if pk}
    pages = Page.objects.live().public().filter(pk__in=ids).in_bulk() if ids else {}
    policies = []
    for kind, pk in chosen:
        url_parts = pages[pk].get_url_parts() if pk in pages else None
        if url_parts is None or url_parts[1] is None:  # not chosen, not for readers, or not routable
            continue
        site_id, root_url, path = url_parts
        url = path if site_id == site_settings.site_id else root_url + path
        policies.append(Policy(kind.field_name, kind.schema_property, pages[pk].title, url, root_url + path))
    return tuple(policies)

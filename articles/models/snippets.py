"""Records editors keep as snippets and reuse across articles: sections, outlets, copyright notices, corrections."""

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.snippets.models import register_snippet

from ..licences import Licence
from ..parsing import Copyright


class NamedRecord(models.Model):
    """A record readers see by its name, with an address slug made from the name when left empty."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_("Used in the address; made from the name when left empty."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or self.free_slug()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.slug = self.slug or self.free_slug()

    def free_slug(self) -> str:
        """The name as a slug, in its own alphabet ("Économie" → "économie"), numbered if taken."""
        max_length = self._meta.get_field("slug").max_length
        base = slugify(self.name, allow_unicode=True)[: max_length - 4].strip("-") or self._meta.model_name
        taken = set(type(self).objects.exclude(pk=self.pk).filter(slug__startswith=base).values_list("slug", flat=True))
        return next(slug for slug in (base, *(f"{base}-{n}" for n in range(2, len(taken) + 3))) if slug not in taken)


@register_snippet
class Section(NamedRecord):
    description = models.TextField(blank=True)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    sort_order_field = "sort_order"  # editors order the sections in the snippets list
    panels = [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def save(self, *args, **kwargs):
        if self.sort_order is None:  # a new section goes last
            self.sort_order = (Section.objects.aggregate(last=models.Max("sort_order"))["last"] or 0) + 1
        super().save(*args, **kwargs)


@register_snippet
class Outlet(NamedRecord):
    """A news outlet stories are credited to ("…, reports Fox News."): one record, reused."""

    name = models.CharField(max_length=200, unique=True)
    url = models.URLField(_("address"), blank=True, help_text=_("The outlet's home page, linked from the credit."))
    licence = models.CharField(
        _("republication licence"),
        max_length=30,
        choices=Licence.choices,
        blank=True,
        help_text=_(
            "What may be done with the outlet's copy. Empty: all rights reserved for its wire copy and "
            "stories first published there; the site's default for stories that only draw on its reporting."
        ),
    )
    usage_terms = models.TextField(
        blank=True, help_text=_("The terms its copy comes with, as the wire's contract or its advisories state them.")
    )
    licence_page = models.URLField(
        _("where to ask for a licence"), blank=True, help_text=_("The outlet's page for licensing its stories.")
    )

    panels = [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("url"),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("usage_terms"), FieldPanel("licence_page")], heading=_("Rights")
        ),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="unique_outlet_name_ignoring_case")]


@register_snippet
class CopyrightNotice(models.Model):
    """Who holds the rights to an article: "© 2026 Newsmax. All rights reserved."."""

    holder = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("Leave empty to show the current year."))
    statement = models.CharField(max_length=500, blank=True, default="All rights reserved.")

    panels = [FieldPanel("holder"), FieldPanel("year"), FieldPanel("statement")]

    class Meta:
        ordering = ["holder", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["holder", "year", "statement"], name="unique_copyright_notice"),
        ]

    def __str__(self):
        return self.text

    @property
    def display_year(self):
        return self.year or timezone.localdate().year

    @property
    def text(self):
        return Copyright(self.holder, self.display_year, self.statement).notice


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", pgettext_lazy("correction kind", "Update")


class Correction(models.Model):
    """A correction, clarification or update to an article, shown under its body.

    Kept outside the page's revisions on purpose: adding one takes effect at once, without
    publishing the article's body again, and moves the article's modified time.
    """

    article = models.ForeignKey("ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION)
    text = models.TextField(help_text=_("What was wrong and what is right, as readers will read it."))
    published_at = models.DateTimeField(_("date"), default=timezone.now)

    panels = [
        FieldPanel("article"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("published_at"),
    ]

    class Meta:
        ordering = ["published_at", "pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")

    def __str__(self):
        return f"{self.get_kind_display()} to “{self.article.title}”, {self.published_at:%Y-%m-%d}"

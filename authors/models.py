from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from newsroom_core.app_settings import newsroom_setting
from newsroom_core.models import WebAddressField
from newsroom_core.names import name_skeleton, normalise_name
from newsroom_core.page_mixin import NewsroomPageMixin
from newsroom_core.pagination import paginate_newest_first
from newsroom_core.rich_text_conversion import html_to_text

from .profiles import (
    ContributorType,
    Platform,
    ProfileLink,
    is_public_by_default,
    normalise_languages,
    parse_languages,
    profile_link,
    validate_https_url,
    validate_languages,
    validate_profile_url,
    website_name,
)
from .structured_data import profile_page

BIO_FEATURES = ["bold", "italic", "link"]


class AuthorIndexPage(NewsroomPageMixin, Page):
    """The authors section (``/authors/``): every author with a live bio page."""

    intro = RichTextField(blank=True, features=BIO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["newsroom_authors.AuthorPage"]
    max_count_per_parent = 1

    def route(self, request, path_components):
        """Serve an author page with its photo and the photo's sizes in two queries."""
        if len(path_components) == 1:
            authors = AuthorPage.objects.child_of(self).filter(slug=path_components[0])
            author = authors.select_related("photo").prefetch_related("photo__renditions").first()
            if author is not None:
                return author.route(request, [])
        return super().route(request, path_components)

    @property
    def meta_description(self):
        """For search engines: the editor's description, else what the page is."""
        return self.search_description or gettext("Our journalists, each with their bio and their stories.")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        authors = AuthorPage.objects.child_of(self).live().public().order_by("title")
        listed = list(authors.select_related("photo").prefetch_related("photo__renditions"))
        # Our own journalists first; guests and wire reporters who have a page after them.
        context["authors"] = [author for author in listed if is_public_by_default(author.contributor_type)]
        context["contributors"] = [author for author in listed if not is_public_by_default(author.contributor_type)]
        return context


class AuthorPage(NewsroomPageMixin, Page):
    """An author's bio page; the page title is the author's name as printed in bylines."""

    contributor_type = models.CharField(
        _("contributor type"),
        max_length=20,
        choices=ContributorType.choices,
        default=ContributorType.STAFF,
        help_text=_(
            "Staff and freelancers are listed first among the authors. A guest's or a wire reporter's "
            "page is kept as a draft unless an editor publishes it; until then their name is shown unlinked."
        ),
    )
    role = models.CharField(_("job title"), max_length=200, blank=True, help_text=_('For example "Senior writer".'))
    beat = models.CharField(
        _("beat"), max_length=200, blank=True, help_text=_('What they cover, for example "Courts and justice".')
    )
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        validators=[validate_languages],
        help_text=_('The languages they report in, as language codes: "en, es, pt-BR".'),
    )
    bio = RichTextField(blank=True, features=BIO_FEATURES)
    photo = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(blank=True, help_text=_("Shown to readers as a contact link."))
    website = WebAddressField(
        _("website"),
        max_length=500,
        blank=True,
        validators=[validate_https_url],
        help_text=_("Their own site, linked from their page (https:// only)."),
    )
    # The profile links as the published page has them, written on save from ``profiles`` (as
    # ``name_key`` is from the name): the author page, an article's JSON-LD and the API read them
    # with the author's row, in no query more, as the pages' query budgets ask (test_performance).
    profile_links = models.JSONField(default=list, blank=True, editable=False)
    name_key = models.CharField(
        max_length=255,
        db_index=True,
        editable=False,
        help_text=_("The name folded for matching bylines: case, spacing and accents ignored."),
    )
    name_skeleton = models.CharField(
        max_length=255,
        db_index=True,
        editable=False,
        help_text=_("What the name looks like (Unicode's confusables), to tell look-alike names apart."),
    )

    content_panels = [
        FieldPanel("title", heading=_("Name")),
        MultiFieldPanel(
            [FieldPanel("contributor_type"), FieldPanel("role"), FieldPanel("beat"), FieldPanel("languages")],
            heading=_("Who they are"),
        ),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("email")], heading=_("Photo and contact")),
        MultiFieldPanel(
            [FieldPanel("website"), InlinePanel("profiles", label=_("Social profile"))],
            heading=_("Website and social profiles"),
        ),
    ]
    search_auto_update = False  # indexed by articles.indexing: once per import, not once per save
    search_fields = Page.search_fields + [index.SearchField("bio"), index.AutocompleteField("title")]
    api_fields = [
        APIField("role"),
        APIField("bio"),
        APIField("contributor_type"),  # not "type": the API's meta already says the page's type
        APIField("beat"),
        APIField("languages", serializer=serializers.ListField(source="language_codes", read_only=True)),
        APIField("website"),
        APIField("profiles", serializer=serializers.JSONField(source="profile_links", read_only=True)),
    ]
    parent_page_types = ["newsroom_authors.AuthorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("author")

    @property
    def name(self):
        return self.title

    @property
    def contributor_label(self) -> str:
        """What kind of contributor a non-staff author is, as readers see it ("Guest contributor"); "" for staff."""
        if self.contributor_type == ContributorType.STAFF:
            return ""
        return ContributorType(self.contributor_type).label

    @property
    def language_codes(self) -> list[str]:
        return parse_languages(self.languages)

    @property
    def language_names(self) -> list[str]:
        """The languages by name where Django knows them ("Brazilian Portuguese"), else by code."""
        return [language_name(code) for code in self.language_codes]

    @property
    def links(self) -> list[ProfileLink]:
        """The website, then the profiles in the editor's order, each named as its link reads."""
        website = [ProfileLink(website_name(self.website), self.website)] if self.website else []
        return website + [profile_link(link["platform"], link["url"]) for link in self.profile_links]

    @property
    def same_as(self) -> list[str]:
        """Every address that is this author elsewhere: schema.org's ``sameAs``, and ``rel="me"``."""
        return [link.url for link in self.links]

    @property
    def has_bio(self):
        """A bio with words in it: an editor who empties the bio field may leave an empty paragraph."""
        return bool(html_to_text(self.bio))

    @property
    def meta_description(self):
        """For search engines: the editor's description, else the author's name and role."""
        if self.search_description:
            return self.search_description
        return f"{self.title}, {self.role}" if self.role else gettext("Articles by %(name)s") % {"name": self.title}

    def save(self, *args, **kwargs):
        self.name_key = normalise_name(self.title)
        self.name_skeleton = name_skeleton(self.title)
        self.languages = normalise_languages(self.languages)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "profile_links" in update_fields:
            self.profile_links = self.collect_profile_links()
        super().save(*args, **kwargs)

    def collect_profile_links(self) -> list[dict]:
        """The profiles as the edit form or a revision being published left them in memory."""
        return [{"platform": profile.platform, "url": profile.url} for profile in self.profiles.all()]

    def serve_preview(self, request, *args, **kwargs):
        self.profile_links = self.collect_profile_links()  # the draft's, not those last published
        return super().serve_preview(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An author may also write for another site, and in another language: not listed here.
        site = Site.find_for_request(request)
        # Looked up, not imported: the articles app imports this one (bylines name authors).
        article_model = apps.get_model("newsroom_articles", "ArticlePage")
        articles = article_model.objects.visible_to_readers().in_site_language(site).by_author(self).for_listing()
        context["articles"] = listed = paginate_newest_first(articles, request.GET, newsroom_setting("PAGE_SIZE"))
        context["canonical_url"] = listed.url_at(self.get_full_url(request))
        context["structured_data"] = profile_page(self, self.get_full_url(request))
        return context


class AuthorPageProfile(Orderable):
    """One of an author's social profiles, in the order their page lists them."""

    page = ParentalKey(AuthorPage, on_delete=models.CASCADE, related_name="profiles")
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    url = WebAddressField(_("address"), max_length=500)

    panels = [FieldPanel("platform"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social profile")

    def clean(self):
        if self.platform and self.url:
            try:
                validate_profile_url(self.platform, self.url)
            except ValidationError as error:
                raise ValidationError({"url": error}) from error


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code.lower())["name_translated"])
    except KeyError:
        return code

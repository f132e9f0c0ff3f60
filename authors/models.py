from django.apps import apps
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page, Site
from wagtail.search import index

from newsroom_core.app_settings import newsroom_setting
from newsroom_core.names import name_skeleton, normalise_name
from newsroom_core.page_mixin import NewsroomPageMixin
from newsroom_core.pagination import paginate_newest_first
from newsroom_core.rich_text_conversion import html_to_text

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
        return self.search_description or "Our journalists, each with their bio and their stories."

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        authors = AuthorPage.objects.child_of(self).live().public().order_by("title")
        context["authors"] = authors.select_related("photo").prefetch_related("photo__renditions")
        return context


class AuthorPage(NewsroomPageMixin, Page):
    """An author's bio page; the page title is the author's name as printed in bylines."""

    role = models.CharField(max_length=200, blank=True, help_text='For example "Senior writer".')
    bio = RichTextField(blank=True, features=BIO_FEATURES)
    photo = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(blank=True, help_text="Shown to readers as a contact link.")
    name_key = models.CharField(
        max_length=255,
        db_index=True,
        editable=False,
        help_text="The name folded for matching bylines: case, spacing and accents ignored.",
    )
    name_skeleton = models.CharField(
        max_length=255,
        db_index=True,
        editable=False,
        help_text="What the name looks like (Unicode's confusables), to tell look-alike names apart.",
    )

    content_panels = [
        FieldPanel("title", heading="Name"),
        FieldPanel("role"),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("email")], heading="Photo and contact"),
    ]
    search_auto_update = False  # indexed by articles.indexing: once per import, not once per save
    search_fields = Page.search_fields + [index.SearchField("bio"), index.AutocompleteField("title")]
    api_fields = [APIField("role"), APIField("bio")]
    parent_page_types = ["newsroom_authors.AuthorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "author"

    @property
    def name(self):
        return self.title

    @property
    def has_bio(self):
        """A bio with words in it: an editor who empties the bio field may leave an empty paragraph."""
        return bool(html_to_text(self.bio))

    @property
    def meta_description(self):
        """For search engines: the editor's description, else the author's name and role."""
        if self.search_description:
            return self.search_description
        return f"{self.title}, {self.role}" if self.role else f"Articles by {self.title}"

    def save(self, *args, **kwargs):
        self.name_key = normalise_name(self.title)
        self.name_skeleton = name_skeleton(self.title)
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)  # an author may also write for another site: not listed here
        # Looked up, not imported: the articles app imports this one (bylines name authors).
        article_model = apps.get_model("newsroom_articles", "ArticlePage")
        articles = article_model.objects.visible_to_readers().in_site(site).by_author(self).for_listing()
        context["articles"] = listed = paginate_newest_first(articles, request.GET, newsroom_setting("PAGE_SIZE"))
        context["canonical_url"] = listed.url_at(self.get_full_url(request))
        context["structured_data"] = profile_page(self, self.get_full_url(request))
        return context

"""The page types: the news index (the front page and its listings) and the article."""

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.models import Tag
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, Site, get_page_models
from wagtail.search import index
from wagtail.url_routing import RouteResult

from authors.models import AuthorIndexPage
from newsroom_core.app_settings import newsroom_setting
from newsroom_core.locales import site_home
from newsroom_core.page_mixin import NewsroomPageMixin
from newsroom_core.pagination import paginate, paginate_newest_first

from .. import converters
from ..admin_panels import CorrectionsPanel, PublicationChecklistPanel, StoryImportsPanel
from ..api_fields import ARTICLE_API_FIELDS
from ..blocks import ArticleBodyBlock
from ..expiry import is_expired
from ..metadata import ArticleMetadata, build_article_metadata, build_publisher, listing_description, tag_title
from ..source_credit import SourceRelationship
from ..structured_data import news_article, website
from ..tombstones import tombstone_response
from ..visibility import is_hidden_from_readers
from .bylines import ArticlePageTag
from .embargoes import EmbargoMixin
from .front_page import MAX_PINS
from .labels import LABEL_PANEL, ContentLabelMixin
from .languages import ArticleLanguageMixin
from .querysets import ArticlePageManager, reading_prefetches
from .rights import RIGHTS_PANEL, ArticleRights
from .site_settings import NewsroomSettings
from .snippets import CopyrightNotice, Correction, Outlet, Section

RELATED_STORIES = 4  # under an article
CORRECTIONS_PATH = "corrections"  # the news index's corrections page, before any story of that slug


class NewsIndexPage(NewsroomPageMixin, RoutablePageMixin, Page):
    """The front page of the news: the latest articles, and listings by section and tag."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "pinned_stories",
            label=_("Pinned stories"),
            max_num=MAX_PINS,
            help_text=_(
                "Stories held at the top of the front page, in this order: the first is the lead. "
                "Without any, the newest story leads."
            ),
        ),
    ]
    subpage_types = ["ArticlePage", "PolicyPage", "newsroom_authors.AuthorIndexPage"]

    class Meta:
        verbose_name = _("news index page")

    @classmethod
    def clean_parent_page_models(cls):
        """The page types a news index may go under: ``NEWSROOM_NEWS_INDEX_PARENT_PAGE_TYPES``, read
        each time Wagtail asks and resolved as Wagtail resolves ``parent_page_types``; None is any."""
        names = newsroom_setting("NEWS_INDEX_PARENT_PAGE_TYPES")
        if names is None:
            return get_page_models()
        parent_models = [resolve_model_string(name, cls._meta.app_label) for name in names]
        for model in parent_models:
            if not issubclass(model, Page):
                raise LookupError(f"{model} is not a Page subclass")
        return parent_models

    @classmethod
    def for_site(cls, site: Site):
        """The site's news index in the active language: its home page, or the first one under it."""
        root = site_home(site).specific
        return root if isinstance(root, cls) else cls.objects.descendant_of(root).first()

    def articles(self):
        return ArticlePage.objects.visible_to_readers().descendant_of(self).for_listing()

    def corrections(self):
        """The corrections and updates to the articles this index lists, newest first, each with its article."""
        listed = ArticlePage.objects.visible_to_readers().descendant_of(self)
        corrections = Correction.objects.filter(article__in=listed.values("pk")).select_related("article__locale")
        return corrections.order_by("-published_at", "-pk")

    def route(self, request, path_components):
        """Serve an article with everything it shows fetched in one go, instead of field by field."""
        if len(path_components) == 1 and path_components[0] != CORRECTIONS_PATH:  # its own page comes first
            articles = ArticlePage.objects.child_of(self).filter(slug=path_components[0])
            article = articles.for_reading(author_photos=True).first()
            if article is not None:
                remember_parent(article, self)
                return article.route(request, [])
        elif path_components:
            author_index = AuthorIndexPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if author_index is not None:
                return author_index.route(request, path_components[1:])
        return super().route(request, path_components)

    def is_home_of(self, site: Site | None) -> bool:
        """Whether this index is ``site``'s home page, not a news section under it."""
        return site is not None and site.root_page_id == self.pk

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        if self.is_home_of(site):
            publisher = build_publisher(site, NewsroomSettings.for_request(request))
            context["structured_data"] = website(site.site_name or self.title, f"{site.root_url}/", publisher)
        return context

    def paginate(self, request, articles):
        return paginate_newest_first(articles, request.GET, newsroom_setting("PAGE_SIZE"))

    @path("")
    def latest(self, request):
        """The front page on the first page (its template builds it with ``{% newsroom_front_page %}``,
        ``articles.front_page``); the latest stories after it."""
        articles = self.paginate(request, self.articles())
        context = {
            "articles": articles,
            "canonical_url": articles.url_at(self.get_full_url(request)),
            # The site's home page, at its start: not a news section, not a page reached by "Newer".
            "description": listing_description(self.title, self.search_description),
            "is_front_page": self.is_home_of(Site.find_for_request(request))
            and articles.query == ""
            and "after" not in request.GET,
        }
        return self.render(request, context_overrides=context)

    @path(f"section/<{converters.SLUG}:slug>/", name="section")
    def section(self, request, slug):
        section = get_object_or_404(Section, slug=slug)
        articles = self.paginate(request, self.articles().filter(section=section))
        listing_url = self.get_full_url(request) + self.reverse_subpage("section", args=[slug])
        context = {
            "articles": articles,
            "section": section,
            "listing_title": section.name,
            "description": listing_description(self.title, section=section),
            "canonical_url": articles.url_at(listing_url),
        }
        return self.render(request, context_overrides=context)

    @path(f"tag/<{converters.SLUG}:slug>/", name="tag")
    def tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        articles = self.articles().tagged(tag)
        if not articles.exists():
            raise Http404("No articles with this tag.")
        listed = self.paginate(request, articles)
        listing_url = self.get_full_url(request) + self.reverse_subpage("tag", args=[slug])
        context = {
            "articles": listed,
            "tag": tag,
            "listing_title": tag_title(tag.name),
            "description": listing_description(self.title, tag_name=tag.name),
            "canonical_url": listed.url_at(listing_url),
        }
        return self.render(request, context_overrides=context)

    @path(f"{CORRECTIONS_PATH}/", name="corrections")
    def corrections_page(self, request):
        """Every correction and update the site has published, with its article: a newsroom's
        public record of what it got wrong."""
        listed = paginate(self.corrections(), request.GET.get("page"), newsroom_setting("PAGE_SIZE"))
        listing_url = self.get_full_url(request) + self.reverse_subpage("corrections")
        context = {
            "corrections": listed,
            "listing_title": gettext("Corrections"),
            "canonical_url": listed.url_at(listing_url),
        }
        return self.render(request, context_overrides=context, template="newsroom_articles/corrections_page.html")


class ArticlePage(NewsroomPageMixin, ContentLabelMixin, EmbargoMixin, ArticleRights, ArticleLanguageMixin, Page):
    """A news story. The page title is the headline; its ordered ``credits`` name its writers and who else made it."""

    dek = models.TextField(_("standfirst"), blank=True, help_text=_("One or two sentences under the headline."))
    is_headline_proposed = models.BooleanField(
        _("headline proposed by the importer"),
        default=False,
        help_text=_(
            "Ticked by the importer when a story file has no headline and one is drawn from the lede: "
            "review the headline, then untick this."
        ),
    )
    dateline = models.CharField(max_length=100, blank=True, help_text=_('Where the story was filed: "WASHINGTON".'))
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    body = StreamField(ArticleBodyBlock())
    lead_image = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(
        _("caption"), max_length=300, blank=True, help_text=_("Leave empty to use the image's own description.")
    )
    lead_image_credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Leave empty to use the image's own credit line.")
    )
    source = models.ForeignKey(
        Outlet,
        verbose_name=_("credited outlet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text=_('The outlet the story is credited to: "…, reports Fox News." credits Fox News.'),
    )
    source_relationship = models.CharField(
        _("credited as"), max_length=20, choices=SourceRelationship.choices, default=SourceRelationship.VIA
    )
    is_source_confirmed = models.BooleanField(
        _("credit confirmed"),
        default=True,
        help_text=_("The importer found this credit in the story's text: check it, then tick this."),
    )
    canonical_url = models.URLField(
        _("original article's address"),
        blank=True,
        help_text=_(
            "Only for a story republished in full from another outlet: search engines are sent to the original."
        ),
    )
    originally_published_at = models.DateTimeField(
        _("originally published"),
        null=True,
        blank=True,
        help_text=_("When the story was first published elsewhere, as its file dates it (wire and partner copy)."),
    )
    copyright_notice = models.ForeignKey(
        CopyrightNotice,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text=_("Leave empty to use the site's default notice."),
    )
    # NULL, not "", for articles written in the admin: many may lack a key, but keys are unique.
    story_key = models.CharField(  # noqa: DJ001
        max_length=64,
        null=True,
        unique=True,
        editable=False,
        help_text=_("Identifies the imported story, so that importing it again updates this article."),
    )

    objects = ArticlePageManager()
    exclude_fields_in_copy = ["story_key"]  # a copy is a new story, not another import of this one

    content_panels = [
        PublicationChecklistPanel(heading=_("Ready to publish?")),
        FieldPanel("embargo_until", heading=_("Embargo")),
        LABEL_PANEL,
        FieldPanel("title", heading=_("Headline")),
        FieldPanel("is_headline_proposed"),
        FieldPanel("dek"),
        InlinePanel("credits", heading=_("Byline and credits"), label=_("Credit"), min_num=0),
        FieldRowPanel([FieldPanel("dateline"), FieldPanel("section"), FieldPanel("language")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")],
            heading=_("Lead image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldPanel("source_relationship"),
                FieldPanel("is_source_confirmed"),
                FieldPanel("canonical_url"),
                FieldPanel("originally_published_at"),
            ],
            heading=_("Source credit"),
        ),
        FieldPanel("copyright_notice"),
        RIGHTS_PANEL,
        FieldPanel("tags"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList([CorrectionsPanel(heading=_("Corrections and updates"))], heading=_("Corrections")),
            ObjectList([StoryImportsPanel(heading=_("Imported files"))], heading=_("Provenance")),
        ]
    )
    search_auto_update = False  # indexed by articles.indexing: once per import, not once per save
    search_fields = Page.search_fields + [
        index.SearchField("dek"),
        index.SearchField("body"),
        index.RelatedFields("credits", [index.RelatedFields("author", [index.SearchField("title")])]),
        index.FilterField("section"),
        index.FilterField("expire_at"),
        index.FilterField("embargo_until"),
    ]
    api_fields = ARTICLE_API_FIELDS
    parent_page_types = ["newsroom_articles.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")

    @property
    def is_expired(self):
        """Past its expiry time (``articles.expiry``): kept from readers until Wagtail unpublishes it."""
        return is_expired(self)

    def route(self, request, path_components):
        if is_hidden_from_readers(self):
            raise Http404
        withdrawn = ArticlePage.objects.withdrawn_from_readers() if not (self.live or path_components) else None
        if withdrawn is not None and (told := withdrawn.filter(pk=self.pk).first()):
            return RouteResult(self, kwargs={"withdrawal": told.withdrawal})  # its address answers 410 Gone
        return super().route(request, path_components)

    def serve(self, request, *args, withdrawal=None, **kwargs):
        if withdrawal is not None:
            return tombstone_response(request, self, withdrawal)
        return super().serve(request, *args, **kwargs)

    def get_metadata(self, request=None) -> ArticleMetadata:
        """The article's attribution, for ``request``'s site (else the article's own), built once per
        article and request: a feed item and an API item read it part by part."""
        memo = self.__dict__.get("_newsroom_metadata")
        if memo is not None and memo[0] is request:
            return memo[1]
        if not hasattr(self, "correction_list"):  # not loaded by ArticlePage.objects.for_reading()
            models.prefetch_related_objects([self], *reading_prefetches(author_photos=True))
        if request is None:
            site = self.get_site()
            site_settings = NewsroomSettings.for_site(site)
        else:
            site = Site.find_for_request(request)
            site_settings = NewsroomSettings.for_request(request)
        meta = build_article_metadata(self, site, site_settings, request)
        self.__dict__["_newsroom_metadata"] = (request, meta)
        return meta

    def get_sitemap_urls(self, request=None):
        return [] if is_hidden_from_readers(self) else super().get_sitemap_urls(request)

    def get_indexed_instance(self):
        """The article with its byline loaded once for the search fields that read author names
        (otherwise each of them queries the byline again)."""
        instance = super().get_indexed_instance()
        if instance is not None:
            models.prefetch_related_objects([instance], "credits__author")
        return instance

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["meta"] = meta = self.get_metadata(request)
        context["structured_data"] = news_article(meta)
        context["news_index"] = self.get_parent().specific
        context["tags"] = [tagged.tag for tagged in self.tagged_items.all()]
        context["related"] = self.related_articles()
        return context

    def related_articles(self, limit=RELATED_STORIES):
        """Stories readers may see in this one's section or with one of its tags, newest first,
        never this one: headline, section and time, in one query beside the check for private pages."""
        if self.pk is None:  # a preview of a story never saved
            return []
        tags = ArticlePageTag.objects.filter(content_object=self).values("tag")
        shared = Q(pk__in=ArticlePageTag.objects.filter(tag__in=tags).values("content_object"))
        if self.section_id:
            shared |= Q(section=self.section_id)
        listed = ArticlePage.objects.visible_to_readers().descendant_of(self.get_parent())  # its news index's
        related = listed.filter(shared).exclude(pk=self.pk)
        return list(related.defer_streamfields().select_related("section", "locale")[:limit])


def remember_parent(page: Page, parent: Page):
    """Tell ``page`` its parent, as Wagtail's ``Page.route`` does for the page it routes to, so that
    ``page.get_parent()`` costs no query. Treebeard keeps the parent in ``_cached_parent_obj``, and
    there is no public way to set it (``tests/test_pages.py`` pins the behaviour)."""
    page._cached_parent_obj = parent

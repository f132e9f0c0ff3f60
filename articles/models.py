import bisect
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.admin.widgets.slug import SlugInput
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Orderable, Page, PageManager, Revision, Site
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from . import converters
from .api_fields import AttributionField
from .app_settings import newsroom_setting
from .blocks import ArticleBodyBlock
from .pages import NewsroomPageMixin
from .paging import paginate
from .panels import CorrectionsPanel, PublicationChecklistPanel, StoryImportsPanel
from .parsing import Copyright
from .readiness import latest_revision_problems


class NamedRecord(models.Model):
    """A record readers see by its name, with an address slug made from the name when left empty."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="Used in the address; made from the name when left empty.",
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
    url = models.URLField("address", blank=True, help_text="The outlet's home page, linked from the credit.")

    panels = [TitleFieldPanel("name", placeholder=False), FieldPanel("slug", widget=SlugInput), FieldPanel("url")]

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="unique_outlet_name_ignoring_case")]


class SourceRelationship(models.TextChoices):
    """How the credited outlet stands to the story; the label is what readers see."""

    VIA = "via", "Source"
    ORIGINALLY_PUBLISHED_BY = "original", "Originally published by"
    WIRE = "wire", "Wire service"
    ADDITIONAL_REPORTING = "additional", "Additional reporting by"


@register_snippet
class CopyrightNotice(models.Model):
    """Who holds the rights to an article: "© 2026 Newsmax. All rights reserved."."""

    holder = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Leave empty to show the current year.")
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


class ContentVersion(models.Model):
    """A counter that moves whenever anything a reader can see may have changed.

    Feeds and the reader cache derive their ETag, Last-Modified and cache keys from it, so a
    conditional request costs at most one query and no cache is ever served stale. It lives in
    the database, so every app server and the import command see the same version; readers get
    it through ``articles.caching.content_version``, which keeps a copy in the cache.

    Time changes what readers see too: a page's expiry, a scheduled revision's go-live time. The
    version keeps the next of those times (``upcoming_changes``, worked out at each bump), and its
    ``token`` moves as each one passes, without a write and without waiting for
    ``publish_scheduled``.
    """

    MAX_UPCOMING_CHANGES = 100

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
    upcoming_changes = models.JSONField(
        default=list, blank=True, help_text="The next expiry and go-live times (ISO 8601), soonest first."
    )

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"version {self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first() or cls.objects.create(upcoming_changes=upcoming_change_times())

    @property
    def token(self):
        """Unique to this version even if the database is restored and the number goes back, and
        to each stretch of time between its upcoming changes."""
        passed = bisect.bisect_right(self.upcoming_times, timezone.now())
        if passed == len(self.upcoming_times) == self.MAX_UPCOMING_CHANGES:  # past the last one known
            passed = f"{passed}.{int(timezone.now().timestamp()) // 60}"
        return f"{self.number}.{int(self.changed_at.timestamp() * 1_000_000)}.{passed}"

    @cached_property
    def upcoming_times(self) -> list[datetime]:
        return [datetime.fromisoformat(time) for time in self.upcoming_changes]

    def seconds_until_next_change(self) -> float | None:
        now = timezone.now()
        return next(((time - now).total_seconds() for time in self.upcoming_times if time > now), None)

    @classmethod
    def bump(cls):
        upcoming = upcoming_change_times()
        if not cls.objects.update(number=models.F("number") + 1, changed_at=timezone.now(), upcoming_changes=upcoming):
            cls.objects.create(number=1, upcoming_changes=upcoming)


def upcoming_change_times() -> list[str]:
    """When time next changes what readers see: live pages' expiry, scheduled revisions' go-live."""
    now = timezone.now()
    expiries = Page.objects.live().filter(expire_at__gt=now).values_list("expire_at", flat=True)
    go_lives = Revision.objects.filter(approved_go_live_at__gt=now).values_list("approved_go_live_at", flat=True)
    times = sorted({*expiries, *go_lives})[: ContentVersion.MAX_UPCOMING_CHANGES]
    return [time.isoformat() for time in times]


class ArticlePageQuerySet(PageQuerySet):
    def visible_to_readers(self):
        """What an anonymous reader may see: live, public, not expired; newest first.

        Every listing, feed, sitemap, API and search result starts from this queryset.
        """
        not_expired = models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=timezone.now())
        return self.live().public().filter(not_expired).order_by("-first_published_at", "-pk")

    def by_author(self, author):
        return self.filter(authors__author=author)

    def for_listing(self):
        """Everything a listing shows, fetched in a fixed number of queries whatever the count."""
        return (
            self.defer_streamfields()
            .select_related("section", "lead_image")
            .prefetch_related(*bylines_with_authors(), "lead_image__renditions")
        )

    def for_reading(self, author_photos=False):
        """Everything an article page, feed item or API item shows, in a fixed number of queries.

        ``author_photos`` adds the authors' photos and their sizes, for the page's bio boxes.
        """
        return self.select_related("section", "source", "copyright_notice", "lead_image").prefetch_related(
            *bylines_with_authors(photos=author_photos),
            models.Prefetch("tagged_items", queryset=ArticlePageTag.objects.select_related("tag")),
            corrections_list(),
            "lead_image__renditions",
        )


def corrections_list():
    """An article's corrections as a plain list, ``article.correction_list``. (Kept as the
    relation's cache instead, Django builds one filtered queryset per article, which costs a
    50-item feed more than the query itself.)"""
    return models.Prefetch("corrections", to_attr="correction_list")


def bylines_with_authors(photos=False):
    """Prefetches for bylines and their author pages.

    Listings and feeds load each author page once, however many bylines name it: a 50-item feed
    names the same few reporters over and over, and building a page object is the costly part.
    With ``photos`` (an article page's bio boxes) the authors come joined to their photos, and
    the photos' sizes follow in one query more.
    """
    if photos:
        bylines = ArticlePageAuthor.objects.select_related("author__photo").prefetch_related(
            "author__photo__renditions"
        )
        return [models.Prefetch("authors", queryset=bylines)]
    return [models.Prefetch("authors", queryset=ArticlePageAuthor.objects.all()), "authors__author"]


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class NewsIndexPage(NewsroomPageMixin, RoutablePageMixin, Page):
    """The front page of the news: the latest articles, and listings by section and tag."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = newsroom_setting("NEWS_INDEX_PARENT_PAGE_TYPES")  # read once, as the models load
    subpage_types = ["newsroom_articles.ArticlePage", "newsroom_authors.AuthorIndexPage"]

    class Meta:
        verbose_name = "news index page"

    @classmethod
    def for_site(cls, site: Site):
        """The site's news index: its home page, or the first one under it."""
        root = site.root_page.specific
        return root if isinstance(root, cls) else cls.objects.in_site(site).first()

    def articles(self):
        return ArticlePage.objects.visible_to_readers().descendant_of(self).for_listing()

    def route(self, request, path_components):
        """Serve an article with everything it shows fetched in one go, instead of field by field."""
        from authors.models import AuthorIndexPage

        if len(path_components) == 1:
            articles = ArticlePage.objects.child_of(self).filter(slug=path_components[0])
            article = articles.for_reading(author_photos=True).first()
            if article is not None:
                article.news_index = self  # the article's parent, already at hand for its tag links
                return article.route(request, [])
        elif path_components:
            author_index = AuthorIndexPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if author_index is not None:
                return author_index.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .metadata import build_publisher
        from .structured_data import website

        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        if site is not None and site.root_page_id == self.pk:  # the site's home page, not a news section
            publisher = build_publisher(site, NewsroomSettings.for_request(request))
            context["structured_data"] = website(site.site_name or self.title, f"{site.root_url}/", publisher)
        return context

    def paginate(self, request, articles):
        return paginate(articles, request.GET.get("page"), newsroom_setting("PAGE_SIZE"))

    @path("")
    def latest(self, request):
        return self.render(request, context_overrides={"articles": self.paginate(request, self.articles())})

    @path(f"section/<{converters.SLUG}:slug>/", name="section")
    def section(self, request, slug):
        section = get_object_or_404(Section, slug=slug)
        articles = self.paginate(request, self.articles().filter(section=section))
        canonical_url = self.get_full_url(request) + self.reverse_subpage("section", args=[slug])
        return self.render(
            request, context_overrides={"articles": articles, "section": section, "canonical_url": canonical_url}
        )

    @path(f"tag/<{converters.SLUG}:slug>/", name="tag")
    def tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        articles = self.articles().filter(tags=tag)
        if not articles.exists():
            raise Http404("No articles with this tag.")
        canonical_url = self.get_full_url(request) + self.reverse_subpage("tag", args=[slug])
        context = {"articles": self.paginate(request, articles), "tag": tag, "canonical_url": canonical_url}
        return self.render(request, context_overrides=context)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePage(NewsroomPageMixin, Page):
    """A news story. The page title is the headline; bylines are the ordered ``authors``."""

    dek = models.TextField("standfirst", blank=True, help_text="One or two sentences under the headline.")
    is_headline_proposed = models.BooleanField(
        "headline proposed by the importer",
        default=False,
        help_text="Ticked by the importer when a story file has no headline and one is drawn from the lede: "
        "review the headline, then untick this.",
    )
    dateline = models.CharField(max_length=100, blank=True, help_text='Where the story was filed: "WASHINGTON".')
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    body = StreamField(ArticleBodyBlock())
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField("caption", max_length=300, blank=True)
    lead_image_credit = models.CharField("credit", max_length=200, blank=True)
    source = models.ForeignKey(
        Outlet,
        verbose_name="credited outlet",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text='The outlet the story is credited to: "…, reports Fox News." credits Fox News.',
    )
    source_relationship = models.CharField(
        "credited as", max_length=20, choices=SourceRelationship.choices, default=SourceRelationship.VIA
    )
    is_source_confirmed = models.BooleanField(
        "credit confirmed",
        default=True,
        help_text="The importer found this credit in the story's text: check it, then tick this.",
    )
    canonical_url = models.URLField(
        "original article's address",
        blank=True,
        help_text="Only for a story republished in full from another outlet: search engines are sent to the original.",
    )
    originally_published_at = models.DateTimeField(
        "originally published",
        null=True,
        blank=True,
        help_text="When the story was first published elsewhere, as its file dates it (wire and partner copy).",
    )
    copyright_notice = models.ForeignKey(
        CopyrightNotice,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="Leave empty to use the site's default notice.",
    )
    # NULL, not "", for articles written in the admin: many may lack a key, but keys are unique.
    story_key = models.CharField(  # noqa: DJ001
        max_length=64,
        null=True,
        unique=True,
        editable=False,
        help_text="Identifies the imported story, so that importing it again updates this article.",
    )

    objects = ArticlePageManager()
    exclude_fields_in_copy = ["story_key"]  # a copy is a new story, not another import of this one

    content_panels = [
        PublicationChecklistPanel(heading="Ready to publish?"),
        FieldPanel("title", heading="Headline"),
        FieldPanel("is_headline_proposed"),
        FieldPanel("dek"),
        InlinePanel("authors", heading="Byline", label="Author", min_num=0),
        FieldRowPanel([FieldPanel("dateline"), FieldPanel("section")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")],
            heading="Lead image",
        ),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldPanel("source_relationship"),
                FieldPanel("is_source_confirmed"),
                FieldPanel("canonical_url"),
                FieldPanel("originally_published_at"),
            ],
            heading="Source credit",
        ),
        FieldPanel("copyright_notice"),
        FieldPanel("tags"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
            ObjectList([CorrectionsPanel(heading="Corrections and updates")], heading="Corrections"),
            ObjectList([StoryImportsPanel(heading="Imported files")], heading="Provenance"),
        ]
    )
    search_auto_update = False  # indexed by articles.indexing: once per import, not once per save
    search_fields = Page.search_fields + [
        index.SearchField("dek"),
        index.SearchField("body"),
        index.RelatedFields("authors", [index.RelatedFields("author", [index.SearchField("title")])]),
        index.FilterField("section"),
        index.FilterField("expire_at"),
    ]
    api_fields = [
        APIField("dek"),
        APIField("byline", serializer=AttributionField("byline")),
        APIField("byline_text", serializer=AttributionField("byline_text")),
        APIField("source_credit", serializer=AttributionField("source_credit")),
        APIField("copyright", serializer=AttributionField("copyright")),
        APIField("modified_at", serializer=AttributionField("modified_at")),
        APIField("section_name", serializer=AttributionField("section")),
        APIField("tags"),
        APIField("dateline"),
        APIField("originally_published_at"),
        APIField("body"),
        APIField("corrections", serializer=AttributionField("corrections")),
    ]
    parent_page_types = ["newsroom_articles.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"

    @property
    def is_expired(self):
        """Past its expiry time. Wagtail unpublishes it when ``publish_scheduled`` next runs;
        until then the article is kept from readers here."""
        return self.expire_at is not None and self.expire_at <= timezone.now()

    def route(self, request, path_components):
        if self.is_expired:
            raise Http404
        return super().route(request, path_components)

    def get_sitemap_urls(self, request=None):
        return [] if self.is_expired else super().get_sitemap_urls(request)

    def get_indexed_instance(self):
        """The article with its byline loaded once for the search fields that read author names
        (otherwise each of them queries the byline again)."""
        instance = super().get_indexed_instance()
        if instance is not None:
            models.prefetch_related_objects([instance], "authors__author")
        return instance

    def get_context(self, request, *args, **kwargs):
        from .metadata import build_article_metadata
        from .structured_data import news_article

        context = super().get_context(request, *args, **kwargs)
        context["meta"] = meta = build_article_metadata(self, request)
        context["structured_data"] = news_article(meta)
        context["news_index"] = getattr(self, "news_index", None) or self.get_parent().specific
        context["tags"] = [tagged.tag for tagged in self.tagged_items.all()]
        return context


class ArticlePageAuthor(Orderable):
    """One author in an article's byline, in the order the byline names them."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    author = models.ForeignKey("newsroom_authors.AuthorPage", on_delete=models.CASCADE, related_name="bylines")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "byline author"
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["page", "author"], name="unique_byline_author")]


class StoryImport(models.Model):
    """Provenance: one story file as it was imported into an article."""

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="imports")
    file_name = models.TextField(help_text="The file's name or path, as the import was given it.")
    text = models.TextField()
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file's bytes.")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        get_latest_by = "imported_at"

    def __str__(self):
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class PreviewedImport(models.Model):
    """Story files an editor uploaded and previewed in the admin's import screen, kept on the server
    until they confirm the import (``articles.staging``): the confirmation posts only this record's
    signed id, and the import takes the stories exactly as the preview read them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "previewed import"

    def __str__(self):
        return f"Import previewed by {self.user} at {self.created_at:%Y-%m-%d %H:%M}"


class PreviewedStoryFile(models.Model):
    preview = models.ForeignKey(PreviewedImport, on_delete=models.CASCADE, related_name="files")
    file_name = models.CharField(max_length=255)
    text = models.TextField(help_text="The file as it was read.")
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file's bytes.")
    story = models.JSONField(help_text="What the preview read from the file.")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.file_name


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", "Correction"
    CLARIFICATION = "clarification", "Clarification"
    UPDATE = "update", "Update"


class Correction(models.Model):
    """A correction, clarification or update to an article, shown under its body.

    Kept outside the page's revisions on purpose: adding one takes effect at once, without
    publishing the article's body again, and moves the article's modified time.
    """

    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION)
    text = models.TextField(help_text="What was wrong and what is right, as readers will read it.")
    published_at = models.DateTimeField("date", default=timezone.now)

    panels = [
        FieldPanel("article"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("published_at"),
    ]

    class Meta:
        ordering = ["published_at", "pk"]
        verbose_name = "correction or update"
        verbose_name_plural = "corrections and updates"

    def __str__(self):
        return f"{self.get_kind_display()} to “{self.article.title}”, {self.published_at:%Y-%m-%d}"


class ArticleApprovalTask(AbstractGroupApprovalTask):
    """Group approval that will not approve an article whose byline, credit or headline is unfinished.

    Approving publishes the article's latest revision, whoever saved it — the reporter who
    submitted it, or the editor who fixed it in moderation — so that is the revision judged, by the
    same checks as the publish button. Approval is offered only once it passes; an approval that
    arrives anyway (the editor changed the article in the same request, or it changed since the
    page was drawn) approves and publishes nothing, and the editor is sent to the page editor,
    whose checklist says why.
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        # The workflow views pass the generic page; the check needs the article itself.
        article = obj.specific if isinstance(obj, Page) else obj
        if isinstance(article, ArticlePage) and latest_revision_problems(article):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        article = task_state.workflow_state.content_object.specific
        if action_name == "approve" and isinstance(article, ArticlePage) and latest_revision_problems(article):
            return reverse("wagtailadmin_pages:edit", args=[article.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve articles that are ready to publish"

    class Meta:
        verbose_name = "article approval task"

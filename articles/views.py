from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_GET
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.models import Site

from newsroom_core.app_settings import newsroom_setting
from newsroom_core.page_mixin import layout_context
from newsroom_core.pagination import paginate
from newsroom_core.reader_formats import join_reader_names

from .forms import StoryImportForm, StoryUploadForm
from .import_jobs import create_import_job
from .importing import find_destination
from .look_alikes import look_alike_author, look_alike_message
from .models import ArticlePage, CopyrightNotice, NewsroomSettings
from .parsing import Story, byline_name, credit_line, plain_text
from .permissions import import_permissions
from .search_form import SearchForm
from .source_credit import credit_text
from .staging import PreviewError, stage_previewed_files
from .story_files import read_story, story_files
from .tasks import import_stories_task

PREVIEW_PARAGRAPHS = 3


@dataclass(frozen=True)
class StoryPreview:
    """A story as its article will read, for the import screen: byline, opening, credit, notice."""

    story: Story
    byline: str
    opening: tuple[str, ...]
    more_paragraphs: int
    credit: str
    notice: str
    credits: tuple[str, ...]  # "Additional reporting by …", "Photos by …"
    look_alikes: tuple[str, ...]  # byline names that look like another author's: the import refuses them

    @classmethod
    def of(cls, story: Story, default_notice: CopyrightNotice | None, author_index):
        credit = credit_text(story.source_relationship, story.source_name) if story.source_name else ""
        if story.copyright and story.copyright.holder:
            notice = story.copyright.notice
        else:
            notice = (
                gettext("%(notice)s (the site's default)") % {"notice": default_notice.text} if default_notice else ""
            )
        return cls(
            story=story,
            byline=join_reader_names([byline_name(author) for author in story.authors]),
            opening=tuple(plain_text(paragraph, story.markup) for paragraph in story.paragraphs[:PREVIEW_PARAGRAPHS]),
            more_paragraphs=max(len(story.paragraphs) - PREVIEW_PARAGRAPHS, 0),
            credit=credit,
            notice=notice,
            credits=tuple(credit_line(person) for person in story.contributors),
            look_alikes=tuple(
                look_alike_message(author.name, look_alike.title)
                for author in story.authors
                if (look_alike := look_alike_author(author.name, author_index))
            ),
        )


class ImportStoriesView(WagtailAdminTemplateMixin, View):
    """Upload story files, preview what was read from each, then import them: the admin's door
    to the same service as ``manage.py import_story``."""

    template_name = "newsroom_articles/admin/import_stories.html"
    page_title = _("Import stories")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        can_import, self.can_publish = import_permissions(request.user)
        if not can_import:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(upload_form=StoryUploadForm()))

    def post(self, request):
        if "preview" in request.POST:
            return self.import_stories(request)
        return self.preview(request)

    def preview(self, request):
        upload_form = StoryUploadForm(request.POST, request.FILES)
        if not upload_form.is_valid():
            return self.render_to_response(self.get_context_data(upload_form=upload_form))
        uploads = upload_form.cleaned_data["files"]
        reports = [read_story(story_file) for upload in uploads for story_file in story_files(upload.name, upload)]
        readable = [report for report in reports if not report.error]
        if not readable:  # nothing to import: offer the upload again
            return self.render_to_response(self.get_context_data(reports=reports, upload_form=StoryUploadForm()))
        token = stage_previewed_files(readable, request.user)
        import_form = self.import_form(initial={"preview": token})
        return self.render_to_response(
            self.get_context_data(reports=reports, import_form=import_form, readable_count=len(readable))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        default_notice = NewsroomSettings.for_request(self.request).copyright_notice
        author_index = find_destination().author_index
        context["previews"] = [
            (report, StoryPreview.of(report.story, default_notice, author_index) if report.story else None)
            for report in kwargs.get("reports", ())
        ]
        return context

    def import_stories(self, request):
        """Turn the confirmed preview into an import job for the task worker, and show its page."""
        import_form = self.import_form(data=request.POST)
        if not import_form.is_valid():  # an expired or used-up preview, or a section that is gone
            return self.refuse_import(request, [" ".join(errors) for errors in import_form.errors.values()])
        try:
            job = create_import_job(
                import_form.cleaned_data["preview"],
                user=request.user,
                publish=self.can_publish and import_form.cleaned_data.get("publish", False),
                section=import_form.cleaned_data["section"],
            )
        except PreviewError as error:  # a second click took the preview first
            return self.refuse_import(request, [str(error)])
        # The job is saved: the worker will find it. The immediate backend imports it here and now.
        import_stories_task.enqueue(job.pk)
        return redirect("newsroom_import_job", job.pk)

    def refuse_import(self, request, errors):
        for error in errors:
            messages.error(request, error)
        return self.render_to_response(self.get_context_data(upload_form=StoryUploadForm()))

    def import_form(self, **kwargs):
        return StoryImportForm(user=self.request.user, can_publish=self.can_publish, **kwargs)


@require_GET
def search(request):
    """Search live, public articles of this site by headline, standfirst, body and author names,
    narrowed by section, author and date range (``articles.search_form``)."""
    site = Site.find_for_request(request)
    form = SearchForm(request.GET, site)
    results = None
    if form.is_valid() and form.is_asked():
        articles = form.narrow(ArticlePage.objects.visible_to_readers().in_site_language(site)).for_listing()
        words = form.words
        if words:
            articles = articles.search(words, order_by_relevance=False)
        elif form.cleaned_data["q"]:
            articles = articles.none()  # only quotes: nothing to look for
        results = paginate(articles, request.GET.get("page"), newsroom_setting("PAGE_SIZE"), counted=True)
    context = {"form": form, "query": form.data.get("q", ""), "results": results, "params": form.params()}
    if not request.GET:  # the search page itself is one page to index; its results are endless many
        context["canonical_url"] = site.root_url + reverse("newsroom_search:search")
    response = TemplateResponse(request, "newsroom_articles/search.html", {**context, **layout_context()})
    response.reader_cache_tag = "search"  # the same for every anonymous reader until content changes
    return response


@require_GET
def robots_txt(request):
    """Crawlers keep out of the admin and find both sitemap indexes, by the site's configured address."""
    root_url = Site.find_for_request(request).root_url
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        "",
        f"Sitemap: {root_url}{reverse('newsroom_sitemaps:sitemap')}",
        f"Sitemap: {root_url}{reverse('newsroom_sitemaps:news_sitemap_index')}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response.reader_cache_tag = "robots"
    return response


@require_GET
def sitemap_index(request, sitemaps, sitemap_url_name):
    """Django's sitemap index of ``sitemaps``: one entry per page of each (``?p=2`` on), with the
    sitemaps' addresses on the request's Wagtail site. Django's view puts the request's Host header
    in front of them; the site's address is the one its pages, feeds and robots.txt give."""
    response = wagtail_sitemap_views.index(request, sitemaps, sitemap_url_name=sitemap_url_name)
    root_url = Site.find_for_request(request).root_url
    for entry in response.context_data["sitemaps"]:  # a TemplateResponse: rendered after the view returns
        _, _, path, query, _ = urlsplit(entry.location)
        entry.location = root_url + urlunsplit(("", "", path, query, ""))
    response.reader_cache_tag = "sitemap"
    return response


@require_GET
def sitemap(request, **kwargs):
    """Wagtail's sitemap, one page of it (``?p=2``), kept by the reader cache like a page: a first
    page of 50,000 URLs takes seconds to build, and crawlers come back for it again and again."""
    response = wagtail_sitemap_views.sitemap(request, **kwargs)
    response.reader_cache_tag = "sitemap"
    return response

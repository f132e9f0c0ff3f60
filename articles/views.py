from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View
from django.views.decorators.http import require_GET
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from .app_settings import newsroom_setting
from .forms import StoryImportForm, StoryUploadForm
from .importing import ImportOptions, NewsroomNotSetUpError, find_destination, import_file, read_file
from .models import ArticlePage
from .pages import layout_context


def import_permissions(user):
    """(may import, may publish) for ``user`` on the default site's news index."""
    try:
        news_index = find_destination().news_index
    except NewsroomNotSetUpError:
        return False, False
    tester = news_index.permissions_for_user(user)
    return tester.can_add_subpage(), tester.can_publish_subpage()


class ImportStoriesView(WagtailAdminTemplateMixin, View):
    """Upload story files, preview what was read from each, then import them: the admin's door
    to the same service as ``manage.py import_story``."""

    template_name = "newsroom_articles/admin/import_stories.html"
    page_title = "Import stories"
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
        if "stories" in request.POST:
            return self.import_stories(request)
        return self.preview(request)

    def preview(self, request):
        upload_form = StoryUploadForm(request.POST, request.FILES)
        if not upload_form.is_valid():
            return self.render_to_response(self.get_context_data(upload_form=upload_form))
        limit = newsroom_setting("IMPORT_MAX_BYTES") + 1
        files = [(upload.name, upload.read(limit)) for upload in upload_form.cleaned_data["files"]]
        reports = [read_file(name, data) for name, data in files]
        readable = [(name, data) for (name, data), report in zip(files, reports, strict=True) if not report.error]
        import_form = None
        if readable:
            import_form = self.import_form(initial={"stories": StoryImportForm.sign(readable, request.user)})
        return self.render_to_response(
            self.get_context_data(reports=reports, import_form=import_form, readable_count=len(readable))
        )

    def import_stories(self, request):
        import_form = self.import_form(data=request.POST)
        if not import_form.is_valid():
            return self.render_to_response(self.get_context_data(import_form=import_form))
        options = ImportOptions(
            publish=self.can_publish and import_form.cleaned_data.get("publish", False),
            section=import_form.cleaned_data["section"],
            user=request.user,
        )
        destination = find_destination()
        reports = [import_file(name, data, destination, options) for name, data in import_form.cleaned_data["stories"]]
        imported = sum(1 for report in reports if report.result)
        if imported:
            messages.success(request, f"Imported {imported} of {len(reports)} file(s).")
        if imported < len(reports):
            messages.error(
                request, f"{len(reports) - imported} file(s) could not be imported; nothing was saved for them."
            )
        return self.render_to_response(
            self.get_context_data(reports=reports, imported=True, upload_form=StoryUploadForm())
        )

    def import_form(self, **kwargs):
        return StoryImportForm(user=self.request.user, can_publish=self.can_publish, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["explorer_url"] = reverse("wagtailadmin_explore", args=[find_destination().news_index.pk])
        return context


MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Search live, public articles of this site by headline, standfirst, body and author names."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        articles = ArticlePage.objects.visible_to_readers().in_site(Site.find_for_request(request))
        matches = articles.for_listing().search(query, order_by_relevance=True)
        results = Paginator(matches, newsroom_setting("PAGE_SIZE")).get_page(request.GET.get("page"))
    response = TemplateResponse(
        request, "newsroom_articles/search.html", {"query": query, "results": results, **layout_context()}
    )
    response.reader_cache_tag = "search"  # the same for every anonymous reader until content changes
    return response


@require_GET
def robots_txt(request):
    """Crawlers keep out of the admin and find both sitemaps, by the site's configured address."""
    root_url = Site.find_for_request(request).root_url
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        "",
        f"Sitemap: {root_url}{reverse('articles_sitemap')}",
        f"Sitemap: {root_url}{reverse('articles_news_sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

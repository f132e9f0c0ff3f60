"""The admin's page for an import job: a progress bar while the task worker imports the files, then
what became of each. ``?format=json`` is the same page's status as JSON, which the page's script
polls; without script the page reloads itself until the job is over."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .import_jobs import JobStatus
from .importing import find_destination
from .models import ImportJob

RELOAD_SECONDS = 3  # without script


class ImportJobView(WagtailAdminTemplateMixin, View):
    """Only the user who started the job, or a superuser, may see it: anyone else gets a 404."""

    template_name = "newsroom_articles/admin/import_job.html"
    page_title = _("Import stories")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("newsroom_import_stories"), "label": _("Import stories")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_page_subtitle(self):
        return _("Import job %(id)s") % {"id": self.job.pk}

    def get(self, request, pk):
        self.job = get_object_or_404(ImportJob.objects.select_related("section"), pk=pk)
        if self.job.user_id != request.user.pk and not request.user.is_superuser:
            raise Http404
        status = JobStatus.of(self.job)
        if request.GET.get("format") == "json":
            response = JsonResponse(status.as_json())
            response["Cache-Control"] = "no-store"
            return response
        files = self.job.files.select_related("article").defer("text", "story")
        if not (self.job.is_over or status.is_stalled):
            files = ()  # the bar alone while the import moves
        return self.render_to_response(
            self.get_context_data(
                job=self.job,
                status=status,
                files=files,
                reload_seconds=RELOAD_SECONDS,
                status_url="?format=json",
                explorer_url=reverse("wagtailadmin_explore", args=[find_destination().news_index.pk]),
            )
        )

"""Imports the admin hands to the task worker: the job, and each story file in it with its outcome.

The confirmation of a preview copies the previewed stories into an ``ImportJob`` (``articles.import_jobs``)
and queues it; the worker imports the files one by one and records each outcome as it goes, so the
job's page can show the progress while it runs and the per-file results when it ends.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    publish = models.BooleanField(
        default=False, help_text=_("Publish each article as it is imported (asked by a user who may publish).")
    )
    section = models.ForeignKey(
        "Section",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The articles' section."),
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True, help_text=_("Why the job stopped, when it failed as a whole."))
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    progress_at = models.DateTimeField(null=True, blank=True, help_text=_("When the last file was done."))
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Import by {self.user} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_over(self) -> bool:
        return self.status in {self.Status.FINISHED, self.Status.FAILED}


class ImportJobFile(models.Model):
    """One story file of a job: the story as the preview read it, then what became of it."""

    class Outcome(models.TextChoices):
        PENDING = "", _("Not imported yet")
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        UNCHANGED = "unchanged", _("Unchanged")
        WITHDRAWN = "withdrawn", _("Withdrawn")  # a kill advisory withdrew the story it names
        FAILED = "failed", _("Failed")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    file_name = models.TextField()
    text = models.TextField(blank=True, help_text=_("The file as it was read; emptied once it is imported."))
    checksum = models.CharField(max_length=64, help_text=_("SHA-256 of the file's bytes."))
    story = models.JSONField(null=True, blank=True, help_text=_("What the preview read; emptied once imported."))
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.PENDING, blank=True)
    message = models.TextField(blank=True, help_text=_("Why it failed, or what readers see of the article."))
    problems = models.JSONField(default=list, blank=True, help_text=_("Why it was not published, when asked to be."))
    article = models.ForeignKey("ArticlePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import job file")
        ordering = ["pk"]

    def __str__(self):
        return self.file_name

"""Imports of previewed story files on the task worker, with progress an editor can watch.

Confirming a preview makes an ``ImportJob`` holding the previewed stories (``create_import_job``);
the view queues ``articles.tasks.import_stories_task`` for it, and the worker imports each story
through the same service as every other import (``import_read_story``: one transaction a file, so a
failed file leaves nothing), recording each file's outcome as it is done (``run_import_job``). A
worker that stops mid-job leaves the files done so far imported and recorded, and the job running:
its page says when it last moved (``JobStatus``).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .importing import FileReport, ImportOptions, StorySource, find_destination, import_read_story
from .models import ImportJob, ImportJobFile
from .parsing import story_from_data
from .permissions import import_permissions
from .planner_statistics import refresh_planner_statistics
from .staging import use_up_preview

STALLED_AFTER = timedelta(minutes=5)  # a story imports in well under a second; a queue may wait a while
Outcome = ImportJobFile.Outcome
IMPORTED = (Outcome.CREATED, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.WITHDRAWN)  # done, nothing failed


def create_import_job(preview, *, user, publish: bool, section) -> ImportJob:
    """The job importing a confirmed preview's stories; the preview is used up with it, or neither
    happens (``PreviewError`` if another request took the preview first)."""
    with transaction.atomic():
        job = ImportJob.objects.create(user=user, publish=publish, section=section)
        ImportJobFile.objects.bulk_create(
            ImportJobFile(
                job=job, file_name=staged.file_name, text=staged.text, checksum=staged.checksum, story=staged.story
            )
            for staged in preview.files.all()
        )
        use_up_preview(preview)
    return job


def run_import_job(job_id: int):
    """Import the job's stories not imported yet, one at a time, recording each outcome."""
    job = ImportJob.objects.select_related("user", "section").get(pk=job_id)
    if job.is_over:
        return
    now = timezone.now()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, started_at=now, progress_at=now)
    try:
        import_pending_files(job)
    except Exception as error:
        stop_job(job, ImportJob.Status.FAILED, error=str(error) or type(error).__name__)
        raise
    stop_job(job, ImportJob.Status.FINISHED)
    refresh_planner_statistics()


def import_pending_files(job: ImportJob):
    can_import, can_publish = import_permissions(job.user)
    if not can_import:
        raise PermissionError(_("%(user)s may no longer import stories") % {"user": job.user})
    options = ImportOptions(publish=job.publish and can_publish, section=job.section, user=job.user)
    destination = find_destination()
    # One file in memory at a time: the ids first, then each file as its turn comes.
    for file_id in job.files.filter(outcome=Outcome.PENDING).values_list("pk", flat=True):
        staged = ImportJobFile.objects.get(pk=file_id)
        source = StorySource(staged.file_name, staged.text, staged.checksum)
        record_outcome(staged, import_read_story(story_from_data(staged.story), source, destination, options))


def record_outcome(staged: ImportJobFile, report: FileReport):
    """What became of one file; its text and story go, as the article keeps its own copy."""
    now = timezone.now()
    result = report.result
    outcome = {
        "outcome": Outcome.FAILED if report.error else result.outcome.value,
        "message": report.error or result.reader_state,
        "problems": [
            {"message": problem.message, "anchor": problem.editor_anchor}
            for problem in (result.unpublished_because if result else ())
        ],
        "article": result.article if result else None,
    }
    with transaction.atomic():
        ImportJobFile.objects.filter(pk=staged.pk).update(text="", story=None, finished_at=now, **outcome)
        ImportJob.objects.filter(pk=staged.job_id).update(progress_at=now)


def stop_job(job: ImportJob, status, error=""):
    now = timezone.now()
    ImportJob.objects.filter(pk=job.pk).update(status=status, error=error, finished_at=now, progress_at=now)


@dataclass(frozen=True)
class JobStatus:
    """Where a job stands, as its page and its JSON status say it."""

    job: ImportJob
    total: int
    counts: dict[str, int]  # files per outcome, pending ones under ""
    now: datetime

    @classmethod
    def of(cls, job: ImportJob):
        counts = dict(job.files.values_list("outcome").annotate(files=Count("pk")).order_by())
        return cls(job=job, total=sum(counts.values()), counts=counts, now=timezone.now())

    @property
    def done(self) -> int:
        return self.total - self.counts.get(Outcome.PENDING, 0)

    @property
    def imported(self) -> int:
        return sum(self.counts.get(outcome, 0) for outcome in IMPORTED)

    @property
    def failed(self) -> int:
        return self.counts.get(Outcome.FAILED, 0)

    @property
    def percent(self) -> int:
        return self.done * 100 // self.total if self.total else 100

    @property
    def last_progress_at(self) -> datetime:
        return self.job.progress_at or self.job.created_at

    @property
    def is_stalled(self) -> bool:
        return not self.job.is_over and self.now - self.last_progress_at > STALLED_AFTER

    @property
    def counts_text(self) -> str:
        parts = [f"{self.counts.get(outcome, 0)} {label.lower()}" for outcome, label in Outcome.choices if outcome]
        done = ngettext("%(done)s of %(total)s file done", "%(done)s of %(total)s files done", self.total)
        return f"{done % {'done': self.done, 'total': self.total}}: {', '.join(parts)}"

    @property
    def notice(self) -> str:
        """The line under the bar: what the job waits for, or what stopped it."""
        job, at = self.job, f"{timezone.localtime(self.last_progress_at):%Y-%m-%d %H:%M:%S %Z}"
        if job.status == ImportJob.Status.FAILED:
            return _("The import stopped: %(error)s. The files marked done are imported; the others are not.") % {
                "error": job.error
            }
        if job.status == ImportJob.Status.FINISHED:
            return ""
        if job.status == ImportJob.Status.QUEUED:
            notice = _("Waiting for the task worker since %(at)s.") % {"at": at}
        else:
            notice = _("Importing: last progress at %(at)s.") % {"at": at}
        if self.is_stalled:
            notice += " " + _(
                "Nothing has moved for a while: the task worker (manage.py db_worker) may have stopped. "
                "The files done so far are imported; the others are not."
            )
        return notice

    @property
    def summary(self) -> list[str]:
        """The finished import's outcome, as the import screen used to say it."""
        lines = []
        if self.imported:
            numbers = {"imported": self.imported, "total": self.total}
            lines.append(_("Imported %(imported)s of %(total)s file(s).") % numbers)
        if self.failed:
            lines.append(
                _("%(failed)s file(s) could not be imported; nothing was saved for them.") % {"failed": self.failed}
            )
        return lines

    def as_json(self) -> dict:
        return {
            "status": self.job.status,
            "label": self.job.get_status_display(),
            "is_over": self.job.is_over,
            "is_stalled": self.is_stalled,
            "total": self.total,
            "done": self.done,
            "percent": self.percent,
            "counts": {outcome: self.counts.get(outcome, 0) for outcome, _label in Outcome.choices if outcome},
            "counts_text": self.counts_text,
            "notice": self.notice,
            "last_progress_at": self.last_progress_at.isoformat(),
        }

"""Newsroom's work for Django's task worker: imports of many files, the renditions a publish needs,
and telling the WebSub hubs which feeds changed.

They are queued as Wagtail queues its own (reference indexing) and as ``articles.indexing`` queues
search indexing: in the transaction of the change they follow. With ``TASK_QUEUE=database`` the
task's row is written in that transaction, so the worker sees it only once the change is committed,
and never for a change rolled back; there is no moment when the change is saved but its task lost,
as there would be between a commit and a ``transaction.on_commit`` callback. With the immediate
backend the task runs on the spot, in the request, as the work did before it was a task. (The
WebSub notices are queued once the change commits instead: ``articles.feed_announcements`` says why.)
"""

from django_tasks import task

from .import_jobs import run_import_job
from .renditions import make_renditions
from .websub import notify_hubs


@task()
def import_stories_task(job_id: int):
    """Import an ``ImportJob``'s stories (queued by the admin once the job is saved)."""
    run_import_job(job_id)


@task()
def make_renditions_task(wanted: list[tuple[int, list[str]]]):
    """Make the renditions a published page shows: ``wanted`` is (image id, filter specs) pairs."""
    make_renditions(wanted)


def queue_renditions(wanted: list[tuple[int, list[str]]]):
    if wanted:
        make_renditions_task.enqueue(wanted)


@task()
def notify_hubs_task(topics: list[str]) -> dict[str, int]:
    """Tell the WebSub hubs that the feeds ``topics`` changed (``articles.feed_announcements``)."""
    return notify_hubs(topics)

"""The admin's import as a job for the task worker: the job page, its progress and JSON status, the
per-file outcomes, who may see it, and a worker that stops halfway."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import import_jobs
from articles.import_jobs import create_import_job, run_import_job
from articles.models import ArticlePage, ImportJob, PreviewedImport
from articles.roles import REPORTERS
from articles.staging import PreviewError
from authors.models import AuthorPage

from .factories import AuthorPageFactory, SectionFactory
from .helpers import confirm, make_user, member_of, preview, soup_of

BRIDGE = b"Harbour bridge reopens\nBy Ann Poe\nThe harbour bridge reopened to traffic on Tuesday after repairs.\n"
FERRY = b"Ferry returns\nBy Bo Lee\nThe harbour ferry returns to its summer timetable on Monday, the port said.\n"
# Ann Poe's page is written first; then "Solange Reyner" with a Cyrillic a stops the story.
LOOK_ALIKE = "Courts close early\nBy Ann Poe and Sol\u0430nge Reyner\nThe courts will close early on Friday.\n".encode()
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def editor(client, newsroom):
    client.force_login(make_user("editor", superuser=True))
    return client


@pytest.fixture
def queued(settings):
    """Tasks wait in the database for a worker, as in production."""
    settings.TASKS = QUEUED


def job_page(client, *files, **fields):
    """Preview and confirm ``files``; the job page the confirmation redirects to."""
    confirmed = confirm(client, preview(client, *files), **fields)
    assert confirmed.status_code == 302
    return client.get(confirmed["Location"])


def status_of(client, job):
    response = client.get(job_url(job), {"format": "json"})
    assert response.status_code == 200
    return response.json()


def job_url(job):
    return reverse("newsroom_import_job", args=[job.pk])


def outcome_rows(response):
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.select("td")]
        for row in soup_of(response).select(".newsroom-import-results tbody tr")
    ]


def test_import_job_confirming_lands_on_a_finished_job_with_each_files_outcome(editor, newsroom):
    AuthorPageFactory(parent=newsroom.author_index, title="Solange Reyner", live=True)

    response = job_page(editor, ("bridge.txt", BRIDGE), ("courts.txt", LOOK_ALIKE), ("ferry.txt", FERRY))

    soup = soup_of(response)
    bar = soup.select_one("progress")
    assert (bar["value"], bar["max"]) == ("3", "3")
    text = " ".join(soup.get_text(" ").split())
    assert "Finished" in text
    assert "3 of 3 files done: 2 created, 0 updated, 0 unchanged, 0 withdrawn, 1 failed" in text
    assert "Imported 2 of 3 file(s)." in text
    assert "1 file(s) could not be imported; nothing was saved for them." in text
    bridge, ferry = (
        ArticlePage.objects.get(title="Harbour bridge reopens"),
        ArticlePage.objects.get(title="Ferry returns"),
    )
    rows = outcome_rows(response)
    assert rows[0] == ["bridge.txt", "Created, draft", "Harbour bridge reopens"]
    assert rows[1][0] == "courts.txt"
    assert rows[1][1].startswith("Not imported: “Sol\u0430nge Reyner” looks like the author “Solange Reyner”")
    assert rows[2] == ["ferry.txt", "Created, draft", "Ferry returns"]
    links = [a["href"] for a in soup.select(".newsroom-import-results a")]
    assert links == [reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in (bridge, ferry)]
    assert not soup.select("script[src$='import_job.js']")  # nothing left to watch
    assert not soup.select("noscript meta[http-equiv=refresh]")


def test_import_job_a_file_that_fails_midway_leaves_nothing_behind(editor, newsroom):
    AuthorPageFactory(parent=newsroom.author_index, title="Solange Reyner", live=True)

    job_page(editor, ("courts.txt", LOOK_ALIKE))

    assert not AuthorPage.objects.filter(title="Ann Poe").exists()  # written, then rolled back
    assert not ArticlePage.objects.exists()
    assert ImportJob.objects.get().files.get().outcome == "failed"


def test_import_job_publishes_into_a_section_and_says_why_a_story_was_not_published(editor, newsroom):
    science = SectionFactory(name="Science")
    ann = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe", live=True)
    ann.unpublish()  # an editor took her page down: her byline holds the story back

    response = job_page(editor, ("bridge.txt", BRIDGE), ("ferry.txt", FERRY), section=science.pk, publish="on")

    bridge = ArticlePage.objects.get(title="Harbour bridge reopens")
    rows = outcome_rows(response)
    assert rows[0][1] == (
        "Created, draft Not published: Ann Poe's author page is unpublished: publish it again, "
        "or take them off the byline."
    )
    assert rows[1] == ["ferry.txt", "Created, live", "Ferry returns"]
    [problem_link] = soup_of(response).select(".newsroom-import-results .error-message a")
    assert problem_link["href"] == reverse("wagtailadmin_pages:edit", args=[bridge.pk]) + "#id_credits-FORMS"
    assert set(ArticlePage.objects.values_list("section", flat=True)) == {science.pk}
    assert "Section: Science" in soup_of(response).get_text()


def test_import_job_json_status_counts_each_outcome(editor):
    response = job_page(editor, ("bridge.txt", BRIDGE), ("empty.txt", b""), ("ferry.txt", FERRY))
    job = ImportJob.objects.get()

    status = status_of(editor, job)

    assert response.status_code == 200
    assert status["status"] == "finished" and status["is_over"] is True
    assert (status["done"], status["total"], status["percent"]) == (2, 2, 100)  # the empty file never staged
    assert status["counts"] == {"created": 2, "updated": 0, "unchanged": 0, "withdrawn": 0, "failed": 0}


def test_import_job_queued_for_a_worker_shows_no_progress_yet_and_keeps_itself_fresh(editor, queued):
    response = job_page(editor, ("bridge.txt", BRIDGE), ("ferry.txt", FERRY))

    soup = soup_of(response)
    assert (soup.select_one("progress")["value"], soup.select_one("progress")["max"]) == ("0", "2")
    text = " ".join(soup.get_text(" ").split())
    assert "Queued" in text and "0 %" in text
    assert "Waiting for the task worker since" in text
    assert soup.select_one("noscript meta[http-equiv=refresh]")["content"] == "3"
    assert soup.select_one("script[src$='newsroom_articles/js/import_job.js']")
    assert soup.select_one("[data-newsroom-import-job]")["data-status-url"] == "?format=json"
    assert not soup.select(".newsroom-import-results")
    status = status_of(editor, ImportJob.objects.get())
    assert (status["status"], status["done"], status["total"], status["percent"]) == ("queued", 0, 2, 0)
    assert not ArticlePage.objects.exists()
    assert not PreviewedImport.objects.exists()  # the job holds the stories now


@pytest.mark.django_db(transaction=True)
def test_import_job_runs_on_the_worker_and_the_page_then_shows_the_outcomes(editor, queued):
    job_page(editor, ("bridge.txt", BRIDGE), ("ferry.txt", FERRY))
    job = ImportJob.objects.get()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())

    response = editor.get(job_url(job))
    assert [row[:2] for row in outcome_rows(response)] == [
        ["bridge.txt", "Created, draft"],
        ["ferry.txt", "Created, draft"],
    ]
    assert ArticlePage.objects.count() == 2
    job.refresh_from_db()
    assert job.status == "finished" and job.started_at <= job.finished_at


def test_import_job_records_progress_after_each_file(editor, queued, monkeypatch):
    job_page(editor, ("bridge.txt", BRIDGE), ("courts.txt", LOOK_ALIKE), ("ferry.txt", FERRY))
    job = ImportJob.objects.get()
    seen = []
    real_import = import_jobs.import_read_story

    def watched(*args):
        seen.append({key: status_of(editor, job)[key] for key in ("status", "done", "percent")})
        return real_import(*args)

    monkeypatch.setattr(import_jobs, "import_read_story", watched)
    run_import_job(job.pk)

    assert seen == [
        {"status": "running", "done": 0, "percent": 0},
        {"status": "running", "done": 1, "percent": 33},
        {"status": "running", "done": 2, "percent": 66},
    ]
    assert status_of(editor, job)["status"] == "finished"


def test_import_job_left_by_a_worker_that_stopped_keeps_what_it_did_and_says_so(editor, queued, monkeypatch):
    job_page(editor, ("bridge.txt", BRIDGE), ("ferry.txt", FERRY))
    job = ImportJob.objects.get()
    real_import = import_jobs.import_read_story

    def stops_at_the_ferry(story, source, *args):
        if source.file_name == "ferry.txt":
            raise SystemExit("the worker was killed")  # not an error the job can record: the process ends
        return real_import(story, source, *args)

    monkeypatch.setattr(import_jobs, "import_read_story", stops_at_the_ferry)
    with pytest.raises(SystemExit):
        run_import_job(job.pk)

    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        response = editor.get(job_url(job))
        status = status_of(editor, job)
    text = " ".join(soup_of(response).get_text(" ").split())
    assert "Running" in text and "Importing: last progress at" in text
    assert "the task worker (manage.py db_worker) may have stopped" in text
    assert outcome_rows(response) == [
        ["bridge.txt", "Created, draft", "Harbour bridge reopens"],
        ["ferry.txt", "Not imported yet", ""],
    ]
    assert (status["status"], status["done"], status["is_stalled"]) == ("running", 1, True)
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Harbour bridge reopens"]


def test_import_job_fails_visibly_when_its_user_may_no_longer_import(client, newsroom, queued):
    reporter = member_of(REPORTERS, "reporter")
    client.force_login(reporter)
    job_page(client, ("bridge.txt", BRIDGE))
    reporter.groups.clear()
    job = ImportJob.objects.get()

    with pytest.raises(PermissionError):
        run_import_job(job.pk)

    chief = Client()
    chief.force_login(make_user("chief", superuser=True))
    status = status_of(chief, job)
    assert status["status"] == "failed" and status["is_over"] is True
    assert status["notice"].startswith("The import stopped: reporter may no longer import stories.")
    assert not ArticlePage.objects.exists()


def test_import_job_page_is_the_owners_and_superusers_only(client, newsroom, queued):
    reporter = member_of(REPORTERS, "reporter")
    client.force_login(reporter)
    job_page(client, ("bridge.txt", BRIDGE))
    job = ImportJob.objects.get()
    other = Client()
    other.force_login(member_of(REPORTERS, "other-reporter"))
    superuser = Client()
    superuser.force_login(make_user("chief", superuser=True))

    assert other.get(job_url(job)).status_code == 404
    assert other.get(job_url(job), {"format": "json"}).status_code == 404
    assert superuser.get(job_url(job)).status_code == 200
    assert client.get(job_url(job)).status_code == 200
    assert Client().get(job_url(job))["Location"].startswith("/admin/login/")


def test_import_job_page_escapes_the_file_names_it_was_given(editor):
    response = job_page(editor, ('<img src=x onerror="alert(1)">.txt', BRIDGE))

    html = response.content.decode()
    assert '<img src=x onerror="alert(1)">' not in html
    assert outcome_rows(response)[0][0] == '<img src=x onerror="alert(1)">.txt'


def test_import_job_takes_a_preview_once_even_when_confirmed_twice_at_the_same_moment(editor):
    preview(editor, ("bridge.txt", BRIDGE))
    staged = PreviewedImport.objects.get()
    user = staged.user

    create_import_job(staged, user=user, publish=False, section=None)
    with pytest.raises(PreviewError, match="already imported"):
        create_import_job(staged, user=user, publish=False, section=None)

    assert ImportJob.objects.count() == 1

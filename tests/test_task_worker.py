"""The site and its task worker as production runs them, as separate processes over one database: an
editor uploads a .zip of stories through the admin over HTTP, the job waits while no worker runs, a
``db_worker`` imports it, and search finds the stories once the worker has indexed them."""

import io
import sys
import zipfile

from .helpers import ROOT, SEED_FILE, STORIES_DIR
from .serving import free_port, gunicorn
from .task_worker import AdminSession, finish_worker, set_up_site, soup, start_worker, wait_for, worker_site_environment

EDITOR = ("desk-editor", "worker-test-password-0123")
STORY_FILES = [SEED_FILE, *(STORIES_DIR / name for name in ("credit_reports.txt", "hard_wrapped_sign_off.txt"))]
SEED_PATH = "/russia-is-threatening-to-leave-an-american-astronaut-stranded-in-space/"


def story_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in STORY_FILES:
            archive.write(path, f"desk/{path.name}")
        archive.write(STORIES_DIR / "undecodable.txt", "desk/undecodable.txt")
        archive.writestr("__MACOSX/desk/._undecodable.txt", b"\x00\x05\x16\x07")
    return buffer.getvalue()


def job_status(session, job_path):
    return session.get(job_path, params={"format": "json"}).json()


def search_headlines(session, words):
    response = session.get("/search/", params={"q": words})
    assert response.status_code == 200
    return [link.get_text() for link in soup(response).select(".card-headline a")]


def test_task_worker_imports_an_uploaded_archive_and_indexes_it_for_search(tmp_path):
    env = worker_site_environment(tmp_path)
    set_up_site(env, *EDITOR)
    with gunicorn(sys.executable, ROOT, env, f"http://127.0.0.1:{free_port()}") as base:
        editor = AdminSession(base)
        editor.log_in(*EDITOR)
        archive = {"files": ("desk.zip", story_archive(), "application/zip")}
        previewed = editor.post_form("/admin/newsroom/import/", {}, files=archive)
        token = soup(previewed).select_one("input[name=preview]")["value"]
        confirmed = editor.post_form(
            "/admin/newsroom/import/", {"preview": token, "publish": "on"}, allow_redirects=False
        )
        job_path = confirmed.headers["Location"]

        # No worker yet: the job waits, and nothing is imported.
        page = soup(editor.get(job_path))
        assert (page.select_one("progress")["value"], page.select_one("progress")["max"]) == ("0", "3")
        assert page.select_one("[data-job-label]").get_text() == "Queued"
        assert job_status(editor, job_path)["status"] == "queued"
        assert editor.get(SEED_PATH).status_code == 404

        # A worker that runs one task, the import: the page's status follows it to the end.
        worker = start_worker(env, "--max-tasks", "1")
        wait_for(lambda: job_status(editor, job_path)["is_over"], "the job to be over")
        status = job_status(editor, job_path)
        finish_worker(worker)
        assert (status["status"], status["done"], status["total"]) == ("finished", 3, 3)
        assert status["counts"] == {"created": 3, "updated": 0, "unchanged": 0, "withdrawn": 0, "failed": 0}
        rows = soup(editor.get(job_path)).select(".newsroom-import-results tbody tr")
        assert [row.select_one("td strong").get_text() for row in rows] == [
            f"desk.zip/desk/{path.name}" for path in sorted(STORY_FILES, key=lambda path: path.name)
        ]
        outcomes = [" ".join(row.select("td")[1].get_text(" ").split()) for row in rows]
        assert outcomes == [
            "Created, live",
            "Created, draft Not published: The byline is empty: add at least one author.",  # credit_reports.txt
            "Created, live",
        ]
        assert all(row.select_one("td a[href^='/admin/pages/']") for row in rows)
        assert editor.get(SEED_PATH).status_code == 200  # published by the worker
        assert search_headlines(editor, "astronaut") == []  # not indexed yet: the worker's next tasks

        finish_worker(start_worker(env, "--batch"))  # search and reference indexing
        found = wait_for(lambda: search_headlines(editor, "astronaut"), "search to find the story")
        assert found == ["Russia is threatening to leave an American astronaut stranded in space"]

"""The import job's page in Chromium while a real task worker imports: with script it follows the job
from its JSON status and shows the outcomes when it ends; without script it reloads itself until then."""

import sys
import zipfile

import pytest

from ..helpers import ROOT, STORIES_DIR, log_in
from ..serving import free_port, gunicorn
from ..task_worker import finish_worker, set_up_site, start_worker, worker_site_environment

pytestmark = pytest.mark.e2e

EDITOR = ("job-editor", "job-editor-password-0123")
STORIES = ["byline_two_authors.txt", "headline_and_dek.txt", "windows_1252.txt"]


@pytest.fixture(scope="module")
def worker_site(tmp_path_factory):
    """The site with its tasks queued in the database, and no worker until a test starts one."""
    folder = tmp_path_factory.mktemp("worker-site")
    env = worker_site_environment(folder)
    set_up_site(env, *EDITOR)
    with zipfile.ZipFile(folder / "desk.zip", "w") as archive:
        for name in STORIES:
            archive.write(STORIES_DIR / name, name)
    with gunicorn(sys.executable, ROOT, env, f"http://127.0.0.1:{free_port()}") as base:
        yield base, env, folder / "desk.zip"


@pytest.mark.parametrize("has_script", [True, False], ids=["with script", "without script"])
def test_import_job_page_follows_the_worker_to_the_outcomes(browser, worker_site, has_script):
    base, env, archive = worker_site
    context = browser.new_context(java_script_enabled=has_script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, base, EDITOR)
    page.goto(f"{base}/admin/newsroom/import/")
    page.set_input_files("input[name=files]", str(archive))
    page.click("form[enctype] button[type=submit]")
    page.click("text=Import 3 files")
    page.wait_for_url("**/admin/newsroom/import/jobs/*/")
    assert page.text_content("[data-job-label]") == "Queued"
    assert page.get_attribute("progress", "value") == "0"

    finish_worker(start_worker(env, "--batch"))  # the import, then its indexing

    page.wait_for_selector(".newsroom-import-results", timeout=15_000)  # the page reloaded itself
    assert page.text_content("[data-job-label]") == "Finished"
    assert page.get_attribute("progress", "value") == page.get_attribute("progress", "max") == "3"
    assert page.locator(".newsroom-import-results tbody tr").count() == 3
    assert errors == []
    context.close()

"""Two app servers behind nginx, on PostgreSQL, Redis, object storage and the task worker (see
stack.py): what one server does, readers get from the other, and readers do not notice one stopping.

The tests run in file order: the last stops a server. Figures go to var/scaleout.json.
"""

import http.client
import io
import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

import PIL.Image
import pytest
from bs4 import BeautifulSoup

from ..helpers import EDITOR, ROOT, log_in
from ..object_storage_server import fetch_anonymously
from .stack import production_stack

pytestmark = pytest.mark.scaleout

NEW_HEADLINE = "Moscow warns it may leave a US astronaut marooned aboard the orbiting laboratory"
RESULTS = ROOT / "var" / "scaleout.json"
LOAD_SECONDS, STOP_AFTER_SECONDS, READERS = 8, 3, 6


@pytest.fixture(scope="module")
def stack():
    with production_stack() as running:
        yield running


@pytest.fixture(scope="module")
def results():
    figures = {}
    yield figures
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")


@pytest.fixture
def editor_page(browser):
    """A browser signed in nowhere yet, whose requests say they came through the TLS proxy."""
    context = browser.new_context(extra_http_headers={"X-Forwarded-Proto": "https"})
    yield context.new_page()
    context.close()


def read(base, path):
    """(status, body) of an anonymous reader's GET, as the TLS proxy would forward it."""
    request = urllib.request.Request(base + path, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def headline(html):
    return BeautifulSoup(html, "html.parser").h1.get_text(" ", strip=True)


def seed_article(stack):
    shell = "from articles.models import ArticlePage; a = ArticlePage.objects.live().get(); print(a.pk, a.url)"
    article_id, path = stack.manage("shell", "-v0", "-c", shell).stdout.split()
    return int(article_id), path


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_an_edit_published_through_one_server_is_what_readers_get_from_the_other(stack, editor_page, results):
    first, second = stack.servers
    article_id, path = seed_article(stack)
    old_headline = headline(read(second.base, path)[1])  # the second server has it cached now
    assert old_headline != NEW_HEADLINE

    log_in(editor_page, first.base, EDITOR)
    editor_page.goto(f"{first.base}/admin/pages/{article_id}/edit/")
    editor_page.fill("input[name=title]", NEW_HEADLINE)
    editor_page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    editor_page.locator("button[name=action-publish]").click()
    editor_page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    published_at = time.monotonic()

    status, page = read(second.base, path)
    assert (status, headline(page)) == (200, NEW_HEADLINE)
    assert NEW_HEADLINE in read(second.base, "/")[1]
    assert headline(read(stack.balancer, path)[1]) == NEW_HEADLINE
    # Search is indexed by the task worker, not by the editor's request.
    query = "/search/?q=marooned"
    assert wait_for(lambda: NEW_HEADLINE in read(second.base, query)[1])
    results["edit"] = {
        "published_through": first.base,
        "read_from": second.base,
        "headline_on_next_request": True,
        "seconds_until_searchable": round(time.monotonic() - published_at, 2),
    }


def jpeg(width=640, height=480):
    data = io.BytesIO()
    PIL.Image.new("RGB", (width, height), (180, 40, 40)).save(data, "JPEG")
    return data.getvalue()


def test_an_image_uploaded_through_one_server_is_served_by_the_other(stack, editor_page, tmp_path, results):
    first, second = stack.servers
    upload = tmp_path / "harbour-at-dawn.jpg"
    upload.write_bytes(jpeg())
    log_in(editor_page, first.base, EDITOR)
    editor_page.goto(f"{first.base}/admin/images/add/")
    editor_page.fill("input[name=title]", "Harbour at dawn")
    editor_page.set_input_files("input[name=file]", str(upload))
    editor_page.get_by_role("button", name="Upload").click()
    editor_page.wait_for_url(re.compile(r"/admin/images/(\?.*)?$"))

    imports = "from wagtail.images import get_image_model"
    shell = f"{imports}; print(get_image_model().objects.get(title='Harbour at dawn').pk)"
    image_id = stack.manage("shell", "-v0", "-c", shell).stdout.strip()
    editor_page.goto(f"{second.base}/admin/images/{image_id}/")  # the same session, on the other server
    bucket_url = f"{stack.bucket.endpoint_url}/{stack.bucket.name}/"
    preview = editor_page.locator(f"img[src^='{bucket_url}images/']").first.get_attribute("src")
    status, content_type, body = fetch_anonymously(preview)
    assert (status, content_type) == (200, "image/jpeg")
    assert PIL.Image.open(io.BytesIO(body)).size == (640, 480)  # a rendition, made by the second server
    assert preview.removeprefix(bucket_url) in stack.bucket.keys("images/")
    originals = stack.bucket.keys("original_images/")
    assert any("harbour-at-dawn" in key for key in originals)
    results["image"] = {"uploaded_through": first.base, "rendition_from": second.base, "rendition_url": preview}


def hammer(base, paths, stop, outcomes, done):
    """One reader asking for ``paths`` in turn until ``stop`` is set, counting each answer, and
    each failure by kind: a connection refused or reset (OSError), or an answer cut short
    (http.client's IncompleteRead, as for a request in flight when its server dies)."""
    index = 0
    while not stop.is_set():
        try:
            status, _ = read(base, paths[index % len(paths)])
            outcomes[status] += 1
        except (OSError, http.client.HTTPException) as error:
            outcomes[type(error).__name__] += 1
        index += 1
    done.append(base)  # list.append is atomic: each reader that got to the end says so


def test_stopping_one_server_mid_load_leaves_readers_without_errors(stack, results):
    _, path = seed_article(stack)
    paths = ["/", path, "/feeds/latest/rss/", "/search/?q=astronaut", "/sitemap.xml", "/no-such-page/"]
    expected = {200, 404}
    stop, outcomes, done = threading.Event(), Counter(), []
    readers = [
        threading.Thread(target=hammer, args=(stack.balancer, paths, stop, outcomes, done)) for _ in range(READERS)
    ]
    for reader in readers:
        reader.start()
    time.sleep(STOP_AFTER_SECONDS)
    stack.servers[0].stop()  # SIGKILL to the master and its workers: requests in flight are cut
    stopped_at = time.monotonic()
    time.sleep(LOAD_SECONDS - STOP_AFTER_SECONDS)
    stop.set()
    for reader in readers:
        reader.join()

    assert len(done) == READERS  # no reader stopped early on an error it did not count
    failed = {outcome: count for outcome, count in outcomes.items() if outcome not in expected}
    answered = sum(count for outcome, count in outcomes.items() if outcome in expected)
    results["failover"] = {
        "readers": READERS,
        "seconds": LOAD_SECONDS,
        "stopped_after_seconds": STOP_AFTER_SECONDS,
        "answered": answered,
        "failed": failed,
        "seconds_on_one_server": round(time.monotonic() - stopped_at, 1),
    }
    assert sum(failed.values()) <= READERS, f"more failures than requests in flight: {failed}"
    assert answered > 100
    assert read(stack.balancer, path)[0] == 200

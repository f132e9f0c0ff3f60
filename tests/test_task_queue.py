"""What readers see when indexing runs on the task worker (``TASK_QUEUE=database``), not in the
request that published."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from .factories import ArticlePageFactory


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    return [link.get_text() for link in BeautifulSoup(response.content, "html.parser").select(".card-headline a")]


@pytest.mark.django_db(transaction=True)  # the worker commits what it runs
def test_a_search_page_cached_before_the_worker_indexed_the_story_is_not_served_after(client, newsroom, queued_tasks):
    article = ArticlePageFactory(parent=newsroom.news_index, title="Harbour reopens after the storm")
    article.save_revision().publish()

    assert result_titles(client, "harbour") == []  # not indexed yet: and this answer is now cached
    run_worker()

    assert result_titles(client, "harbour") == ["Harbour reopens after the storm"]

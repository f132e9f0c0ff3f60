"""The renditions a publish prepares: made at once with the immediate backend, by the task worker with
the database queue (the publish then waits for no resizing), and never in a reader's request."""

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model

from articles.renditions import AUTHOR_PHOTO_SPECS, BODY_IMAGE_SPECS, LEAD_IMAGE_SPECS

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory


def renditions():
    return {
        (rendition.image_id, rendition.filter_spec)
        for rendition in get_image_model().get_rendition_model().objects.all()
    }


def illustrated_article(newsroom):
    """A draft with a lead image, an image in its body (the lead again, too) and an author with a photo."""
    author = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", photo=ImageFactory(), live=True)
    lead, inline = ImageFactory(), ImageFactory()
    body = [
        ("paragraph", "<p>The harbour reopened on Monday.</p>"),
        ("image", {"image": inline, "caption": "The new quay", "credit": "Port authority"}),
        ("image", {"image": lead, "caption": "Again", "credit": "Port authority"}),
    ]
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[author], lead_image=lead, body=body)
    get_image_model().get_rendition_model().objects.all().delete()  # the author's, made as they went live
    wanted = (
        {(lead.pk, spec) for spec in (*LEAD_IMAGE_SPECS, *BODY_IMAGE_SPECS)}
        | {(inline.pk, spec) for spec in BODY_IMAGE_SPECS}
        | {(author.photo.pk, spec) for spec in AUTHOR_PHOTO_SPECS}
    )
    return article, wanted


def test_renditions_publishing_makes_every_size_the_page_shows_at_once(newsroom):
    article, wanted = illustrated_article(newsroom)
    assert renditions() == set()

    article.save_revision().publish()

    assert renditions() == wanted


def test_renditions_publishing_an_author_makes_their_photo_sizes(newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, photo=ImageFactory())

    author.save_revision().publish()

    assert renditions() == {(author.photo.pk, spec) for spec in AUTHOR_PHOTO_SPECS}


@pytest.mark.django_db(transaction=True)
def test_renditions_are_made_by_the_task_worker_when_tasks_are_queued(newsroom, settings):
    article, wanted = illustrated_article(newsroom)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

    article.save_revision().publish()

    assert renditions() == set()  # the publish did not wait for them
    assert DBTaskResult.objects.filter(task_path="articles.tasks.make_renditions_task").count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    assert renditions() == wanted


@pytest.mark.django_db(transaction=True)
def test_renditions_of_an_image_deleted_before_the_worker_ran_are_skipped(newsroom, settings):
    article, wanted = illustrated_article(newsroom)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    article.save_revision().publish()
    lead_id = article.lead_image_id
    article.lead_image = None
    article.body = [("paragraph", "<p>No pictures now.</p>")]
    article.save_revision()
    get_image_model().objects.get(pk=lead_id).delete()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())

    assert renditions() == {pair for pair in wanted if pair[0] != lead_id}
    assert DBTaskResult.objects.get(task_path="articles.tasks.make_renditions_task").status == "SUCCESSFUL"

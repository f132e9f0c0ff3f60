"""A reporter changes nothing readers see without an editor: not through an image or a document."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex, Site
from wagtail.permissions import policy_registry

from articles.models import NewsroomSettings
from articles.permissions import PublishedMediaPermissionPolicy

from .factories import ArticlePageFactory, AuthorPageFactory, DocumentFactory, ImageFactory


def live_article_showing(newsroom, **fields):
    author = AuthorPageFactory(parent=newsroom.author_index, live=True)
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[author], live=True, **fields)
    ReferenceIndex.create_or_update_for_object(article)
    return article


def test_images_and_documents_follow_newsrooms_policy():
    for model in (get_image_model(), get_document_model()):
        assert isinstance(policy_registry.get_by_type(model), PublishedMediaPermissionPolicy)


def test_a_reporter_may_change_their_own_image_until_readers_see_it(client, newsroom, reporter, editor):
    image = ImageFactory(uploaded_by_user=reporter)
    client.force_login(reporter)
    edit_url = reverse("wagtailimages:edit", args=[image.pk])
    delete_url = reverse("wagtailimages:delete", args=[image.pk])
    assert client.get(edit_url).status_code == 200

    live_article_showing(newsroom, lead_image=image)

    assert client.get(edit_url).status_code == 302  # sent away: "you do not have permission"
    client.post(delete_url)
    client.post(edit_url, {"title": "Replaced", "collection": image.collection_id})
    image.refresh_from_db()
    assert image.title != "Replaced"
    client.force_login(editor)
    assert client.get(edit_url).status_code == 200  # editors still may


def test_a_reporter_may_not_delete_their_document_once_a_live_page_links_it(client, newsroom, reporter):
    document = DocumentFactory(title="Budget", uploaded_by_user=reporter)
    paragraph = f'<p>The <a linktype="document" id="{document.pk}">budget</a> is out.</p>'
    live_article_showing(newsroom, body=[("paragraph", paragraph)])
    client.force_login(reporter)

    client.post(reverse("wagtaildocs:delete", args=[document.pk]))

    assert get_document_model().objects.filter(pk=document.pk).exists()


def media_routes(media, namespace, prefix):
    """Every admin request by which a user changes or deletes an image or a document, each with its
    POST data: the editor, delete, the multiple-upload editor and delete, and bulk delete."""
    form = {"title": "Replaced", "collection": media.collection_id}
    meta = media._meta
    bulk_delete = reverse("wagtail_bulk_action", args=[meta.app_label, meta.model_name, "delete"]) + f"?id={media.pk}"
    return [
        (reverse(f"{namespace}:edit", args=[media.pk]), form),
        (reverse(f"{namespace}:delete", args=[media.pk]), {}),
        (
            reverse(f"{namespace}:edit_multiple", args=[media.pk]),
            {f"{prefix}-{media.pk}-{k}": v for k, v in form.items()},
        ),
        (reverse(f"{namespace}:delete_multiple", args=[media.pk]), {}),
        (bulk_delete, {}),
    ]


def image_routes(image):
    return media_routes(image, "wagtailimages", "image")


def document_routes(document):
    return media_routes(document, "wagtaildocs", "doc")


@pytest.mark.parametrize("used_by", ["lead image of a live article", "logo in Newsroom settings"])
def test_no_route_lets_a_reporter_change_an_image_readers_see(client, newsroom, reporter, used_by):
    image = ImageFactory(uploaded_by_user=reporter, title="Harbour at dawn")
    if used_by == "lead image of a live article":
        live_article_showing(newsroom, lead_image=image)
    else:
        settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
        settings.logo = image
        settings.save()
        ReferenceIndex.create_or_update_for_object(settings)
    client.force_login(reporter)

    for url, data in image_routes(image):
        client.post(url, data)
        image.refresh_from_db()  # raises if it was deleted
        assert image.title == "Harbour at dawn", url


def test_no_route_lets_a_reporter_change_a_document_a_live_page_links(client, newsroom, reporter):
    document = DocumentFactory(title="Budget", uploaded_by_user=reporter)
    live_article_showing(newsroom, body=[("paragraph", f'<p><a linktype="document" id="{document.pk}">Budget</a></p>')])
    client.force_login(reporter)

    for url, data in document_routes(document):
        client.post(url, data)
        document.refresh_from_db()
        assert document.title == "Budget", url


def test_every_route_still_works_for_a_reporters_image_nobody_sees(client, newsroom, reporter):
    image = ImageFactory(uploaded_by_user=reporter, title="Harbour at dawn")
    client.force_login(reporter)
    url, data = image_routes(image)[0]

    client.post(url, data)

    image.refresh_from_db()
    assert image.title == "Replaced"

"""Migrations on a database that already holds records, as a deployed site's does."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.images import get_image_model

from articles.models import ContentVersion, NewsroomSettings

from .factories import ImageFactory

BEFORE_SLUGS = ("newsroom_articles", "0005_corrections_approval_and_confirmed_credit")
WITH_SLUGS = ("newsroom_articles", "0006_slugs_section_order_and_help_text")
BEFORE_IMAGE_RIGHTS = [("newsroom_articles", "0017_body_heading_block"), ("newsroom_core", None)]


def migrate_to(*targets):
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets))
    executor.loader.build_graph()
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def migrate_to_the_latest():
    graph = MigrationExecutor(connection).loader.graph
    return migrate_to(*[node for node in graph.leaf_nodes() if node[0].startswith("newsroom_")])


@pytest.mark.django_db(transaction=True)
def test_existing_outlets_get_slugs_and_sections_keep_their_alphabetical_order():
    apps = migrate_to(BEFORE_SLUGS)
    Outlet, Section = apps.get_model("newsroom_articles", "Outlet"), apps.get_model("newsroom_articles", "Section")
    Outlet.objects.create(name="Le Monde")
    Outlet.objects.create(name="Le-Monde")
    Outlet.objects.create(name="Νέα")
    Section.objects.create(name="World", slug="world")
    Section.objects.create(name="Business", slug="business")

    apps = migrate_to(WITH_SLUGS)

    Outlet, Section = apps.get_model("newsroom_articles", "Outlet"), apps.get_model("newsroom_articles", "Section")
    assert sorted(Outlet.objects.values_list("slug", flat=True)) == ["le-monde", "le-monde-2", "νέα"]
    assert list(Section.objects.order_by("sort_order").values_list("name", flat=True)) == ["Business", "World"]
    migrate_to_the_latest()


def wagtail_roots(apps):
    """The root collection and a site, which a transactional test's emptied database has lost."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    tree = {"path": "0001", "depth": 1, "numchild": 0}
    apps.get_model("wagtailcore", "Collection").objects.get_or_create(name="Root", defaults=tree)
    locale, _ = apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="en")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    root = apps.get_model("wagtailcore", "Page").objects.create(
        title="Root", draft_title="Root", slug="root", url_path="/", locale=locale, content_type=page_type, **tree
    )
    return apps.get_model("wagtailcore", "Site").objects.create(hostname="localhost", root_page=root)


@pytest.mark.django_db(transaction=True)
def test_a_site_on_wagtails_image_model_keeps_its_images_ids_files_renditions_and_tags():
    apps = migrate_to(*BEFORE_IMAGE_RIGHTS)
    Image, Rendition = apps.get_model("wagtailimages", "Image"), apps.get_model("wagtailimages", "Rendition")
    site = wagtail_roots(apps)
    Image.objects.create(title="Placeholder", file="original_images/gone.png", width=1, height=1)
    harbour = Image.objects.create(
        title="Harbour", file="original_images/harbour.png", width=640,
        height=480, file_size=1234, description="Boats at dawn.",
    )  # fmt: skip
    Rendition.objects.create(image=harbour, filter_spec="width-100", file="images/harbour.width-100.png", width=100,
                             height=75)  # fmt: skip
    Tag, TaggedItem = apps.get_model("taggit", "Tag"), apps.get_model("taggit", "TaggedItem")
    ContentType = apps.get_model("contenttypes", "ContentType")
    image_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
    TaggedItem.objects.create(tag=Tag.objects.create(name="harbour", slug="harbour"), content_type=image_type,
                              object_id=harbour.pk)  # fmt: skip
    apps.get_model("newsroom_articles", "NewsroomSettings").objects.create(site=site, logo=harbour)

    migrate_to_the_latest()

    moved = get_image_model().objects.get(pk=harbour.pk)
    assert (moved.title, moved.file.name, moved.width, moved.description) == (
        "Harbour",
        harbour.file.name,
        640,
        "Boats at dawn.",
    )
    assert [rendition.filter_spec for rendition in moved.renditions.all()] == ["width-100"]
    assert list(moved.tags.names()) == ["harbour"]
    assert NewsroomSettings.objects.get().logo == moved
    assert ImageFactory().pk > harbour.pk


def test_a_migrated_database_holds_the_content_version(db):
    assert ContentVersion.objects.count() == 1

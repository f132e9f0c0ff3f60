"""Migrations on a database that already holds records, as a deployed site's does."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from articles.models import ArticleCredit, ContentVersion, NewsroomSettings

from .factories import ImageFactory

BEFORE_SLUGS = ("newsroom_articles", "0005_corrections_approval_and_confirmed_credit")
WITH_SLUGS = ("newsroom_articles", "0006_slugs_section_order_and_help_text")
BEFORE_CREDITS = [("newsroom_articles", "0020_images_with_credits"), ("newsroom_authors", "0003_photo_with_credits")]
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


@pytest.mark.django_db(transaction=True)
def test_the_migration_makes_every_byline_author_a_writer_and_keeps_the_drafts():
    apps = migrate_to(*BEFORE_CREDITS)
    site = wagtail_roots(apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    article_type, _ = ContentType.objects.get_or_create(app_label="newsroom_articles", model="articlepage")
    author_type, _ = ContentType.objects.get_or_create(app_label="newsroom_authors", model="authorpage")
    Page = apps.get_model("wagtailcore", "Page")
    locale = site.root_page.locale
    authors = [
        apps.get_model("newsroom_authors", "AuthorPage").objects.create(
            title=name,
            draft_title=name,
            slug=f"a{i}",
            path=f"00010001{i:04d}",
            depth=3,
            url_path=f"/a{i}/",
            locale=locale,
            content_type=author_type,
            name_key=name.casefold(),
            name_skeleton=name.casefold(),
        )
        for i, name in enumerate(["Carla Díaz", "Владимир Соловьёв", "李明"], start=1)
    ]
    article = apps.get_model("newsroom_articles", "ArticlePage").objects.create(
        title="Bridge", draft_title="Bridge", slug="bridge", path="000100020001", depth=3, url_path="/bridge/",
        locale=locale, content_type=article_type, body="[]",
    )  # fmt: skip
    Page.objects.filter(pk=site.root_page.pk).update(numchild=2)
    Byline = apps.get_model("newsroom_articles", "ArticlePageAuthor")
    for order, author in zip([2, 0, 1], authors, strict=True):
        byline = Byline.objects.create(page=article, author=author, sort_order=order)
    page_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0]
    apps.get_model("wagtailcore", "ReferenceIndex").objects.create(
        content_type=article_type, base_content_type=page_type, object_id=str(article.pk), to_content_type=page_type,
        to_object_id=str(authors[-1].pk), model_path="authors.item.author", content_path=f"authors.{byline.pk}.author",
        content_path_hash=ReferenceIndex._get_content_path_hash(f"authors.{byline.pk}.author"),
    )  # fmt: skip
    draft = {"pk": article.pk, "title": "Bridge", "authors": [{"pk": None, "author": authors[0].pk, "sort_order": 0}]}
    Revision = apps.get_model("wagtailcore", "Revision")
    revision = Revision.objects.create(
        content_type=article_type, base_content_type=article_type, object_id=str(article.pk), content=draft,
        object_str="Bridge", created_at=timezone.now(),
    )  # fmt: skip

    migrate_to_the_latest()

    credits = ArticleCredit.objects.filter(page_id=article.pk).order_by("sort_order")
    assert [(c.author.title, c.role) for c in credits] == [("Владимир Соловьёв", "writer"), ("李明", "writer"),
                                                         ("Carla Díaz", "writer")]  # fmt: skip
    content = Revision.objects.get(pk=revision.pk).content
    assert "authors" not in content
    assert content["credits"] == [{"pk": None, "author": authors[0].pk, "sort_order": 0, "role": "writer"}]
    reference = ReferenceIndex.objects.get(object_id=str(article.pk))  # the admin's "Usage" of the author
    assert (reference.model_path, reference.content_path) == ("credits.item.author", f"credits.{byline.pk}.author")
    assert reference.content_path_hash == ReferenceIndex._get_content_path_hash(reference.content_path)
    assert reference.describe_source_field() == "Credit → Person"

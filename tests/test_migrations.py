"""Migrations on a database that already holds records, as a deployed site's does."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import ContentVersion

BEFORE_SLUGS = ("newsroom_articles", "0005_corrections_approval_and_confirmed_credit")
WITH_SLUGS = ("newsroom_articles", "0006_slugs_section_order_and_help_text")


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    executor.loader.build_graph()
    return executor.loader.project_state([target]).apps


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
    migrate_to(MigrationExecutor(connection).loader.graph.leaf_nodes("newsroom_articles")[0])


def test_a_migrated_database_holds_the_content_version(db):
    assert ContentVersion.objects.count() == 1

"""An index on the pages' expiry time, for the pages past it that readers may no longer see
(``articles.expiry.expired``): without it, the API read every page on each request to find them.
Partial, as most pages never expire. The table is Wagtail's, so the index is made by SQL that
SQLite and PostgreSQL both read."""

from django.conf import settings
from django.db import migrations

INDEX = "newsroom_page_expire_at"


def page_table(apps, schema_editor):
    return schema_editor.quote_name(apps.get_model(settings.WAGTAIL_PAGE_MODEL)._meta.db_table)


def create_index(apps, schema_editor):
    table = page_table(apps, schema_editor)
    schema_editor.execute(f"CREATE INDEX {INDEX} ON {table} (expire_at) WHERE expire_at IS NOT NULL")


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom_articles", "0013_content_version_shared_token"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]

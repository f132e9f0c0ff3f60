"""On PostgreSQL, a full-text index on what Wagtail's search looks in: the search index's title and
body together. Wagtail's database backend matches ``title || body`` against the words, which
neither of the indexes Wagtail makes (one on ``title``, one on ``body``) can answer, so PostgreSQL
read the pages newest first and tried each story in turn: a word one story in 100,000 has took
629 ms, with this index 81 ms (``make bench-scale``). SQLite searches its own full-text table."""

from django.db import migrations

INDEX = "newsroom_search_title_and_body"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(f"CREATE INDEX {INDEX} ON {table} USING gin ((title || body))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom_articles", "0014_page_expiry_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]

"""SQLite's query planner has statistics on the search index once an import run ends: a search then
starts from the full-text index, not from one lookup per indexed story; the page table keeps none,
so listings keep reading in publication order (``articles.planner_statistics``)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from .helpers import SEED_FILE, confirm, make_user, preview

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL's autovacuum keeps its planner's statistics itself"
)
SEARCH_INDEX = "wagtailsearch_indexentry"


def analysed_tables():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return set()
        cursor.execute("SELECT tbl FROM sqlite_stat1")
        return {table for (table,) in cursor.fetchall()}


def test_an_import_command_run_leaves_statistics_for_the_search_index(newsroom):
    assert SEARCH_INDEX not in analysed_tables()

    call_command("import_story", "--publish", str(SEED_FILE), stdout=io.StringIO())

    assert analysed_tables() == {SEARCH_INDEX}


def test_a_dry_run_writes_no_statistics(newsroom):
    call_command("import_story", "--dry-run", str(SEED_FILE), stdout=io.StringIO())

    assert analysed_tables() == set()


def test_an_admin_import_job_leaves_statistics_for_the_search_index(client, newsroom):
    client.force_login(make_user("editor", superuser=True))

    confirmed = confirm(client, preview(client, ("seed.txt", SEED_FILE.read_bytes())), publish=True)

    assert confirmed.status_code == 302
    assert SEARCH_INDEX in analysed_tables()

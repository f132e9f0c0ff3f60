"""Statistics for SQLite's query planner on the search index, refreshed when an import run ends.

PostgreSQL's autovacuum keeps its planner's statistics up to date; SQLite keeps none until
``ANALYZE`` runs, and Django never runs it. Without them SQLite's planner drives modelsearch's
full-text query from the search index's rows instead of from the full-text index, one lookup per
indexed story: a search of 20,000 stories for a word only one of them has took 225 ms, with
statistics 7 ms. Only the search index is analysed: with statistics on the page table too, the
planner sorted whole listings instead of reading them in publication order (``make bench-scale``:
the home page of 100,000 articles 13 ms to 29 ms, a deep page 152 ms).
"""

from django.db import connections
from modelsearch.conf import get_app_config


def refresh_planner_statistics(using: str = "default"):
    """Refresh SQLite's planner statistics for the search index; elsewhere, nothing to do."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")

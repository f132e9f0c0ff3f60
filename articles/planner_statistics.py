"""Statistics for SQLite's query planner, refreshed when an import run ends.

PostgreSQL's autovacuum keeps its planner's statistics up to date; SQLite keeps none until
``ANALYZE`` runs, and Django never runs it. Without them SQLite's planner drives modelsearch's
full-text query from the search index's rows instead of from the full-text index, one lookup per
indexed story: a search of 100,000 stories for a word only one of them has took 1.9 s, with
statistics 9 ms (``make bench-scale``). ``ANALYZE`` under an analysis limit reads a sample of each
index, so it costs about the same at any size (34 ms for 20,000 articles).
"""

from django.db import connections

ANALYSIS_LIMIT = 400  # rows sampled per index: SQLite's documented range for a quick, close estimate


def refresh_planner_statistics(using: str = "default"):
    """Refresh SQLite's planner statistics (``ANALYZE``); on other databases, nothing to do."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")

"""Statistics for SQLite's query planner, refreshed when an import run ends.

PostgreSQL's autovacuum keeps its planner's statistics up to date; SQLite keeps none until
``ANALYZE`` runs, and Django never runs it. Without them SQLite's planner drives modelsearch's
full-text query from the search index's rows instead of from the full-text index, one lookup per
indexed story: a search of 20,000 stories for a word only one of them has took 225 ms, with
statistics 9 ms (``make bench-scale`` has the figures at 100,000). The whole ``ANALYZE`` is cheap
(46 ms for 20,000 articles); an ``analysis_limit`` would make it cheaper still, but its sampled
estimates made SQLite sort a whole listing instead of reading it in publication order (the home
page of 100,000 articles: 13 ms to 66 ms).
"""

from django.db import connections

def refresh_planner_statistics(using: str = "default"):
    """Refresh SQLite's planner statistics (``ANALYZE``); on other databases, nothing to do."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

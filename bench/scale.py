"""``make bench-scale``: what reading costs with 100,000 articles, against the same site with 1,000.

1. For each size (1,000, then 100,000 articles by default) builds a throwaway database — SQLite in
   a temporary folder, or a throwaway PostgreSQL database when DATABASE_URL points at PostgreSQL —
   runs ``migrate``, ``setup_newsroom`` and ``collectstatic``, and writes the site in bulk (``bench.generated_site``):
   the articles, 2,000 live author pages, 50 sections and 500 tags, one to three authors and two
   tags per article; then indexes it for search with ``update_index`` and refreshes the planner's
   statistics, as the end of an import run does on SQLite and autovacuum on PostgreSQL. The smaller site has as
   many authors, sections and tags per article (20, 1 and 5 at 1,000), so an author's or a tag's
   listing and feeds hold as many stories at both sizes.
2. In that process, with production settings and the site's cache (Redis when REDIS_URL is set),
   asks for each page as a first reader would — the caches cleared, the site-wide ones warmed by
   another page, as the query-budget tests do — and as the next reader does (the reader cache
   warm): the median time of several requests, and the queries of the cold one.
3. Prints each figure at both sizes with the ratio (target: at most 1.5 times) and writes JSON.

Deep pages are page 2,000 of the home page and the last page of each other listing (at 1,000
articles, where there is no page 2,000, the last page), asked for as "Older" links them (by the key
of the page before's last story) and by number (``?page=N``, an old link's way). A sitemap page
lists every article up to 50,000, so its cost is compared per URL listed. Search is asked for one story's number (a rare
word) and for a word every story has.
"""

import argparse
import io
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/: the project's own packages

from bench.bench import bench_database, bench_environment  # noqa: E402

SITE = "localhost"
DEEP_PAGE = 2_000
RATIO_TARGET = 1.5
LISTING_PAGES = ("page 1", "deep page", "deep page by number")
# The query budgets tests/test_performance.py asserts, for the figures it asserts them on.
QUERY_BUDGETS = {
    "article page": 10,
    **{f"{name}, {page}": 12 for name in ("home", "section") for page in LISTING_PAGES},
    "home, page 1": 14,  # the front page: pins and section blocks beside the listing
    **{f"author, {page}": 10 for page in LISTING_PAGES},
    **dict.fromkeys(["feed latest rss", "feed latest atom", "feed latest json"], 8),
    **dict.fromkeys(["sitemap index", "last sitemap page", "news sitemap"], 8),
    **dict.fromkeys(["API list", "API list, deep offset"], 14),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000, help="the size compared against (default 1,000)")
    parser.add_argument("--authors", type=int, default=2_000)
    parser.add_argument("--sections", type=int, default=50)
    parser.add_argument("--tags", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5, help="requests per figure (median)")
    parser.add_argument("--json", default=str(ROOT / "var" / "bench-scale.json"))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size here
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        Path(args.out).write_text(json.dumps(measure_one_size(args.one, args)))
        return

    results = {"sizes": {}}
    for size in (args.baseline, args.articles):
        results["sizes"][str(size)] = run_size(size, args)
    results["database"] = results["sizes"][str(args.articles)]["database"]
    print_table(results, args)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {args.json}")


def run_size(size: int, args) -> dict:
    """Build and measure one size in its own process (Django settings are per process)."""
    with tempfile.TemporaryDirectory(prefix="newsroom-scale-") as folder, bench_database(folder) as database_url:
        env = bench_environment(folder, database_url)
        out = Path(folder) / "figures.json"
        command = [sys.executable, __file__, "--one", str(size), "--out", str(out)]
        for option in ("authors", "sections", "tags"):  # as many per article at every size
            command += [f"--{option}", str(max(1, round(getattr(args, option) * size / args.articles)))]
        command += ["--repeat", str(args.repeat)]
        print(f"building and measuring {size:,} articles …", flush=True)
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        return json.loads(out.read_text())


def measure_one_size(size: int, args) -> dict:
    import django

    django.setup()
    from django.core.management import call_command  # Django is set up only now, with the bench's settings
    from django.db import connection

    from articles.planner_statistics import refresh_planner_statistics
    from bench.generated_site import check_tree, write_site  # as above: it imports the models

    timings = {}
    started = time.perf_counter()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("setup_newsroom", "--site-url", f"http://{SITE}", stdout=io.StringIO())
    call_command("collectstatic", "--noinput", verbosity=0)  # production settings serve hashed static files
    timings["setup_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    write_site(size, authors=args.authors, sections=args.sections, tags=args.tags)
    timings["write_seconds"] = round(time.perf_counter() - started, 1)
    check_tree()
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    refresh_planner_statistics()  # as the end of an import run leaves the database
    if connection.vendor == "postgresql":
        # Autovacuum analyses tables this freshly filled within a minute or so; the bench does not
        # wait for it. Measured before it, the home page of 50,000 articles took 151 ms, after it 20.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    timings["index_seconds"] = round(time.perf_counter() - started, 1)
    print(f"  written in {timings['write_seconds']}s, indexed in {timings['index_seconds']}s", flush=True)
    figures = {name: measure(url, args.repeat) for name, url in targets(size)}
    generated = {"authors": args.authors, "sections": args.sections, "tags": args.tags}
    return {"database": connection.vendor, "articles": size, "generated": generated, "build": timings,
            "figures": figures}  # fmt: skip


def targets(size: int) -> list[tuple[str, str]]:
    """(figure, URL) for everything measured on a site of ``size`` generated articles."""
    from articles.models import ArticlePage, Section  # Django is set up only now
    from authors.models import AuthorPage
    from newsroom_core.app_settings import newsroom_setting
    from newsroom_core.pagination import item_key

    per_page = newsroom_setting("PAGE_SIZE")
    section = Section.objects.get(slug="desk-0")  # a generated one: setup_newsroom's starter sections are empty
    author = AuthorPage.objects.order_by("pk").first()
    listed = ArticlePage.objects.visible_to_readers()
    listings = {
        "home": ("/", listed),
        "section": (f"/section/{section.slug}/", listed.filter(section=section)),
        "tag": ("/tag/topic-0/", listed.filter(tags__slug="topic-0")),
        "author": (author.url, listed.by_author(author)),
    }
    found = [("article page", f"/generated-story-{size // 2}/")]
    for name, (url, articles) in listings.items():
        number = min(DEEP_PAGE, max(2, math.ceil(articles.count() / per_page)))
        found += [
            (f"{name}, page 1", url),
            # As a reader reaches it, by "Older" from the page before (its key is that page's last story's) …
            (f"{name}, deep page", f"{url}?page={number}&before={item_key(articles[(number - 1) * per_page - 1])}"),
            # … and as an old link or a typed address names it, by number.
            (f"{name}, deep page by number", f"{url}?page={number}"),
        ]
    api = "/api/v2/pages/?type=newsroom_articles.ArticlePage&fields=byline,tags"
    for kind, slug in (("latest", ""), ("authors", author.slug), ("sections", section.slug), ("tags", "topic-0")):
        for format_name in ("rss", "atom", "json"):
            path = f"/feeds/{kind}/{slug + '/' if slug else ''}{format_name}/"
            found.append((f"feed {kind} {format_name}", path))
    found += [
        ("search, one story's number", f"/search/?q={size // 3}"),
        ("search, a word in every story", "/search/?q=generated"),
        ("sitemap index", "/sitemap.xml"),
        ("last sitemap page", f"/sitemap-pages.xml?p={math.ceil((size + 2) / 50_000)}"),
        ("news sitemap", "/sitemap-news.xml"),
        ("API list", api),
        ("API list, deep offset", f"{api}&offset={max(0, min(size, DEEP_PAGE * per_page) - per_page)}"),
    ]
    return found


def measure(url: str, repeat: int) -> dict:
    """A first reader's request (caches cleared, the site-wide ones warmed by another page) and the
    next reader's (the reader cache warm): median milliseconds, the cold one's queries and size."""
    from django.core.cache import caches  # Django is set up only now
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=SITE)
    cold, queries = [], 0
    for _ in range(repeat):
        for alias in ("default", "renditions"):
            caches[alias].clear()
        client.get("/authors/")
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            cold.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        queries = len(captured)
    warm = []
    for _ in range(repeat * 4):
        started = time.perf_counter()
        client.get(url)
        warm.append(time.perf_counter() - started)
    return {
        "url": url,
        "cold_ms": round(statistics.median(cold) * 1000, 2),
        "warm_ms": round(statistics.median(warm) * 1000, 2),
        "queries": queries,
        "bytes": len(response.content),
        "sitemap_urls": response.content.count(b"<url>"),
    }


def print_table(results: dict, args):
    small, large = (results["sizes"][str(size)] for size in (args.baseline, args.articles))
    print(f"\nNewsroom scale bench — {results['database']}; medians of {args.repeat} cold and "
          f"{args.repeat * 4} warm requests")  # fmt: skip
    for size in (small, large):
        build, made = size["build"], size["generated"]
        print(f"{size['articles']:>7,} articles, {made['authors']:,} authors, {made['sections']} sections, "
              f"{made['tags']} tags: written in {build['write_seconds']}s, "
              f"indexed in {build['index_seconds']}s")  # fmt: skip
    a, b = f"{args.baseline:,}", f"{args.articles:,}"
    header = f"{'figure':38} {'cold ' + a:>11} {'cold ' + b:>12} {'ratio':>6} {'warm ' + a:>11} {'warm ' + b:>12} {'ratio':>6} {'queries':>9}"  # noqa: E501
    print("\n" + header)
    misses = []
    for name, before in small["figures"].items():
        after = large["figures"][name]
        cold, warm = ratio(before, after, "cold_ms"), ratio(before, after, "warm_ms")
        budget = QUERY_BUDGETS.get(name)
        over = budget is not None and after["queries"] > budget
        label = name + (f" ({page_of(before)}→{page_of(after)})" if "page=" in after["url"] else "")
        label = label.replace("deep page by number", "by number")
        queries = f"{before['queries']}→{after['queries']}" + ("!" if over else "")
        print(f"{label:38} {before['cold_ms']:>9.1f}ms {after['cold_ms']:>10.1f}ms {cold:>5.2f}× "
              f"{before['warm_ms']:>9.2f}ms {after['warm_ms']:>10.2f}ms {warm:>5.2f}× {queries:>9}")  # fmt: skip
        if cold > RATIO_TARGET or over:
            misses.append(name)
    print(f"\nsitemap pages are compared per URL listed; over {RATIO_TARGET}× cold or over the query budget (!): "
          + (", ".join(misses) or "none"))  # fmt: skip
    results["over_target"] = misses


def page_of(figure: dict) -> str:
    return figure["url"].split("page=", 1)[1].split("&", 1)[0]


def ratio(before: dict, after: dict, key: str) -> float:
    """``after`` over ``before``; for a sitemap page, per URL it lists."""
    if before["sitemap_urls"] and after["sitemap_urls"]:
        return (after[key] / after["sitemap_urls"]) / (before[key] / before["sitemap_urls"])
    return after[key] / before[key]


if __name__ == "__main__":
    main()

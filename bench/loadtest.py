"""``make loadtest``: reader traffic against gunicorn with production settings, then a 404 flood.

1. A fresh database, as ``make bench`` builds it, with N generated stories imported and published.
2. gunicorn with production settings (2 workers) on 127.0.0.1, loaded by wrk for a bounded time
   with a mix of article pages, listings, feeds, author pages, searches and 404s: requests/s,
   p50/p95/p99 and the answers by status. It must end with no server error and no socket error.
3. The article pages alone, then again while a second wrk floods the site with 404s, the way a
   scanner does (a few hundred missing paths, over and over): the articles' p95 under the flood
   must stay within twice their own p95.

Prints the figures, writes them as JSON, and exits non-zero if a check fails. SQLite by default;
PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set. Needs wrk.
"""

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import ROOT, bench_database, bench_environment, gunicorn, manage, write_stories

PORT = 8111
MIX_SCRIPT = Path(__file__).with_name("mix.lua")
SEARCH_WORDS = ["astronaut", "space", "russia", "station", "moscow", "nasa", "ukraine", "crew", "zebra"]
SCANNED = ["wp-login.php", ".env", "wp-admin/", "xmlrpc.php", ".git/config", "phpmyadmin/", "admin.php",
           "config.json", "backup.zip", "server-status"]  # fmt: skip
FLOOD_LIMIT = 2.0  # article p95 under a 404 flood, as a multiple of its p95 without one
FLOOD_WARM_UP = 5  # seconds of flood before the articles are measured
ARTICLE_CLIENTS = 4  # readers of article pages in the flood runs; the flood comes from as many connections


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60, help="length of the mixed run (default 60)")
    parser.add_argument("--flood-seconds", type=int, default=15, help="length of each flood run (default 15)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--json", default=str(ROOT / "var" / "loadtest.json"))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("loadtest: wrk is needed as the load generator (Debian: apt-get install wrk).")

    with tempfile.TemporaryDirectory(prefix="newsroom-loadtest-") as folder, bench_database(folder) as database_url:
        env = bench_environment(folder, database_url)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")  # production settings serve hashed static files
        manage(env, "setup_newsroom", "--site-url", f"http://127.0.0.1:{PORT}", stdout=subprocess.DEVNULL)
        stories = write_stories(Path(folder) / "stories", args.stories)
        manage(env, "import_story", "--publish", str(stories), stdout=subprocess.DEVNULL)
        site = gunicorn(env, "newsroom.wsgi", PORT)
        try:
            paths = reader_paths(f"http://127.0.0.1:{PORT}")
            results = {
                "mixed": wrk(folder, "mixed", mixed(paths), args.seconds, args.connections),
                "articles alone": wrk(folder, "articles", paths["articles"], args.flood_seconds, ARTICLE_CLIENTS),
            }
            results["articles under a 404 flood"], results["the 404 flood"] = articles_under_flood(folder, paths, args)
        finally:
            site.terminate()
    failures = check(results)
    print_table(results, failures)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"runs": results, "failures": failures}, indent=2))
    print(f"\nwritten to {args.json}")
    sys.exit(1 if failures else 0)


def reader_paths(base):
    """The site's own links: articles and authors from the home page, feeds, searches, and 404s."""
    home = urllib.request.urlopen(base + "/").read().decode()
    articles = re.findall(r'class="card-headline"><a href="([^"]+)"', home)
    article = urllib.request.urlopen(base + articles[0]).read().decode()
    authors = sorted(set(re.findall(r'href="(/authors/[^/"]+/)"', article)))
    rng = random.Random(2026)
    return {
        "articles": articles,
        "listings": ["/", "/?page=2", "/authors/"],
        "authors": authors,
        "feeds": [f"/feeds/latest/{fmt}/" for fmt in ("rss", "atom", "json")]
        + [f"/feeds{author}{fmt}/" for author in authors for fmt in ("rss", "atom")],
        "searches": [f"/search/?q={word}" for word in SEARCH_WORDS],
        # A scanner's list: the same few hundred missing paths, tried over and over.
        "missing": [f"/{name}" for name in SCANNED] + [f"/no-such-story-{rng.getrandbits(48):x}/" for _ in range(290)],
    }


def mixed(paths):
    """Weighted like a news site's traffic: mostly articles, then listings, feeds and the rest."""
    weights = {"articles": 45, "listings": 10, "feeds": 15, "authors": 10, "searches": 10, "missing": 10}
    rng = random.Random(1)
    return [rng.choice(paths[kind]) for kind, weight in weights.items() for _ in range(weight * 20)]


def articles_under_flood(folder, paths, args):
    """Article pages measured while the flood runs, once it has run for a while: a scanner's
    flood lasts minutes, and each worker meets each missing path for the first time only once."""
    seconds = FLOOD_WARM_UP + args.flood_seconds + 2
    # Its answers go uncounted (counting costs CPU the server shares); the mixed run checks 404s.
    flood = start_wrk(folder, "flood", paths["missing"], seconds, ARTICLE_CLIENTS, count=False)
    try:
        time.sleep(FLOOD_WARM_UP)
        articles = wrk(folder, "articles-flooded", paths["articles"], args.flood_seconds, ARTICLE_CLIENTS)
    finally:
        flooded = finish_wrk(flood)
    return articles, flooded


def wrk(folder, name, paths, seconds, connections):
    return finish_wrk(start_wrk(folder, name, paths, seconds, connections))


def start_wrk(folder, name, paths, seconds, connections, count=True):
    paths_file = Path(folder) / f"{name}.paths"
    paths_file.write_text("\n".join(paths) + "\n")
    threads = 2 if connections > ARTICLE_CLIENTS else 1  # the flood runs leave the server what they can
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(MIX_SCRIPT)]
    command.append(f"http://127.0.0.1:{PORT}")
    env = {"LOADTEST_PATHS": str(paths_file), "LOADTEST_COUNT": "1" if count else "0", "PATH": "/usr/bin:/bin"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    process.connections = connections
    return process


def finish_wrk(process):
    output, _ = process.communicate()
    figures = json.loads(next(line for line in output.splitlines() if line.startswith("{")))
    figures["connections"] = process.connections
    figures["requests_per_second"] = round(figures["requests"] / figures["seconds"], 1)
    return figures


def check(results):
    failures = []
    for name, run in results.items():
        server_errors = sum(count for status, count in run["statuses"].items() if status.startswith("5"))
        if server_errors or run["socket_errors"]:
            failures.append(f"{name}: {server_errors} server errors, {run['socket_errors']} socket errors")
    alone, flooded = results["articles alone"]["p95_ms"], results["articles under a 404 flood"]["p95_ms"]
    if flooded > FLOOD_LIMIT * alone:
        failures.append(f"a 404 flood slowed article pages {flooded / alone:.1f}× at p95 (limit {FLOOD_LIMIT}×)")
    return failures


def print_table(results, failures):
    print(f"\n{'run':28} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  answers")
    for name, run in results.items():
        answers = ", ".join(f"{status}: {count}" for status, count in sorted(run["statuses"].items()))
        print(f"{name:28} {run['connections']:>7} {run['requests_per_second']:>8.0f} {run['p50_ms']:>8.2f} "
              f"{run['p95_ms']:>8.2f} {run['p99_ms']:>8.2f}  {answers}")  # fmt: skip
    alone, flooded = results["articles alone"]["p95_ms"], results["articles under a 404 flood"]["p95_ms"]
    print(f"\narticle p95 under the 404 flood: {flooded / alone:.2f}× its p95 alone (limit {FLOOD_LIMIT}×)")
    print("\n".join(f"FAILED: {failure}" for failure in failures) or "all checks passed")


if __name__ == "__main__":
    main()

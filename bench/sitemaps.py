"""``make bench-sitemaps``: the sitemap split measured with many live articles.

1. Builds a throwaway SQLite database in ``var/bench-sitemaps/`` (migrate, ``setup_newsroom``,
   ``collectstatic``) and writes N live, public articles under the news index in bulk
   (``bench.generated_site``). Article n was first published 30·n seconds ago, so the last two
   days' 5,760 reach the news sitemap.
2. Serves the site with gunicorn and production settings, fetches both sitemap indexes from
   robots.txt and every sitemap page each lists, and checks that no page holds more than its
   limit, that every article is listed once and that a generated article reads as a page.
3. Prints the number of sitemaps, the URLs in each and the time each took, and writes them as JSON.
"""

import argparse
import json
import os
import shutil
import sys
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/: the project's own packages

import django  # noqa: E402

from bench.bench import bench_environment, gunicorn  # noqa: E402

FOLDER = ROOT / "var" / "bench-sitemaps"
PORT = 8104
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
PUBLISHED_EVERY = timedelta(seconds=30)  # as bench.generated_site writes them
TIMEOUT_SECONDS = 300  # for a 50,000-URL sitemap page on a slow machine, past gunicorn's default 30


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60_000)
    parser.add_argument("--json", default=str(ROOT / "var" / "bench-sitemaps.json"))
    parser.add_argument("--keep", action="store_true", help=f"keep the database in {FOLDER.relative_to(ROOT)}/")
    args = parser.parse_args()

    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    env = bench_environment(str(FOLDER), f"sqlite:///{FOLDER}/bench.sqlite3")
    try:
        results = {"articles": args.articles, "generation": build_site(env, args.articles)}
        results |= fetch_sitemaps(env)
    finally:
        if not args.keep:
            shutil.rmtree(FOLDER, ignore_errors=True)
    check(results, args.articles)
    print_figures(results)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {args.json}")


def build_site(env, count: int) -> dict:
    """Migrate and set up the database, then write ``count`` articles; how long each step took."""
    os.environ.update(env)
    django.setup()
    from django.core.management import call_command  # Django is set up only now, with the bench's settings

    started = time.perf_counter()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("setup_newsroom", "--site-url", f"http://127.0.0.1:{PORT}")
    call_command("collectstatic", "--noinput", verbosity=0)  # a generated article is read as a page, too
    migrated = time.perf_counter()
    from bench.generated_site import check_tree, write_site  # it imports the models: Django is set up now

    write_site(count)
    written = time.perf_counter()
    written_at = time.time()
    check_tree()
    checked = time.perf_counter()
    return {
        "written_at": written_at,
        "setup_seconds": round(migrated - started, 1),
        "write_seconds": round(written - migrated, 1),
        "articles_per_second": round(count / (written - migrated)) if count else None,
        "tree_check_seconds": round(checked - written, 1),
    }


def fetch_sitemaps(env) -> dict:
    """Both indexes, as robots.txt names them, and every sitemap page they list, timed."""
    server = gunicorn(env, "newsroom.wsgi", PORT, GUNICORN_CMD_ARGS=f"--timeout {TIMEOUT_SECONDS}")
    try:
        robots = urllib.request.urlopen(f"http://127.0.0.1:{PORT}/robots.txt").read().decode()
        indexes = [line.split(": ", 1)[1] for line in robots.splitlines() if line.startswith("Sitemap: ")]
        full, news = (fetch_index(address) for address in indexes)
        listed = (url for page in full["sitemaps"] for url in page["locations"] if "/generated-story-" in url)
        article = next(listed, None)
        if article is not None:  # a generated row reads as a page
            full["article_status"] = urllib.request.urlopen(article).status
    finally:
        server.terminate()
        server.wait()
    return {"full": full, "news": news}


def fetch_index(address: str) -> dict:
    seconds, body = timed_get(address)
    sitemaps = [loc.text for loc in ElementTree.fromstring(body).findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    pages = []
    for location in sitemaps:
        page_seconds, page_body = timed_get(location)
        urls = [loc.text for loc in ElementTree.fromstring(page_body).findall("sm:url/sm:loc", SITEMAP_NS)]
        pages.append({"url": location, "urls": len(urls), "bytes": len(page_body), "seconds": page_seconds,
                      "locations": urls})  # fmt: skip
    return {"index": address, "index_seconds": seconds, "sitemaps": pages}


def timed_get(address: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    with urllib.request.urlopen(address, timeout=TIMEOUT_SECONDS) as response:
        body = response.read()
    return round(time.perf_counter() - started, 2), body


def check(results: dict, count: int):
    """Each sitemap within its limit, every article in the full sitemap once, the news window's in the news one."""
    for name, limit in (("full", 50_000), ("news", 1_000)):
        for page in results[name]["sitemaps"]:
            if page["urls"] > limit:
                raise RuntimeError(f"{page['url']} holds {page['urls']} URLs, over {limit}")
    listed = [url for page in results["full"]["sitemaps"] for url in page.pop("locations")]
    news = [url for page in results["news"]["sitemaps"] for url in page.pop("locations")]
    if len(listed) != len(set(listed)) or sum("/generated-story-" in url for url in listed) != count:
        raise RuntimeError("the full sitemap does not list every generated article exactly once")
    # The two-day window moves on while the bench runs: an article leaves it every 30 seconds.
    expected_news = min(count, int(timedelta(days=2) / PUBLISHED_EVERY) + 1)
    drift = (time.time() - results["generation"]["written_at"]) / PUBLISHED_EVERY.total_seconds() + 2
    if len(news) != len(set(news)) or not expected_news - drift <= len(news) <= expected_news:
        raise RuntimeError(f"the news sitemap lists {len(news)} articles, not about {expected_news}")


def print_figures(results):
    generation = results["generation"]
    print(f"\nNewsroom sitemap bench — {results['articles']} generated live articles, SQLite")
    print(f"setup {generation['setup_seconds']}s; articles written in {generation['write_seconds']}s "
          f"({generation['articles_per_second']}/s); tree checked in {generation['tree_check_seconds']}s")  # fmt: skip
    for name in ("full", "news"):
        index = results[name]
        total = sum(page["urls"] for page in index["sitemaps"])
        print(
            f"\n{index['index']}: {len(index['sitemaps'])} sitemaps, {total} URLs, index in {index['index_seconds']}s"
        )
        print(f"{'sitemap':60} {'URLs':>7} {'KB':>8} {'seconds':>8}")
        for page in index["sitemaps"]:
            print(f"{page['url']:60} {page['urls']:>7} {page['bytes'] / 1024:>8.0f} {page['seconds']:>8.2f}")


if __name__ == "__main__":
    main()

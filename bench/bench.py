"""``make bench``: how fast Newsroom imports and serves, measured, printed and written as JSON.

1. Builds a fresh database (SQLite in a temporary folder, or a throwaway PostgreSQL database
   when DATABASE_URL points at PostgreSQL) and imports N generated stories — 3 authors each,
   about 600 words, in the seed's shape — through the real ``import_story --publish``,
   reporting stories per second and the importer's peak memory.
2. Serves the site with gunicorn and production settings (2 workers) on 127.0.0.1 and loads
   it with wrk for a bounded time: the article page with the reader cache warm and with it off,
   the home page, an author page and each feed format; and a minimal WSGI app in the same
   gunicorn returning the same article bytes from memory — the ceiling for a Python server.
3. Measures telling a story's language, in a process of its own (``bench/language_detection.py``):
   the detector's build, the first story, milliseconds a story and resident memory.
   And a 50-item feed's bytes per poll — uncompressed, gzip, Brotli, a 304 — on a site of its own
   (``bench/feed_bytes.py``, which prints its own table).
4. Prints a table with each figure as a ratio to the ceiling and writes it as JSON.

Uses REDIS_URL for the cache when it is set. Needs wrk (Debian: apt-get install wrk).
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/: the project's own packages

from articles.parsing import Author, Copyright, Story, format_story  # noqa: E402  (pure: no Django)

SEED = ROOT / "seeds" / "000_3581a14dfa9c6e0e.txt"
PYTHON = sys.executable
SITE_PORT, CEILING_PORT, UNCACHED_PORT = 8101, 8102, 8103
AUTHOR_POOL = 60
WORDS_PER_STORY = 600


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10, help="load per URL (default 10)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--json", default=str(ROOT / "var" / "bench.json"))
    parser.add_argument("--import-only", action="store_true", help="measure the import, skip the load test")
    args = parser.parse_args()
    if not args.import_only and not shutil.which("wrk"):
        sys.exit("bench: wrk is needed as the load generator (Debian: apt-get install wrk).")

    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as folder, bench_database(folder) as database_url:
        env = bench_environment(folder, database_url)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")  # production settings serve hashed static files
        manage(env, "setup_newsroom", "--site-url", f"http://127.0.0.1:{SITE_PORT}")
        stories = write_stories(Path(folder) / "stories", args.stories)
        results = {"database": database_url.split(":")[0], "cache": "redis" if env.get("REDIS_URL") else "locmem"}
        results["import"] = import_stories(env, stories, args.stories)
        results["language_detection"] = measure_language_detection()
        results["feed_bytes"] = {} if args.import_only else measure_feed_bytes(folder)
        results["serving"] = {} if args.import_only else serve_and_load(env, folder, args)
    print_table(results)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {args.json}")


class bench_database:
    """A fresh database for the run: SQLite in the folder, or a throwaway PostgreSQL database."""

    def __init__(self, folder):
        self.url = os.environ.get("DATABASE_URL", "")
        self.folder = folder
        self.created = None

    def __enter__(self):
        if not self.url.startswith(("postgres://", "postgresql://")):
            return f"sqlite:///{self.folder}/bench.sqlite3"
        import psycopg

        parts = urlsplit(self.url)
        self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        self.created = f"newsroom_bench_{os.getpid()}"
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.created}"')
        return urlunsplit(parts._replace(path=f"/{self.created}"))

    def __exit__(self, *exc):
        if self.created:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.created}" WITH (FORCE)')


def bench_environment(folder, database_url):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        MEDIA_ROOT=str(Path(folder) / "media"),
        STATIC_ROOT=str(Path(folder) / "static"),
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *args, **kwargs):
    return subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT, **kwargs)


def write_stories(folder: Path, count: int) -> Path:
    """Stories in the seed's shape: no headline, a lede, body paragraphs, 3 signed authors, ©."""
    folder.mkdir()
    seed_lines = SEED.read_text(encoding="utf-8").splitlines()
    body, words = seed_lines[:8], " ".join(seed_lines[:8]).split()
    rng = random.Random(2026)
    authors = [
        (f"Reporter{n} Example{n}", f"Reporter{n} Example{n} covers science for Newsmax.") for n in range(AUTHOR_POOL)
    ]
    for number in range(count):
        lede = f"Story {number}: {body[0]}"
        paragraphs = [lede, *body[1:]]
        while len(" ".join(paragraphs).split()) < WORDS_PER_STORY:
            paragraphs.append(" ".join(rng.sample(words, 40)).capitalize() + ".")
        story = Story(
            headline="",  # none in the file: the importer proposes one, as for the seed
            is_headline_proposed=True,
            paragraphs=tuple(paragraphs),
            authors=tuple(Author(name, bio) for name, bio in rng.sample(authors, 3)),
            copyright=Copyright("Newsmax", 2026, "All rights reserved."),
        )
        (folder / f"story-{number:05}.txt").write_text(format_story(story), encoding="utf-8")
    return folder


def import_stories(env, folder: Path, count: int) -> dict:
    """Time ``import_story --publish`` on the folder; its own peak memory comes from wait4()."""
    started = time.perf_counter()
    command = [PYTHON, str(ROOT / "manage.py"), "import_story", "--publish", str(folder)]
    importer = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(importer.pid, 0)
    elapsed = time.perf_counter() - started
    importer.returncode = os.waitstatus_to_exitcode(status)
    if importer.returncode:
        raise RuntimeError("the import failed")
    return {"stories": count, "seconds": round(elapsed, 1), "stories_per_second": round(count / elapsed, 1),
            "peak_memory_mb": round(usage.ru_maxrss / 1024, 1)}  # fmt: skip


def measure_language_detection() -> dict:
    command = [PYTHON, str(ROOT / "bench" / "language_detection.py")]
    return json.loads(subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def measure_feed_bytes(folder) -> dict:
    """``bench/feed_bytes.py`` (a 50-item feed's bytes per poll), on a site of its own: it prints its table."""
    figures = Path(folder) / "feed-bytes.json"
    subprocess.run([PYTHON, str(ROOT / "bench" / "feed_bytes.py"), "--json", str(figures)], cwd=ROOT, check=True)
    return json.loads(figures.read_text())


def gunicorn(env, app, port, **extra_env):
    command = [PYTHON, "-m", "gunicorn", app, "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    process = subprocess.Popen(command, env=env | extra_env, cwd=ROOT)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1)
            return process
        except OSError as error:
            if getattr(error, "code", None):  # an HTTP error answer: the server is up
                return process
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"gunicorn on port {port} did not start")


def serve_and_load(env, folder, args) -> dict:
    site = gunicorn(env, "newsroom.wsgi", SITE_PORT)
    uncached = gunicorn(env, "newsroom.wsgi", UNCACHED_PORT, READER_CACHE_SECONDS="0")
    try:
        base = f"http://127.0.0.1:{SITE_PORT}"
        home = urllib.request.urlopen(base + "/").read().decode()
        article_path = re.search(r'class="card-headline"><a href="([^"]+)"', home)[1]
        article_bytes = urllib.request.urlopen(base + article_path).read()
        author_path = re.findall(r'href="(/authors/[^/"]+/)"', article_bytes.decode())[0]
        body_file = Path(folder) / "article.html"
        body_file.write_bytes(article_bytes)
        ceiling = gunicorn(env, "bench.ceiling:app", CEILING_PORT, CEILING_BODY_FILE=str(body_file))
        try:
            runs = {"ceiling (same bytes from memory)": load(f"http://127.0.0.1:{CEILING_PORT}/", args)}
            targets = {
                "article, cache warm": base + article_path,
                "home page": base + "/",
                "author page": base + author_path,
                "feed rss": base + "/feeds/latest/rss/",
                "feed atom": base + "/feeds/latest/atom/",
                "feed json": base + "/feeds/latest/json/",
            }
            for name, url in targets.items():
                runs[name] = load(url, args)
            uncached_base = f"http://127.0.0.1:{UNCACHED_PORT}"
            runs["article, cache off"] = load(uncached_base + article_path, args)
            runs["feed rss, cache off"] = load(uncached_base + "/feeds/latest/rss/", args)
            single = argparse.Namespace(seconds=args.seconds, connections=1)
            runs["article, cache off, 1 client"] = load(uncached_base + article_path, single)
            for format_name in ("rss", "atom", "json"):
                runs[f"feed {format_name}, cache off, 1 client"] = load(
                    f"{uncached_base}/feeds/latest/{format_name}/", single
                )
        finally:
            ceiling.terminate()
    finally:
        site.terminate()
        uncached.terminate()
    ceiling_rps = runs["ceiling (same bytes from memory)"]["requests_per_second"]
    for run in runs.values():
        run["ratio_to_ceiling"] = round(run["requests_per_second"] / ceiling_rps, 2) if ceiling_rps else None
    return runs


def load(url, args) -> dict:
    urllib.request.urlopen(url).read()  # warm
    threads = min(2, args.connections)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "url": url,
        "connections": args.connections,
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50_ms": milliseconds(re.search(r"50%\s+([\d.]+\w+)", output)[1]),
        "p99_ms": milliseconds(re.search(r"99%\s+([\d.]+\w+)", output)[1]),
        "errors": int(errors[1]) if errors else 0,
    }


def milliseconds(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 2)


def print_table(results):
    imported = results["import"]
    print(f"\nNewsroom bench — {results['database']} database, {results['cache']} cache")
    rate, peak = imported["stories_per_second"], imported["peak_memory_mb"]
    print(f"import: {imported['stories']} stories in {imported['seconds']}s = {rate} stories/s, peak memory {peak} MB")
    if detection := results.get("language_detection"):
        print_language_detection(detection)
    if not results["serving"]:
        return
    print(f"\n{'target':40} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'× ceiling':>10} {'errors':>6}")
    for name, run in results["serving"].items():
        print(f"{name:40} {run['connections']:>7} {run['requests_per_second']:>9.0f} {run['p50_ms']:>8.2f} "
              f"{run['p99_ms']:>8.2f} {run['ratio_to_ceiling']:>10.2f} {run['errors']:>6}")  # fmt: skip


def print_language_detection(detection):
    timing = f"{detection['per_story_ms_median']} ms a story (p95 {detection['per_story_ms_p95']} ms)"
    memory = f"{detection['memory_before_mb']} MB before, {detection['memory_with_models_mb']} MB with its models"
    print(
        f"language detection: detector built in {detection['build_ms']} ms, first story "
        f"{detection['first_story_ms']} ms, then {timing} over {detection['stories']} stories; resident memory {memory}"
    )


if __name__ == "__main__":
    main()

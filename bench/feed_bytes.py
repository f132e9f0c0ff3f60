"""What a feed reader's poll costs on the wire: a 50-item feed uncompressed, gzip, Brotli, and a 304.

1. Builds a fresh database (as ``make bench`` does: SQLite in a temporary folder, or a throwaway
   PostgreSQL database when DATABASE_URL points at PostgreSQL) and imports 50 stories through
   ``import_story --publish``: the latest feeds then hold ``NEWSROOM_FEED_ITEMS`` (50) items. Each
   story is its own — a headline and about 600 words of Faker's English sentences, 3 of 60
   authors with bios, a copyright line — so a feed compresses about as news copy does (the
   English stories of tests/realworld: gzip 43%, Brotli 41% of their plain text; Faker's: 40%
   and 38%); ``make bench``'s stories all repeat the seed's paragraphs, which compress far better.
2. Serves the site with gunicorn and production settings, and polls each feed (RSS, Atom, JSON
   Feed) and, for comparison, the home page over a plain socket as a reader would: with no
   ``Accept-Encoding``, with ``gzip, deflate`` (feedparser's and newsboat's), with ``br``, and
   again as a gzip reader with the ETag it got (``If-None-Match``: a 304). Each poll's bytes are
   counted as they arrive: the status line and headers, and the body.
3. Times each coding of each body in this process with the compressors the site uses
   (``articles.codings``): the median milliseconds of several runs.
4. Prints a table, then the figures as one JSON object (or writes them to the file ``--json`` names).

``make bench`` runs it (its figures go into var/bench.json); alone: ``make bench-feed-bytes``.
"""

import argparse
import json
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/: the project's own packages

from articles.codings import BROTLI_QUALITY, CODINGS  # noqa: E402  (pure: no Django)
from articles.parsing import Author, Copyright, Story, format_story  # noqa: E402  (pure: no Django)
from bench.bench import AUTHOR_POOL, WORDS_PER_STORY, bench_database, bench_environment, gunicorn, manage  # noqa: E402

PORT = 8104
STORIES = 50
TARGETS = {"feed rss": "/feeds/latest/rss/", "feed atom": "/feeds/latest/atom/", "feed json": "/feeds/latest/json/",
           "home page": "/"}  # fmt: skip
POLLS = {"uncompressed": None, "gzip": "gzip, deflate", "brotli": "br"}
KINDS = ("gzip", "brotli", "304")
TIMING_RUNS = 50  # compressions of each body, timed
POLL_RUNS = 20  # polls of each kind, timed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="write the figures to this file instead of printing them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsroom-feed-bytes-") as folder, bench_database(folder) as database_url:
        env = bench_environment(folder, database_url)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "setup_newsroom", "--site-url", f"http://127.0.0.1:{PORT}", capture_output=True)
        stories = write_distinct_stories(Path(folder) / "stories", STORIES)
        manage(env, "import_story", "--publish", str(stories), capture_output=True)
        site = gunicorn(env, "newsroom.wsgi", PORT)
        try:
            results = {name: measure(path) for name, path in TARGETS.items()}
        finally:
            site.terminate()
            site.wait(timeout=10)
    report = {"stories": STORIES, "brotli_quality": BROTLI_QUALITY, "polls": results}
    print_table(report)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2))
    else:
        print(json.dumps(report))


def write_distinct_stories(folder: Path, count: int) -> Path:
    """``count`` stories that share no paragraph: Faker's English, seeded, so every run writes the same."""
    from faker import Faker  # deferred: a test and lint tool (requirements-dev.txt), needed by this bench only

    fake = Faker("en_US")
    fake.seed_instance(2026)
    authors = [Author(name, f"{name} covers {fake.word()} for the Harbour Daily.") for name in
               (fake.name() for _ in range(AUTHOR_POOL))]  # fmt: skip
    folder.mkdir()
    for number in range(count):
        paragraphs = []
        while len(" ".join(paragraphs).split()) < WORDS_PER_STORY:
            paragraphs.append(fake.paragraph(nb_sentences=5))
        story = Story(
            headline=fake.sentence(nb_words=8).rstrip("."),
            is_headline_proposed=False,
            paragraphs=tuple(paragraphs),
            authors=tuple(fake.random.sample(authors, 3)),
            copyright=Copyright("Harbour Daily", 2026, "All rights reserved."),
        )
        (folder / f"story-{number:03}.txt").write_text(format_story(story), encoding="utf-8")
    return folder


def measure(path) -> dict:
    """Each kind of poll of ``path``: its bytes and the median milliseconds it takes once the site
    is warm; and the milliseconds compressing the body afresh takes, in each coding."""
    asks = {kind: {"accept_encoding": accept_encoding} for kind, accept_encoding in POLLS.items()}
    asks["304"] = {"accept_encoding": POLLS["gzip"], "if_none_match": poll(path, POLLS["gzip"])["etag"]}
    polls = {}
    for kind, ask in asks.items():
        answers = [poll(path, **ask) for _ in range(POLL_RUNS)]
        polls[kind] = answers[-1] | {"poll_ms": round(statistics.median(a.pop("ms") for a in answers), 2)}
        expected = {"gzip": (200, "gzip"), "brotli": (200, "br"), "304": (304, None)}.get(kind, (200, None))
        if (polls[kind]["status"], polls[kind]["content_encoding"]) != expected:
            raise RuntimeError(f"{path} polled for {kind}: {polls[kind]['status']} {polls[kind]['content_encoding']}")
    body = polls["uncompressed"]["body"]
    for answer in polls.values():
        del answer["body"]
    return polls | {"compress_ms": {coding: compress_ms(compress, body) for coding, compress in CODINGS.items()}}


def poll(path, accept_encoding=None, if_none_match=None) -> dict:
    """One GET over a fresh connection, as a feed reader's poll: what came back, byte for byte."""
    headers = [f"GET {path} HTTP/1.1", f"Host: 127.0.0.1:{PORT}", "User-Agent: feed-bytes-bench", "Connection: close"]
    if accept_encoding:
        headers.append(f"Accept-Encoding: {accept_encoding}")
    if if_none_match:
        headers.append(f"If-None-Match: {if_none_match}")
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", PORT), timeout=30) as connection:
        connection.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        received = b"".join(iter(lambda: connection.recv(65536), b""))
    elapsed = time.perf_counter() - started
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    fields = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    return {
        "status": int(lines[0].split()[1]),
        "header_bytes": len(head) + 4,
        "body_bytes": len(body),
        "total_bytes": len(received),
        "content_encoding": fields.get("content-encoding"),
        "etag": fields.get("etag"),
        "body": body,
        "ms": elapsed * 1000,
    }


def compress_ms(compress, body) -> float:
    times = []
    for _ in range(TIMING_RUNS):
        started = time.perf_counter()
        compress(body)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 2)


def print_table(report):
    print(f"\nBytes per poll — {report['stories']} stories, Brotli quality {report['brotli_quality']}")
    print("bytes: status line and headers + body, as received (the share of the uncompressed poll);")
    print("poll ms: the median poll with the site warm; compress ms: compressing the body afresh.")
    columns = "{:11} {:>12} {:>15} {:>15} {:>10} | poll ms {:>5} {:>5} {:>5} {:>5} | compress ms {:>5} {:>5}"
    print(columns.format("target", "uncompressed", "gzip", "brotli", "304", "none", "gzip", "br", "304", "gzip", "br"))
    for name, polls in report["polls"].items():
        whole = polls["uncompressed"]["total_bytes"]
        sizes = [f"{polls[kind]['total_bytes']:,} ({polls[kind]['total_bytes'] / whole:.1%})" for kind in KINDS]
        poll_ms = [f"{polls[kind]['poll_ms']:.1f}" for kind in ("uncompressed", *KINDS)]
        compress_ms = [f"{polls['compress_ms'][coding]:.1f}" for coding in ("gzip", "br")]
        print(columns.format(name, f"{whole:,}", *sizes, *poll_ms, *compress_ms))


if __name__ == "__main__":
    main()

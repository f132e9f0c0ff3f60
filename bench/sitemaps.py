"""``make bench-sitemaps``: the sitemap split measured with many live articles.

1. Builds a throwaway SQLite database in ``var/bench-sitemaps/`` (migrate, ``setup_newsroom``,
   ``collectstatic``) and writes N live, public articles under the news index in bulk: the page
   rows with ``bulk_create`` and the tree paths treebeard would give them, the article rows with
   one ``executemany``, in one transaction; treebeard's ``find_problems`` then checks the tree.
   (``add_child`` in a loop costs several queries and signals per article: far slower at 60,000.)
   Article n was first published 30·n seconds ago, so the last two days' 5,760 reach the news
   sitemap.
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
import uuid
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
PUBLISHED_EVERY = timedelta(seconds=30)
BATCH = 5_000
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
    write_articles(count)
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


def write_articles(count: int):
    """``count`` live, public articles as the last children of the site's news index, in one transaction."""
    from django.db import transaction  # Django is set up only now, with the bench's settings

    from articles.importing import find_destination  # as above: it imports the models

    news_index = find_destination().news_index
    with transaction.atomic():
        last_child = news_index.get_last_child()
        first_step = step_of(last_child) + 1 if last_child else 1
        for start in range(0, count, BATCH):
            write_batch(news_index, first_step, range(start, min(start + BATCH, count)))
        type(news_index).objects.filter(pk=news_index.pk).update(numchild=news_index.numchild + count)


def write_batch(news_index, first_step: int, numbers: range):
    """Articles ``numbers``: their page rows, then their article rows (Django's ``bulk_create``
    refuses a model with a parent table, so those go in with one ``executemany``)."""
    from django.contrib.contenttypes.models import ContentType  # Django is set up only now
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    from articles.models import ArticlePage  # as above: models load once Django is set up

    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    articles = [new_article(news_index, first_step + number, number, now, content_type) for number in numbers]
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    pages = Page.objects.bulk_create([Page(**{name: getattr(a, name) for name in page_fields}) for a in articles])
    fields = ArticlePage._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    insert = f"INSERT INTO {quote(ArticlePage._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    rows = []
    for article, page in zip(articles, pages, strict=True):
        article.page_ptr_id = article.id = page.pk
        rows.append([field.get_db_prep_save(field.pre_save(article, add=True), connection) for field in fields])
    with connection.cursor() as cursor:
        cursor.executemany(insert, rows)


def new_article(news_index, step: int, number: int, now, content_type):
    """An unsaved live article at ``step`` under the news index, first published 30·``number`` seconds ago."""
    from articles.models import ArticlePage  # Django is set up only now, with the bench's settings

    title = f"Generated story number {number}"
    slug = f"generated-story-{number}"
    published_at = now - PUBLISHED_EVERY * number
    return ArticlePage(
        title=title,
        draft_title=title,
        slug=slug,
        path=child_path(news_index, step),
        depth=news_index.depth + 1,
        numchild=0,
        url_path=f"{news_index.url_path}{slug}/",
        content_type=content_type,
        locale_id=news_index.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
        latest_revision_created_at=published_at,
        dek=f"The standfirst of story {number}.",
        body=[("paragraph", f"<p>The first paragraph of story {number}.</p>")],
    )


# Treebeard has no public way to say a child's path: these wrap MP_Node's own helpers, which its
# add_child uses, so the bulk rows get the paths add_child would have given them.
def step_of(page) -> int:
    return page._str2int(page.path[-page.steplen :])


def child_path(parent, step: int) -> str:
    return parent._get_path(parent.path, parent.depth + 1, step)


def check_tree():
    from wagtail.models import Page  # Django is set up only now, with the bench's settings

    problems = Page.find_problems()
    if any(problems):
        raise RuntimeError(f"the generated page tree is inconsistent: {problems}")


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

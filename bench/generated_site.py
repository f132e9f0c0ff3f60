"""Many live pages written in bulk, for the benches that need a big site quickly.

``add_child`` in a loop costs several queries, a revision and signals per page: far too slow for
100,000 articles. Here the page rows go in with ``bulk_create`` at the tree paths treebeard's
``add_child`` would give them, the specific rows (an article's, an author page's) with one
``executemany`` (Django's ``bulk_create`` refuses a model with a parent table), in one
transaction; ``check_tree``, for the caller to run, is treebeard's own consistency check. Bulk
creation is for the benches' fixtures only: the importer always goes through Wagtail.

Importing this module needs Django set up (it imports the models).
"""

import random
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from articles.importing import find_destination
from articles.models import ArticlePage, ArticlePageAuthor, ArticlePageTag, Section
from authors.models import AuthorPage
from newsroom_core.names import name_skeleton, normalise_name

PUBLISHED_EVERY = timedelta(seconds=30)
BATCH = 5_000


def write_site(articles: int, authors: int = 0, sections: int = 0, tags: int = 0, seed: int = 2026):
    """``articles`` live articles under the default site's news index, first published 30·n seconds
    ago (article 0 newest), each in one of ``sections`` sections with one to three of ``authors``
    live author pages in its byline and two of ``tags`` tags; in one transaction."""
    rng = random.Random(seed)
    destination = find_destination()
    with transaction.atomic():
        made_sections = Section.objects.bulk_create(
            Section(name=f"Desk {n}", slug=f"desk-{n}") for n in range(sections)
        )
        made_tags = Tag.objects.bulk_create(Tag(name=f"topic {n}", slug=f"topic-{n}") for n in range(tags))
        section_ids, tag_ids = [s.pk for s in made_sections], [t.pk for t in made_tags]
        author_ids = write_children(destination.author_index, authors, new_author)
        for start in range(0, articles, BATCH):
            numbers = range(start, min(start + BATCH, articles))
            made = [new_article(n, rng.choice(section_ids) if section_ids else None) for n in numbers]
            pks = write_children(destination.news_index, made)
            bylines, tagged = [], []
            for pk in pks:
                chosen = rng.sample(author_ids, min(len(author_ids), rng.randint(1, 3)))
                bylines += [ArticlePageAuthor(page_id=pk, author_id=a, sort_order=i) for i, a in enumerate(chosen)]
                tagged += [ArticlePageTag(content_object_id=pk, tag_id=t) for t in rng.sample(tag_ids, min(2, tags))]
            ArticlePageAuthor.objects.bulk_create(bylines, batch_size=BATCH)
            ArticlePageTag.objects.bulk_create(tagged, batch_size=BATCH)


def write_children(parent, pages, make=None) -> list[int]:
    """Write ``pages`` (unsaved specific pages, or a count of pages that ``make(number)`` builds)
    as the last children of ``parent``; their primary keys, in order."""
    if isinstance(pages, int):
        pages = [make(number) for number in range(pages)]
    if not pages:
        return []
    parent.refresh_from_db(fields=["numchild"])
    last_child = parent.get_last_child()
    first_step = step_of(last_child) + 1 if last_child else 1
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    for step, page in enumerate(pages, start=first_step):
        page.path = child_path(parent, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create([Page(**{name: getattr(p, name) for name in page_fields}) for p in pages])
    insert_specific_rows(model, pages, [row.pk for row in rows])
    type(parent).objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return [row.pk for row in rows]


def insert_specific_rows(model, pages, pks):
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    insert = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    rows = []
    for page, pk in zip(pages, pks, strict=True):
        page.page_ptr_id = page.id = pk
        rows.append([field.get_db_prep_save(field.pre_save(page, add=True), connection) for field in fields])
    with connection.cursor() as cursor:
        cursor.executemany(insert, rows)


def new_article(number: int, section_id: int | None = None) -> ArticlePage:
    """An unsaved live article, first published 30·``number`` seconds ago."""
    title = f"Generated story number {number}"
    published_at = timezone.now() - PUBLISHED_EVERY * number
    return ArticlePage(
        title=title,
        slug=f"generated-story-{number}",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
        latest_revision_created_at=published_at,
        section_id=section_id,
        is_source_confirmed=True,
        dek=f"The standfirst of story {number}.",
        body=[("paragraph", f"<p>The first paragraph of story {number}.</p>")],
    )


def new_author(number: int) -> AuthorPage:
    name = f"Reporter{number} Generated"
    published_at = timezone.now()
    return AuthorPage(
        title=name,
        slug=slugify(name),
        name_key=normalise_name(name),
        name_skeleton=name_skeleton(name),
        bio=f"<p>{name} writes for the generated desk.</p>",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
    )


# Treebeard has no public way to say a child's path: these wrap MP_Node's own helpers, which its
# add_child uses, so the bulk rows get the paths add_child would have given them.
def step_of(page) -> int:
    return page._str2int(page.path[-page.steplen :])


def child_path(parent, step: int) -> str:
    return parent._get_path(parent.path, parent.depth + 1, step)


def check_tree():
    problems = Page.find_problems()
    if any(problems):
        raise RuntimeError(f"the generated page tree is inconsistent: {problems}")

"""Which feeds a change to a story touches, announced to the WebSub hubs once the change is committed.

A story is in the latest articles' feed, the feed of each person it credits, its section's, each
of its tags' and, once it has a correction, the corrections feed: each in every format, under the
prefix of the story's own language (``/fr/feeds/…`` for a story in the French tree) and on its
site's configured root URL, as the feeds name themselves (``articles.websub.topic_url``).

What readers can see of a story changes when it is published or republished, corrected, withdrawn
or restored, unpublished or deleted. Each such change announces every feed the story was in before
it and is in after it (a tag taken off leaves that tag's feed changed too), each feed once, in one
task queued when the change commits: the task worker tells the hubs (``articles.websub``), never
the editor's request, and a hub fetching the feed at once finds the change. (Queued in the
transaction, as the other tasks are, the immediate backend would run it before the commit.)

Nothing is announced of what readers never had: a draft, a story scheduled or under embargo, a
private one. A hub is a third party, and even a feed's address (a tag's, an author's) would tell
it of a story not out yet. Without ``NEWSROOM_WEBSUB_HUBS`` none of this runs, nor costs a query.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation
from wagtail.models import Page

from authors.models import AuthorPage
from newsroom_core.locales import in_any_language_of

from .feed_formats import FEED_FORMATS
from .models import ArticleCredit, ArticlePage, ArticlePageTag, Correction, Withdrawal
from .tasks import notify_hubs_task
from .urls.feeds import feed_url
from .websub import hub_urls

# Where a publish keeps, on the page being saved, the feeds of the version readers had until then.
FEEDS_BEFORE = "newsroom_feeds_before_publishing"


def story_feeds(article: ArticlePage, corrected=False) -> set[str]:
    """The address of every feed ``article`` is in, by what its row and relations say now (whether
    or not readers see it); with ``corrected``, the corrections feed even if no correction is left."""
    site = article.get_site()
    if site is None:  # not under any site: in no feed
        return set()
    subjects = [("latest", None), *(("author", slug) for slug in author_feed_slugs(article, site))]
    if article.section_id is not None:
        subjects.append(("section", article.section.slug))
    tags = ArticlePageTag.objects.filter(content_object_id=article.pk).values_list("tag__slug", flat=True)
    subjects += [("tag", slug) for slug in tags]
    if corrected or Correction.objects.filter(article_id=article.pk).exists():
        subjects.append(("corrections", None))
    with translation.override(article.locale.language_code):  # its tree's prefix, as Wagtail gives its pages
        return {site.root_url + feed_url(kind, name, slug) for kind, slug in subjects for name in FEED_FORMATS}


def author_feed_slugs(article: ArticlePage, site) -> set[str]:
    """The slugs an author feed naming the story answers at: each live, public page of each person it
    credits, in any language of the site (a feed found by any of them lists the stories that credit
    any version of the person: ``ArticlePageQuerySet.by_author``)."""
    credited = ArticleCredit.objects.filter(page_id=article.pk).values("author__translation_key")
    pages = AuthorPage.objects.live().public().filter(in_any_language_of(site), translation_key__in=credited)
    return set(pages.values_list("slug", flat=True))


def announce(feeds: set[str]):
    """Queue one task telling the hubs of ``feeds``, once the change they follow is committed."""
    if feeds:
        topics = sorted(feeds)
        transaction.on_commit(lambda: notify_hubs_task.enqueue(topics))


def note_feeds_before_publishing(article: ArticlePage, update_fields):
    """Before a story's row is saved by a publish (``live_revision`` moves), keep the feeds the
    version readers still have is in: the row and its relations are the old ones until the save."""
    if not hub_urls() or article.pk is None or (update_fields is not None and "live_revision" not in update_fields):
        return
    had = ArticlePage.objects.live().once_seen_by_readers().filter(pk=article.pk).defer_streamfields().first()
    setattr(article, FEEDS_BEFORE, story_feeds(had) if had else set())


def story_published(article: ArticlePage):
    """Published or republished: the feeds it was in and those it is in, if readers see it now.
    Wagtail sends this for a publish scheduled for later too, and readers see nothing then."""
    before = vars(article).pop(FEEDS_BEFORE, set())
    if not hub_urls():
        return
    sees = ArticlePage.objects.visible_to_readers().filter(pk=article.pk).exists()
    announce(before | (story_feeds(article) if sees else set()))


def story_unpublished(article: ArticlePage):
    """Unpublished, or deleted (Wagtail unpublishes a live page before it deletes it, its tags and
    credits still there): its feeds lose it. A withdrawal, which unpublishes, announces itself."""
    if not hub_urls() or Withdrawal.objects.filter(article_id=article.pk).exists():
        return
    if ArticlePage.objects.once_seen_by_readers().filter(pk=article.pk).exists():
        announce(story_feeds(article))


def withdrawal_changed(withdrawal: Withdrawal):
    """Withdrawn, its notice edited, or restored: the feeds carry the notice, or drop it (they carry
    it for stories readers had, lately withdrawn: ``ArticlePageQuerySet.withdrawn_lately``)."""
    if hub_urls() and (article := ArticlePage.objects.withdrawn_lately().filter(pk=withdrawal.article_id).first()):
        announce(story_feeds(article))


def correction_changed(correction: Correction, origin=None):
    """A correction added, edited or removed: the story's item in each of its feeds shows its
    corrections, and the corrections feed lists them. Corrections deleted with their story are
    the story's deletion's (``origin``: what the deletion started from)."""
    if not hub_urls() or deleted_with_a_page(origin):
        return
    article = ArticlePage.objects.visible_to_readers().filter(pk=correction.article_id).defer_streamfields().first()
    if article is not None:
        announce(story_feeds(article, corrected=True))


def deleted_with_a_page(origin) -> bool:
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return issubclass(model, Page)

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task
from wagtail.images import get_image_model
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageViewRestriction, Revision, Site
from wagtail.signals import copy_for_translation_done, page_published, page_unpublished, post_page_move

from authors.models import AuthorPage
from authors.profiles import is_public_by_default

from . import feed_announcements
from .caching import bump_content_version
from .credits import CreditRole
from .indexing import index_for_search, note_references, remove_from_search
from .models import ArticlePage, CopyrightNotice, Correction, NewsroomSettings, Outlet, Section, Withdrawal
from .renditions import article_renditions, author_renditions
from .tasks import queue_renditions
from .translations import credit_translator

# Whatever readers see is built from these; any change to them moves the content version.
READER_VISIBLE_MODELS = (
    NewsroomSettings,
    CopyrightNotice,
    Correction,
    Outlet,
    Section,
    Withdrawal,  # a restored story's address no longer answers with its notice
    Site,
    PageViewRestriction,  # a page made private must leave every cache at once
    get_image_model(),
)
if apps.is_installed("wagtail.contrib.redirects"):
    from wagtail.contrib.redirects.models import Redirect

    READER_VISIBLE_MODELS += (Redirect,)  # a new redirect replaces a cached "not found"


for searchable in (ArticlePage, AuthorPage):  # they opt out of modelsearch's handler: see .indexing
    post_save.connect(index_for_search, sender=searchable)
    post_delete.connect(remove_from_search, sender=searchable)
post_save.connect(note_references)


@receiver(page_published, sender=ArticlePage)
def publish_new_byline_authors(sender, instance, revision, **kwargs):
    """An article's byline links must work once it is live.

    Author pages that the importer created as drafts are published with the first article
    that names them; a page an editor has unpublished (it was live once) stays unpublished, and
    a guest's or a wire reporter's stays a draft until an editor publishes it (``is_public_by_default``).
    """
    if not instance.live:
        return  # scheduled for later (Wagtail sends page_published then too): authors go live with it
    # The article's publication was authorised; its bylines follow it, whoever wrote the revision.
    user = revision.user if revision else None
    for credit in instance.credits.filter(role=CreditRole.WRITER).select_related("author"):
        author = credit.author
        if not author.live and author.first_published_at is None and is_public_by_default(author.contributor_type):
            draft = author.get_latest_revision() or author.save_revision(user=user)
            draft.publish(user=user, skip_permission_checks=True)


# WebSub: the feeds each change readers see touches (articles.feed_announcements). Connected after
# publish_new_byline_authors, so a publish finds the byline's authors live, their feeds with them.


@receiver(pre_save, sender=ArticlePage)
def note_feeds_before_publishing(sender, instance, update_fields=None, **kwargs):
    feed_announcements.note_feeds_before_publishing(instance, update_fields)


@receiver(page_published, sender=ArticlePage)
def announce_published_story(sender, instance, **kwargs):
    feed_announcements.story_published(instance)


@receiver(page_unpublished, sender=ArticlePage)
def announce_unpublished_story(sender, instance, **kwargs):
    feed_announcements.story_unpublished(instance)


@receiver(post_save, sender=Withdrawal)
@receiver(pre_delete, sender=Withdrawal)
def announce_withdrawal(sender, instance, **kwargs):
    feed_announcements.withdrawal_changed(instance)


@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
def announce_correction(sender, instance, origin=None, **kwargs):
    feed_announcements.correction_changed(instance, origin)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed_for_readers(sender, instance, **kwargs):
    bump_content_version(article_only=isinstance(instance, ArticlePage))


@receiver(post_save, sender=Revision)
def revision_scheduled(sender, instance, update_fields=None, **kwargs):
    """Scheduling a revision of a live page sends no page_published: the version notes the time."""
    if update_fields and "approved_go_live_at" in update_fields:
        bump_content_version(article_only=instance.content_type.model_class() is ArticlePage)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        bump_content_version(article_only=isinstance(instance, ArticlePage))


@receiver(post_save)
@receiver(post_delete)
def reader_visible_record_changed(sender, instance, **kwargs):
    if isinstance(instance, READER_VISIBLE_MODELS):
        bump_content_version()


@receiver(page_published, sender=ArticlePage)
def make_article_renditions(sender, instance, **kwargs):
    queue_renditions(article_renditions(instance))


@receiver(page_published, sender=AuthorPage)
def make_author_renditions(sender, instance, **kwargs):
    queue_renditions(author_renditions(instance))


@receiver(task_finished)
def search_index_updated(sender, task_result, **kwargs):
    """Search pages are cached under the content version, which the publish moved before a task
    worker indexed the story: indexing moves it again, so no search page cached in between stays.
    (Run at once, in the publishing request, the indexing is part of the change it belongs to.)"""
    if sender is not ImmediateBackend and task_result.task.func is insert_or_update_object_task.func:
        bump_content_version(article_only=True)  # search results only: no article's content changed


@receiver(copy_for_translation_done)
def credit_the_translator(sender, source_obj, target_obj, **kwargs):
    """A story copied for translation credits the editor who copied it (``articles.translations``):
    the signal names no user, the admin's log context does (every admin view runs in one)."""
    if isinstance(target_obj, ArticlePage):
        credit_translator(target_obj, get_active_log_context().user)

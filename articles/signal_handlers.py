from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ArticlePage


@receiver(page_published, sender=ArticlePage)
def publish_new_byline_authors(sender, instance, revision, **kwargs):
    """An article's byline links must work once it is live.

    Author pages that the importer created as drafts are published with the first article
    that names them; a page an editor has unpublished (it was live once) stays unpublished.
    """
    user = revision.user if revision else None
    for link in instance.authors.select_related("author"):
        author = link.author
        if not author.live and author.first_published_at is None:
            (author.get_latest_revision() or author.save_revision(user=user)).publish(user=user)

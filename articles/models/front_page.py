"""What editors set on the front page: the stories pinned to its top, in their order."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

MAX_PINS = 4  # the lead and three beside it
SECTION_BLOCK_STORIES = 4


class PinnedStory(Orderable):
    """A story an editor pins to the front page: the first is the lead, the others follow it."""

    page = ParentalKey("newsroom_articles.NewsIndexPage", on_delete=models.CASCADE, related_name="pinned_stories")
    article = models.ForeignKey("newsroom_articles.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned story")

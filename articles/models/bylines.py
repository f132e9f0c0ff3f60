"""What joins an article to its authors and tags, in order."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePageAuthor(Orderable):
    """One author in an article's byline, in the order the byline names them."""

    page = ParentalKey("ArticlePage", on_delete=models.CASCADE, related_name="authors")
    author = models.ForeignKey("newsroom_authors.AuthorPage", on_delete=models.CASCADE, related_name="bylines")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = "byline author"
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["page", "author"], name="unique_byline_author")]

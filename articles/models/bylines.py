"""What joins an article to the people who made it and to its tags, in order."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..credits import CreditRole


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticleCredit(Orderable):
    """One person credited on an article in one role, in the order the story names them: the
    writers make the byline, the others the credits line ("Photos by …")."""

    page = ParentalKey("ArticlePage", on_delete=models.CASCADE, related_name="credits")
    author = models.ForeignKey(
        "newsroom_authors.AuthorPage", on_delete=models.CASCADE, related_name="credits", verbose_name=_("person")
    )
    role = models.CharField(max_length=30, choices=CreditRole.choices, default=CreditRole.WRITER)

    panels = [FieldRowPanel([FieldPanel("author"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("credit")
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["page", "author", "role"], name="unique_article_credit")]

    @property
    def is_writer(self):
        return self.role == CreditRole.WRITER

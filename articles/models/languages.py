"""The language an article is written in, where it is not its locale's (rules in ``articles.content_language``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from authors.profiles import normalise_language_tag

from ..content_language import language_tag


class ArticleLanguageMixin(models.Model):
    language = models.CharField(
        _("language"),
        max_length=35,
        blank=True,
        validators=[normalise_language_tag],
        help_text=_(
            "The language the story is written in, as a language code: fr, es, pt-BR. Leave empty for the "
            "language of the site's locale. The importer fills it from the file, else from the story's text."
        ),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.language:
            self.language = language_tag(self.language)

    @property
    def content_language(self) -> str:
        """The story's language as a BCP 47 tag: its own, else its locale's."""
        if self.language:
            return self.language
        return language_tag(self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE)

"""Where imported stories came from: each file as imported, and uploads previewed but not yet imported."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StoryImport(models.Model):
    """Provenance: one story file as it was imported into an article."""

    article = models.ForeignKey("ArticlePage", on_delete=models.CASCADE, related_name="imports")
    file_name = models.TextField(help_text=_("The file's name or path, as the import was given it."))
    text = models.TextField()
    checksum = models.CharField(max_length=64, help_text=_("SHA-256 of the file's bytes."))
    version = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("The sender's version of the story the file was, where it gives one.")
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        get_latest_by = "imported_at"

    def __str__(self):
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class PreviewedImport(models.Model):
    """Story files an editor uploaded and previewed in the admin's import screen, kept on the server
    until they confirm the import (``articles.staging``): the confirmation posts only this record's
    signed id, and the import takes the stories exactly as the preview read them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("previewed import")

    def __str__(self):
        return f"Import previewed by {self.user} at {self.created_at:%Y-%m-%d %H:%M}"


class PreviewedStoryFile(models.Model):
    preview = models.ForeignKey(PreviewedImport, on_delete=models.CASCADE, related_name="files")
    file_name = models.CharField(max_length=255)
    text = models.TextField(help_text=_("The file as it was read."))
    checksum = models.CharField(max_length=64, help_text=_("SHA-256 of the file's bytes."))
    story = models.JSONField(help_text=_("What the preview read from the file."))

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.file_name

"""Story files previewed in the admin's import screen, kept on the server until they are imported.

The preview reads each upload once and keeps what it read in a ``PreviewedImport`` record; the
confirming form posts back only that record's signed id, so a batch as large as the upload limits
allow (20 files of 1 MB) imports without a multi-megabyte form field, and without reading the files
again. Any app server can take the confirmation: the record is in the database. A preview is good
for an hour; the import uses it up, and older ones are removed whenever another preview is made.
"""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone

from .importing import FileReport, StorySource
from .models import PreviewedImport, PreviewedStoryFile
from .parsing import Story, story_from_data, story_to_data

SIGNING_SALT = "newsroom.import-preview"
PREVIEW_MAX_AGE = timedelta(hours=1)


class PreviewError(Exception):
    """The preview cannot be imported; the message says what the editor should do."""


def stage_previewed_files(reports: list[FileReport], user) -> str:
    """Keep the readable files of a preview for ``user``; the signed id the confirmation posts back."""
    remove_expired_previews()
    with transaction.atomic():
        preview = PreviewedImport.objects.create(user=user)
        PreviewedStoryFile.objects.bulk_create(
            PreviewedStoryFile(
                preview=preview,
                file_name=report.file_name,
                text=report.source.text,
                checksum=report.source.checksum,
                story=story_to_data(report.story),
            )
            for report in reports
            if report.story is not None
        )
    return signing.dumps(preview.pk, salt=SIGNING_SALT)


def previewed_stories(token: str, user) -> tuple[PreviewedImport, list[tuple[Story, StorySource]]]:
    """The preview behind a signed id, and its stories as the preview read them."""
    try:
        preview_id = signing.loads(token, salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewError("This preview is over an hour old; upload the files again.") from None
    except signing.BadSignature:
        raise PreviewError("The previewed files could not be found; upload them again.") from None
    preview = PreviewedImport.objects.filter(pk=preview_id).first()
    if preview is None:
        raise PreviewError("These files were already imported, or the preview expired; upload them again.")
    if preview.user_id != user.pk:
        raise PreviewError("This preview belongs to another user; upload the files again.")
    stories = [
        (story_from_data(staged.story), StorySource(staged.file_name, staged.text, staged.checksum))
        for staged in preview.files.all()
    ]
    return preview, stories


def remove_expired_previews():
    PreviewedImport.objects.filter(created_at__lt=timezone.now() - PREVIEW_MAX_AGE).delete()

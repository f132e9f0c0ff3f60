"""Story files previewed in the admin's import screen, kept on the server until they are imported.

The preview reads each upload once and keeps what it read in a ``PreviewedImport`` record; the
confirming form posts back only that record's signed id, so a batch as large as the upload limits
allow imports without a multi-megabyte form field, and without reading the files again. Any app
server can take the confirmation: the record is in the database. A preview is good for an hour;
the import job it becomes (``articles.import_jobs``) uses it up, and older ones are removed
whenever another preview is made and by ``manage.py prune_import_previews`` (the recipe's
scheduler runs it every minute).
"""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .importing import FileReport
from .models import PreviewedImport, PreviewedStoryFile
from .parsing import story_to_data

SIGNING_SALT = "newsroom.import-preview"
PREVIEW_MAX_AGE = timedelta(hours=1)
USED_UP = _("These files were already imported, or the preview expired; upload them again.")


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


def previewed_import(token: str, user) -> PreviewedImport:
    """The preview behind a signed id, if it is still there and ``user``'s."""
    try:
        preview_id = signing.loads(token, salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise PreviewError(gettext("This preview is over an hour old; upload the files again.")) from None
    except signing.BadSignature:
        raise PreviewError(gettext("The previewed files could not be found; upload them again.")) from None
    preview = PreviewedImport.objects.filter(pk=preview_id).first()
    if preview is None:
        raise PreviewError(USED_UP)
    if preview.user_id != user.pk:
        raise PreviewError(gettext("This preview belongs to another user; upload the files again."))
    return preview


def use_up_preview(preview: PreviewedImport):
    """Remove a preview its import has taken, in the transaction that takes it: ``PreviewError`` if
    another confirmation took it first (the second of two clicks)."""
    deleted, _ = PreviewedImport.objects.filter(pk=preview.pk).delete()
    if not deleted:
        raise PreviewError(USED_UP)


def remove_expired_previews() -> int:
    """Remove previews past their hour, with their files; how many there were."""
    expired = PreviewedImport.objects.filter(created_at__lt=timezone.now() - PREVIEW_MAX_AGE)
    return expired.delete()[1].get(PreviewedImport._meta.label, 0)

"""Uploads that never half-happen: a full or read-only media disk is an editor's message, not a 500.

``ImageForm`` and ``DocumentForm`` (Wagtail's ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and
``WAGTAILDOCS_DOCUMENT_FORM_BASE``) refuse a file the media disk cannot take, before anything is
written; ``articles.storage.MediaStorage`` removes whatever a write that fails anyway (the disk
filling up at that very moment) left behind, so no truncated or empty file stays.
"""

import os
import shutil

from django import forms
from django.core.files.storage import FileSystemStorage, default_storage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# Room beyond the file itself: Wagtail writes renditions of an image beside it.
HEADROOM_BYTES = 20 * 1024 * 1024
DISK_FULL = (
    "The file was not saved: the media disk is full. Nothing was kept; ask whoever runs the site to make room, "
    "then upload it again."
)
READ_ONLY = "The file was not saved: the media disk cannot be written to. Ask whoever runs the site to fix it."


def check_media_disk_takes(upload):
    """Refuse ``upload`` when the local media folder cannot take it (object storage is not checked)."""
    if upload is None or not isinstance(default_storage, FileSystemStorage):
        return
    root = default_storage.location
    try:
        os.makedirs(root, exist_ok=True)
    except OSError:
        raise forms.ValidationError(READ_ONLY) from None
    if not os.access(root, os.W_OK):
        raise forms.ValidationError(READ_ONLY)
    if shutil.disk_usage(root).free < upload.size + HEADROOM_BYTES:
        raise forms.ValidationError(DISK_FULL)


class ImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and upload is not self.original_file:
            check_media_disk_takes(upload)
        return upload


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and upload != self.instance.file:
            check_media_disk_takes(upload)
        return upload

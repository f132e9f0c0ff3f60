"""Uploads that never half-happen, and photos that arrive with their credits.

A full or read-only media disk is an editor's message, not a 500.

``ImageForm`` and ``DocumentForm`` (Wagtail's ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and
``WAGTAILDOCS_DOCUMENT_FORM_BASE``) refuse a file the media disk cannot take, before anything is
written; ``articles.storage.MediaStorage`` removes whatever a write that fails anyway (the disk
filling up at that very moment) left behind, so no truncated or empty file stays.

A new image file fills the credit and rights fields the editor left empty (and the description)
from the IPTC or XMP metadata it carries (``newsroom_core.photo_metadata``); what the editor typed stays.
"""

import os
import shutil

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from newsroom_core.photo_metadata import PhotoMetadata, read_photo_metadata

# The image's fields each piece of a photo's metadata fills; the caption becomes Wagtail's description.
FILLED_FROM_THE_FILE = {
    "credit": "credit",
    "creator": "creator",
    "copyright_notice": "copyright_notice",
    "source": "source",
    "licence_url": "licence_url",
    "acquire_licence_url": "acquire_licence_url",
    "description": "caption",
}

# Room beyond the file itself: Wagtail writes renditions of an image beside it.
HEADROOM_BYTES = 20 * 1024 * 1024
DISK_FULL = _(
    "The file was not saved: the media disk is full. Nothing was kept; ask whoever runs the site to make room, "
    "then upload it again."
)
READ_ONLY = _("The file was not saved: the media disk cannot be written to. Ask whoever runs the site to fix it.")


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

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if upload is not None and upload is not self.original_file and "file" not in self.errors:
            self.fill_from_photo_metadata(read_photo_metadata(upload))
        return cleaned_data

    def fill_from_photo_metadata(self, found: PhotoMetadata):
        """Each field the editor left empty takes the file's value, when that is one the field
        accepts (an address where an address goes, no longer than the field holds)."""
        for name, part in FILLED_FROM_THE_FILE.items():
            value = getattr(found, part)
            if name not in self.fields or self.cleaned_data.get(name) or not value:
                continue
            field = self.instance._meta.get_field(name)
            if not isinstance(field, models.URLField):  # a cut address would lead elsewhere
                value = value[: field.max_length]
            try:
                self.cleaned_data[name] = field.clean(value, self.instance)
            except ValidationError:  # an address that is not one, say: the editor can type it
                continue


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and upload != self.instance.file:
            check_media_disk_takes(upload)
        return upload

"""Local media storage where a write that fails leaves no partial file behind (see ``articles.uploads``)."""

import os

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    """Local media files, where a write that fails leaves no partial file behind."""

    def _save(self, name, content):
        full_path = self.path(name)
        was_there = os.path.exists(full_path)  # Storage.save() chose a free name: normally not
        try:
            return super()._save(name, content)
        except OSError:
            if not was_there and os.path.exists(full_path):
                os.remove(full_path)
            raise

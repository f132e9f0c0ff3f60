"""What an editor chooses for an import: the command's flags and the admin form's fields."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser

from .models import Section


@dataclass(frozen=True)
class ImportOptions:
    """What the editor chose for this import (the command's flags, the admin form's fields)."""

    publish: bool = False
    go_live_at: datetime | None = None  # with ``publish``: schedule instead of going live now
    section: Section | None = None
    update_bios: bool = False  # let the file's bios replace bios already on author pages
    user: AbstractBaseUser | None = None

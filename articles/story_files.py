"""The story files an import is handed: a file as it is, or each file inside a .zip archive.

Both doors read them here, the admin's upload and ``manage.py import_story``, so an archive reads
the same in both. Each file in an archive is a story named ``archive.zip/folder/story.txt``;
folders, ``__MACOSX/``, dot-files and links are left out. Nothing is read until a file's ``read``
is called, and then at most one byte over ``NEWSROOM_IMPORT_MAX_BYTES``, which is enough to refuse it.

An archive is refused whole, in one line naming it, when it is not a zip archive, holds no story
files or more than ``MAX_ARCHIVE_FILES``, or says it unpacks to more than ``MAX_ARCHIVE_BYTES``; a
file in it is refused alone when it is encrypted, damaged or too large. The sizes an archive
declares are not trusted alone: each file is read with the limit above, and Python's zipfile stops
a file at its declared size (a file that unpacks to more fails its checksum), so a zip bomb is cut
off at the limits instead of unpacked. These guards live in ``parsing.formats.archives``, where the
Word reader (a .docx is a zip) uses them too.
"""

import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from newsroom_core.app_settings import newsroom_setting

from .importing import FileReport, import_file, read_story_bytes
from .parsing.formats.archives import (
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_FILES,
    ArchiveError,
    check_archive_size,
    open_archive,
    read_member,
)

__all__ = ["MAX_ARCHIVE_BYTES", "MAX_ARCHIVE_FILES", "StoryFile", "import_story_file", "read_story", "story_files"]
MAX_NAME_LENGTH = 255  # as Django keeps an uploaded file's name


class UnreadableFileError(Exception):
    """A story file, or the archive holding it, that cannot be read; the message says why, in one line."""


@dataclass(frozen=True)
class StoryFile:
    name: str
    read: Callable[[], bytes]  # raises UnreadableFileError


def is_archive(name: str) -> bool:
    return name.lower().endswith(".zip")


def read_limit() -> int:
    return newsroom_setting("IMPORT_MAX_BYTES") + 1  # one byte over is enough to refuse the file


def story_files(name: str, source: Path | BinaryIO) -> list[StoryFile]:
    """``source`` (a path, or an open binary file such as an upload) as the story files it holds:
    itself, or when ``name`` is a .zip archive each story file in it. An archive that cannot be
    read is one file, named after it, that fails to read with the reason."""
    if not is_archive(name):
        return [StoryFile(name, partial(read_head, source))]
    try:
        return StoryArchive(name, source).story_files()
    except UnreadableFileError as error:
        return [StoryFile(name, partial(refuse, error))]


def read_head(source: Path | BinaryIO) -> bytes:
    if not isinstance(source, Path):
        return source.read(read_limit())
    try:
        with source.open("rb") as story_file:
            return story_file.read(read_limit())
    except OSError as error:
        raise UnreadableFileError(error.strerror or str(error)) from None


def refuse(error: UnreadableFileError):
    raise error


class StoryArchive:
    """A zip archive of story files, checked as a whole when opened; its files read one at a time."""

    def __init__(self, name: str, source: Path | BinaryIO):
        self.name = name
        try:
            self.zip_file = open_archive(source)
        except OSError as error:
            raise UnreadableFileError(error.strerror or str(error)) from None
        except ArchiveError as error:
            raise UnreadableFileError(str(error)) from None
        self.members = sorted((info for info in self.zip_file.infolist() if is_story_member(info)), key=member_name)
        if not self.members:
            raise UnreadableFileError("the archive holds no story files")
        try:
            check_archive_size(self.members)
        except ArchiveError as error:
            raise UnreadableFileError(str(error)) from None

    def story_files(self) -> list[StoryFile]:
        return [StoryFile(f"{self.name}/{info.filename}", partial(self.read, info)) for info in self.members]

    def read(self, info: zipfile.ZipInfo) -> bytes:
        if len(self.name) + 1 + len(info.filename) > MAX_NAME_LENGTH:
            raise UnreadableFileError(f"the name is longer than {MAX_NAME_LENGTH} characters; shorten it")
        try:
            return read_member(self.zip_file, info, read_limit())
        except ArchiveError as error:
            raise UnreadableFileError(str(error)) from None


def member_name(info: zipfile.ZipInfo) -> str:
    return info.filename


def is_story_member(info: zipfile.ZipInfo) -> bool:
    """A file (not a folder or a link), outside ``__MACOSX/``, neither it nor its folders hidden."""
    parts = [part for part in info.filename.split("/") if part]
    is_link = stat.S_ISLNK(info.external_attr >> 16)
    return (
        not info.is_dir()
        and not is_link
        and bool(parts)
        and parts[0] != "__MACOSX"
        and not any(part.startswith(".") for part in parts)
    )


def read_story(story_file: StoryFile) -> FileReport:
    """What can be read from a story file, writing nothing: the admin's preview, a dry run."""
    try:
        data = story_file.read()
    except UnreadableFileError as error:
        return FileReport(story_file.name, error=str(error))
    return read_story_bytes(story_file.name, data)


def import_story_file(story_file: StoryFile, destination, options) -> FileReport:
    """Read and import a story file; one that cannot be read is reported and changes nothing."""
    try:
        data = story_file.read()
    except UnreadableFileError as error:
        return FileReport(story_file.name, error=str(error))
    return import_file(story_file.name, data, destination, options)

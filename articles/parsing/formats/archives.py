"""How a zip archive is opened and read without trusting it: a .zip of story files
(``articles.story_files``) and a Word file (a zip of XML parts) are guarded by the same rules.

An archive is refused when it is not a zip archive, holds more than ``MAX_ARCHIVE_FILES`` files or
says it unpacks to more than ``MAX_ARCHIVE_BYTES``; a file in it when it is encrypted, damaged or
compressed in a way Python cannot read. The sizes an archive declares are not trusted alone: a
file is read with a limit, and Python's zipfile stops a file at its declared size (a file that
unpacks to more fails its checksum), so a zip bomb is cut off at the limits instead of unpacked.
"""

import zipfile
import zlib
from typing import BinaryIO

MAX_ARCHIVE_FILES = 1_000
MAX_ARCHIVE_BYTES = 50_000_000  # unpacked: fifty times the largest story file
ENCRYPTED_FLAG = 0x1  # general purpose bit 0 of a zip entry


class ArchiveError(Exception):
    """An archive, or a file in it, that cannot be read; the message says why, in one line."""


def open_archive(source: BinaryIO) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        raise ArchiveError("not a zip archive, or a damaged one") from None
    if any(not info.filename for info in archive.infolist()):  # a damaged directory: zipfile itself trips on it
        raise ArchiveError("damaged: a file in the archive has no name")
    return archive


def check_archive_size(members: list[zipfile.ZipInfo]):
    """Refuse an archive of too many files, or one that says it unpacks to too much."""
    if len(members) > MAX_ARCHIVE_FILES:
        raise ArchiveError(
            f"the archive holds {len(members):,} files; an archive may hold {MAX_ARCHIVE_FILES:,} at most"
        )
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_ARCHIVE_BYTES:
        raise ArchiveError(
            f"the archive unpacks to {unpacked:,} bytes; an archive may unpack to {MAX_ARCHIVE_BYTES:,} at most"
        )


def read_member(zip_file: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most ``limit`` bytes of a file in the archive (a caller refuses a file that fills them)."""
    if info.flag_bits & ENCRYPTED_FLAG:
        raise ArchiveError("encrypted: archives with a password cannot be read; zip the files without one")
    try:
        with zip_file.open(info) as member:
            return member.read(limit)
    except NotImplementedError:
        raise ArchiveError("compressed in a way that cannot be read; zip it again with Deflate") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise ArchiveError(f"damaged in the archive ({error})") from None

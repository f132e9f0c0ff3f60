"""A full or read-only media disk: the editor is told, and no stray file is left. The disk is real:
a tmpfs mounted for the test (root is needed; CI runs as root and requires these tests)."""

import os
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from articles.storage import MediaStorage
from articles.uploads import DISK_FULL, READ_ONLY


def mount_tmpfs(path, *options):
    path.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(["size=512k", *options]), "tmpfs", str(path)],
                            capture_output=True, text=True)  # fmt: skip
    if result.returncode:
        message = f"mounting a tmpfs failed ({result.stderr.strip()})"
        if os.environ.get("NEWSROOM_TEST_REQUIRE_FAULTS"):
            pytest.fail(message)
        pytest.skip(message + "; run as root")


@pytest.fixture
def full_disk(tmp_path, settings):
    disk = tmp_path / "full"
    mount_tmpfs(disk)
    (disk / "filler").write_bytes(b"\0" * (512 * 1024 - 4096 * 4))  # leaves less than any image needs
    settings.MEDIA_ROOT = disk
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


@pytest.fixture
def read_only_disk(tmp_path, settings):
    disk = tmp_path / "read-only"
    mount_tmpfs(disk, "ro")
    settings.MEDIA_ROOT = disk
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


@pytest.fixture
def editor(client, newsroom):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.com", "password"))
    return client


def png_upload(size=(640, 480)):
    return SimpleUploadedFile("harbour.png", get_test_image_file(size=size).file.getvalue(), "image/png")


def files_on(disk):
    return sorted(str(path.relative_to(disk)) for path in disk.rglob("*") if path.is_file())


@pytest.mark.parametrize("disk_fixture, message", [("full_disk", DISK_FULL), ("read_only_disk", READ_ONLY)])
def test_an_image_upload_to_a_disk_that_cannot_take_it_is_refused_with_a_clear_message(
    request, editor, disk_fixture, message
):
    disk = request.getfixturevalue(disk_fixture)
    before = files_on(disk)
    upload = png_upload(size=(1200, 900))

    response = editor.post(reverse("wagtailimages:add"), {"title": "Harbour", "file": upload})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()
    assert files_on(disk) == before


def test_the_multiple_uploader_says_so_for_each_file(editor, full_disk):
    response = editor.post(reverse("wagtailimages:add_multiple"), {"files[]": png_upload()})

    assert response.json() == {"success": False, "error_message": DISK_FULL}
    assert files_on(full_disk) == ["filler"]


def test_a_document_upload_to_a_full_disk_is_refused(editor, full_disk):
    upload = SimpleUploadedFile("budget.pdf", b"%PDF-1.4 " + b"x" * 100_000, "application/pdf")

    response = editor.post(reverse("wagtaildocs:add"), {"title": "Budget", "file": upload})

    assert DISK_FULL in response.content.decode()
    assert not get_document_model().objects.exists()
    assert files_on(full_disk) == ["filler"]


def test_a_write_that_fails_half_way_leaves_no_partial_file(full_disk):
    storage = MediaStorage(location=full_disk)

    with pytest.raises(OSError):
        storage.save("original_images/big.bin", ContentFile(b"x" * 200_000))

    assert files_on(full_disk) == ["filler"]

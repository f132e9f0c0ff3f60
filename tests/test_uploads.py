"""Uploads. A full or read-only media disk: the editor is told, and no stray file is left (the disk
is real: a tmpfs mounted for the test; root is needed, and CI runs as root and requires these
tests). A photo's credit and rights come from its file where the editor leaves them empty."""

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

from .helpers import jpeg_upload, photo_jpeg, photo_xmp

WIRE_PHOTO = photo_xmp(
    credit="Jane Doe/Reuters",
    creators=["Jane Doe"],
    rights="© 2026 Thomson Reuters",
    source="Reuters",
    web_statement="https://www.reuters.com/licensing/",
    licensor_url="https://pictures.reuters.com/buy",
    caption="Firefighters on the ridge above Malibu.",
)


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
    assert str(message) in response.content.decode()
    assert not get_image_model().objects.exists()
    assert files_on(disk) == before


def test_the_multiple_uploader_says_so_for_each_file(editor, full_disk):
    response = editor.post(reverse("wagtailimages:add_multiple"), {"files[]": png_upload()})

    assert response.json() == {"success": False, "error_message": DISK_FULL}
    assert files_on(full_disk) == ["filler"]


def test_a_document_upload_to_a_full_disk_is_refused(editor, full_disk):
    upload = SimpleUploadedFile("budget.pdf", b"%PDF-1.4 " + b"x" * 100_000, "application/pdf")

    response = editor.post(reverse("wagtaildocs:add"), {"title": "Budget", "file": upload})

    assert str(DISK_FULL) in response.content.decode()
    assert not get_document_model().objects.exists()
    assert files_on(full_disk) == ["filler"]


def test_a_write_that_fails_half_way_leaves_no_partial_file(full_disk):
    storage = MediaStorage(location=full_disk)

    with pytest.raises(OSError):
        storage.save("original_images/big.bin", ContentFile(b"x" * 200_000))

    assert files_on(full_disk) == ["filler"]


def test_an_uploaded_photo_brings_its_credit_and_rights_from_its_metadata(editor):
    upload = jpeg_upload("ridge.jpg", photo_jpeg(xmp=WIRE_PHOTO))

    response = editor.post(reverse("wagtailimages:add"), {"title": "Ridge", "file": upload})

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.credit, image.creator, image.copyright_notice, image.source) == (
        "Jane Doe/Reuters",
        "Jane Doe",
        "© 2026 Thomson Reuters",
        "Reuters",
    )
    assert (image.licence_url, image.acquire_licence_url) == (
        "https://www.reuters.com/licensing/",
        "https://pictures.reuters.com/buy",
    )
    assert image.description == "Firefighters on the ridge above Malibu."


def test_what_the_editor_types_on_upload_wins_over_the_photos_metadata(editor):
    upload = jpeg_upload("ridge.jpg", photo_jpeg(xmp=WIRE_PHOTO))

    editor.post(reverse("wagtailimages:add"), {"title": "Ridge", "file": upload, "credit": "Desk photo"})

    image = get_image_model().objects.get()
    assert (image.credit, image.source) == ("Desk photo", "Reuters")


def test_the_multiple_uploader_fills_the_credit_from_the_photo_and_the_edit_form_shows_it(editor):
    iptc = [((2, 80), b"John Roe"), ((2, 110), b"AP"), ((2, 116), b"(c) 2026 AP")]

    response = editor.post(
        reverse("wagtailimages:add_multiple"), {"files[]": jpeg_upload("crowd.jpg", photo_jpeg(iptc=iptc))}
    )

    assert response.json()["success"]
    image = get_image_model().objects.get()
    assert (image.credit, image.creator, image.copyright_notice) == ("AP", "John Roe", "(c) 2026 AP")
    assert 'value="AP"' in editor.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()


def test_a_rights_statement_that_is_not_an_address_is_left_for_the_editor(editor):
    upload = jpeg_upload("ridge.jpg", photo_jpeg(xmp=photo_xmp(credit="Pool", web_statement="All rights reserved")))

    editor.post(reverse("wagtailimages:add"), {"title": "Ridge", "file": upload})

    image = get_image_model().objects.get()
    assert (image.credit, image.licence_url) == ("Pool", "")

"""Zip archives of story files, read the same by the admin's upload and by ``import_story``: each file
in one a story named ``archive.zip/member``, and every archive that cannot be read refused in one line
that names it (and the file in it), zip bombs included."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from articles.models import ArticlePage, ImportJob
from articles.story_files import MAX_ARCHIVE_BYTES, MAX_ARCHIVE_FILES, read_story, story_files

from .helpers import IMPORT_URL, STORIES_DIR, confirm, make_user, soup_of

STORIES = ["byline_two_authors.txt", "headline_and_dek.txt", "markdown_story.md"]
CENTRAL_HEADER = b"PK\x01\x02"
LOCAL_HEADER = b"PK\x03\x04"
STORY = b"Harbour bridge reopens\nBy Ann Poe\nThe harbour bridge reopened to traffic on Tuesday after repairs.\n"


def archive(*members, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of (name, bytes) members; a name ending in / is a folder."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as zip_file:
        for name, data in members:
            zip_file.writestr(name, data)
    return buffer.getvalue()


def story_archive() -> bytes:
    return archive(*[(f"desk/{name}", (STORIES_DIR / name).read_bytes()) for name in STORIES])


def reports(name, data):
    return [read_story(story_file) for story_file in story_files(name, io.BytesIO(data))]


def errors(name, data):
    return [(report.file_name, report.error) for report in reports(name, data) if report.error]


def with_central_field(data: bytes, offset: int, fmt: str, value: int) -> bytes:
    """``data`` with a field of the (first) central directory entry changed, as a crafted archive has it."""
    at = data.index(CENTRAL_HEADER) + offset
    return data[:at] + struct.pack(fmt, value) + data[at + struct.calcsize(fmt) :]


def test_archive_each_file_is_a_story_named_after_the_archive_and_its_path():
    data = archive(
        ("desk/", b""),
        ("desk/b.txt", b"Ferry returns\nBy Bo Lee\nThe harbour ferry returns on Monday, the port said.\n"),
        ("desk/a.txt", b"Harbour bridge reopens\nBy Ann Poe\nThe harbour bridge reopened on Tuesday.\n"),
        ("__MACOSX/desk/._a.txt", b"\x00\x05\x16\x07 resource fork"),
        ("desk/.DS_Store", b"\x00\x00\x00\x01Bud1"),
        (".git/HEAD", b"ref: refs/heads/main\n"),
    )

    read = reports("stories.zip", data)

    assert [(report.file_name, report.story.headline) for report in read] == [
        ("stories.zip/desk/a.txt", "Harbour bridge reopens"),
        ("stories.zip/desk/b.txt", "Ferry returns"),
    ]
    assert read[0].source.file_name == "stories.zip/desk/a.txt"


def test_archive_that_is_not_a_zip_is_refused_naming_it():
    assert errors("stories.zip", b"Harbour bridge reopens\nBy Ann Poe\n") == [
        ("stories.zip", "not a zip archive, or a damaged one")
    ]


def nameless_member(data: bytes) -> bytes:
    """``data`` (a zip archive) with a file whose name is empty added, as a damaged directory gives it."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as zip_file:
        info = zipfile.ZipInfo("placeholder")
        info.filename = ""  # zipfile refuses to name a file so; a damaged archive does anyway
        zip_file.writestr(info, b"Harbour bridge reopens")
    return buffer.getvalue()


def test_archive_with_a_nameless_file_is_refused_as_damaged():
    assert errors("stories.zip", nameless_member(story_archive())) == [
        ("stories.zip", "damaged: a file in the archive has no name")
    ]


def test_archive_without_story_files_is_refused():
    assert errors("empty.zip", archive(("desk/", b""), ("__MACOSX/._x", b"x"))) == [
        ("empty.zip", "the archive holds no story files")
    ]


def test_archive_of_too_many_files_is_refused_before_any_is_read():
    data = archive(*[(f"story-{n}.txt", b"x") for n in range(MAX_ARCHIVE_FILES + 1)], compression=zipfile.ZIP_STORED)

    assert errors("wire.zip", data) == [
        ("wire.zip", "the archive holds 1,001 files; an archive may hold 1,000 at most"),
    ]


def test_archive_bomb_that_unpacks_past_the_limit_is_refused_before_any_is_read():
    bomb = archive(("zeros.txt", bytes(MAX_ARCHIVE_BYTES + 1)))  # some 50 kB packed
    assert len(bomb) < 100_000

    assert errors("bomb.zip", bomb) == [
        ("bomb.zip", "the archive unpacks to 50,000,001 bytes; an archive may unpack to 50,000,000 at most"),
    ]


def test_archive_bomb_that_understates_its_size_is_cut_off_at_the_size_it_declares():
    honest = archive(("zeros.txt", bytes(10_000_000)))
    lying = with_central_field(honest, 24, "<I", 100)  # uncompressed size: 100 bytes

    [(name, error)] = errors("bomb.zip", lying)

    assert name == "bomb.zip/zeros.txt"
    assert error == "damaged in the archive (Bad CRC-32 for file 'zeros.txt')"


def test_archive_file_over_the_story_size_limit_is_refused_alone(settings):
    settings.NEWSROOM_IMPORT_MAX_BYTES = 1_000
    data = archive(
        ("big.txt", b"Harbour bridge reopens\n" + b"The bridge reopened. " * 100),
        ("small.txt", STORY),
    )

    assert errors("desk.zip", data) == [("desk.zip/big.txt", "larger than the 1,000-byte limit")]


def test_archive_encrypted_file_is_refused_alone():
    data = archive(("locked.txt", b"Secret\nBy Ann Poe\nA secret story.\n"), ("open.txt", STORY))
    locked = with_central_field(data, 8, "<H", 0x1)  # the first entry's "encrypted" flag

    assert errors("desk.zip", locked) == [
        ("desk.zip/locked.txt", "encrypted: archives with a password cannot be read; zip the files without one")
    ]


def test_archive_file_with_a_name_too_long_to_keep_is_refused_alone():
    data = archive((f"{'n' * 250}.txt", b"Harbour\nBy Ann Poe\nThe bridge reopened.\n"))

    assert errors("desk.zip", data) == [
        (f"desk.zip/{'n' * 250}.txt", "the name is longer than 255 characters; shorten it"),
    ]


@pytest.fixture
def editor(client, newsroom):
    client.force_login(make_user("editor", superuser=True))
    return client


def upload(client, *files):
    uploads = [SimpleUploadedFile(name, data, content_type="application/octet-stream") for name, data in files]
    return client.post(IMPORT_URL, {"files": uploads})


def test_archive_uploaded_in_the_admin_is_previewed_file_by_file_and_imported_as_one_job(editor):
    plain = (STORIES_DIR / "headline_only.txt").read_bytes()
    response = upload(editor, ("desk.zip", story_archive()), ("plain.txt", plain), ("broken.zip", b"not a zip"))

    rows = soup_of(response).select(".newsroom-import-preview tbody tr")
    assert [row.select_one("td strong").get_text() for row in rows] == [
        "desk.zip/desk/byline_two_authors.txt",
        "desk.zip/desk/headline_and_dek.txt",
        "desk.zip/desk/markdown_story.md",
        "plain.txt",
        "broken.zip",
    ]
    assert "Not imported: not a zip archive, or a damaged one" in rows[4].get_text()
    assert soup_of(response).select_one("button[type=submit]").get_text() == "Import 4 files"

    job_page = editor.get(confirm(editor, response)["Location"])

    assert "Imported 4 of 4 file(s)." in job_page.content.decode()
    assert ArticlePage.objects.count() == 3  # the headline-only story is the same story as headline_and_dek
    assert sorted(ImportJob.objects.get().files.values_list("outcome", flat=True)) == [
        "created", "created", "created", "updated",
    ]  # fmt: skip
    assert set(ArticlePage.objects.values_list("imports__file_name", flat=True)) >= {
        "desk.zip/desk/byline_two_authors.txt",
        "desk.zip/desk/markdown_story.md",
    }


def test_archive_the_upload_form_offers_zip_files(editor):
    response = editor.get(IMPORT_URL)

    field = soup_of(response).select_one("input[type=file][name=files]")
    assert ".zip" in field["accept"].split(",")
    assert "or .zip archives of them, each of up to 1,000 files and 50 MB unpacked" in response.content.decode()


def run_import(capsys, *args):
    code = 0
    try:
        call_command("import_story", *map(str, args))
    except SystemExit as exit_:
        code = exit_.code
    return (code, *capsys.readouterr())


def test_archive_import_story_imports_each_file_in_a_zip(newsroom, tmp_path, capsys):
    path = tmp_path / "desk.zip"
    path.write_bytes(story_archive())

    code, out, err = run_import(capsys, path)

    lines = [line for line in out.splitlines() if not line.startswith("  ")]
    assert code == 0, err
    assert lines[:3] == [
        f"created (draft): {path}/desk/byline_two_authors.txt: "
        "'Officials said on Tuesday that the harbour bridge would reopen to traffic next month after repairs' "
        "[headline proposed]",
        f"created (draft): {path}/desk/headline_and_dek.txt: 'Harbour bridge to reopen after repairs'",
        f"created (draft): {path}/desk/markdown_story.md: 'Harbour bridge to reopen after repairs'",
    ]
    assert lines[3].startswith("3 file(s): 3 created, 0 updated, 0 unchanged, 0 read, 0 failed")
    assert ArticlePage.objects.count() == 3


def test_archive_import_story_refuses_a_bomb_in_one_line_and_goes_on_with_the_rest(newsroom, tmp_path, capsys):
    (tmp_path / "bomb.zip").write_bytes(archive(("zeros.txt", bytes(MAX_ARCHIVE_BYTES + 1))))
    (tmp_path / "story.txt").write_bytes((STORIES_DIR / "headline_only.txt").read_bytes())

    code, out, err = run_import(capsys, tmp_path)

    assert code == 1
    assert err.splitlines() == [
        f"error: {tmp_path}/bomb.zip: the archive unpacks to 50,000,001 bytes; "
        "an archive may unpack to 50,000,000 at most"
    ]
    assert "2 file(s): 1 created, 0 updated, 0 unchanged, 0 read, 1 failed" in out


def test_archive_file_whose_packed_data_is_damaged_is_refused_in_one_line(tmp_path, newsroom, capsys):
    data = archive(("story.txt", b"Harbour bridge reopens\nBy Ann Poe\nThe harbour bridge reopened on Tuesday.\n"))
    at = data.index(LOCAL_HEADER) + 30 + len("story.txt")
    damaged = data[:at] + zlib.compress(b"garbage")[2:8] + data[at + 6 :]
    (tmp_path / "damaged.zip").write_bytes(damaged)

    code, _, err = run_import(capsys, "--dry-run", tmp_path / "damaged.zip")

    assert code == 1
    assert err.startswith(f"error: {tmp_path}/damaged.zip/story.txt: damaged in the archive (")

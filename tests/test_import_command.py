"""``manage.py import_story`` as an editor runs it: output, exit codes and what it leaves behind."""

import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Revision

from articles.models import ArticlePage
from authors.models import AuthorPage

from .conftest import SEED_FILE


def run_import(*args, capsys):
    """Run the command; return (exit code, stdout, stderr)."""
    code = 0
    try:
        call_command("import_story", *map(str, args))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def database_state():
    return Page.objects.count(), Revision.objects.count(), AuthorPage.objects.count()


def test_dry_run_json_prints_what_was_read_and_writes_nothing(newsroom, capsys):
    before = database_state()

    code, out, _ = run_import("--dry-run", "--json", SEED_FILE, capsys=capsys)

    assert code == 0
    assert database_state() == before
    line = json.loads(out.strip())
    assert line == {
        "file": str(SEED_FILE),
        "headline": "Russia is threatening to leave an American astronaut stranded in space",
        "headline_is_proposed": True,
        "authors": [
            {
                "name": "Solange Reyner",
                "bio": "Solange Reyner is a writer and editor for Newsmax. She has more than 15 years in the "
                "journalism industry reporting and covering news, sports and politics.",
            }
        ],
        "source_credit": "Fox News",
        "copyright": {"holder": "Newsmax", "year": 2026, "notice": "© 2026 Newsmax. All rights reserved."},
        "paragraphs": line["paragraphs"],
        "warnings": ["no headline in the file; one was proposed from the lede for the editor to review"],
    }
    assert len(line["paragraphs"]) == 8


def test_publish_imports_the_seed_live_and_reports_it(newsroom, capsys):
    code, out, _ = run_import("--publish", SEED_FILE, capsys=capsys)

    assert code == 0
    assert "created (live)" in out
    assert "1 created, 0 updated, 0 unchanged, 0 read, 0 failed" in out
    assert ArticlePage.objects.live().count() == 1


def test_importing_a_directory_twice_reports_unchanged_the_second_time(newsroom, capsys):
    run_import("--publish", SEED_FILE.parent, capsys=capsys)

    code, out, _ = run_import("--publish", SEED_FILE.parent, capsys=capsys)

    assert code == 0
    assert "0 created, 0 updated, 1 unchanged" in out
    assert ArticlePage.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01binary", "line 1: contains a NUL byte"),
        (b"Prices \x81 rose on Monday across the region.\n", "line 1: not valid UTF-8 (byte 0x81) nor Windows-1252"),
        (b"Jane Doe \xe2\x9c\x89\n", "line 1: no story text found"),
    ],
)
def test_a_bad_file_fails_with_a_one_line_error_and_changes_nothing(newsroom, tmp_path, capsys, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    before = database_state()

    code, _, err = run_import("--publish", bad, capsys=capsys)

    assert code == 1
    assert f"error: {bad}: {message}" in err
    assert len([line for line in err.splitlines() if line.startswith("error:")]) == 1
    assert database_state() == before


def test_good_files_still_import_beside_a_bad_one(newsroom, tmp_path, capsys):
    (tmp_path / "a-bad.txt").write_bytes(b"")
    (tmp_path / "b-good.txt").write_bytes(SEED_FILE.read_bytes())

    code, out, err = run_import("--publish", tmp_path, capsys=capsys)

    assert code == 1
    assert "a-bad.txt: the file is empty" in err
    assert "1 created, 0 updated, 0 unchanged, 0 read, 1 failed" in out
    assert ArticlePage.objects.live().count() == 1


def test_a_missing_file_is_reported_by_name(newsroom, tmp_path, capsys):
    code, _, err = run_import(tmp_path / "missing.txt", capsys=capsys)

    assert code == 1
    assert f"error: {tmp_path / 'missing.txt'}: No such file or directory" in err


def test_a_file_over_the_size_limit_is_refused(newsroom, tmp_path, capsys, settings):
    settings.NEWSROOM_IMPORT_MAX_BYTES = 1_000
    big = tmp_path / "big.txt"
    big.write_bytes(SEED_FILE.read_bytes())

    code, _, err = run_import(big, capsys=capsys)

    assert code == 1
    assert "larger than the 1,000-byte limit" in err
    assert not ArticlePage.objects.exists()


def test_import_before_setup_says_how_to_set_up(db):
    with pytest.raises(CommandError, match=re.escape("run 'manage.py setup_newsroom' first")):
        call_command("import_story", str(SEED_FILE))

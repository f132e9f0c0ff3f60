"""``manage.py import_story`` as an editor runs it: output, exit codes and what it leaves behind."""

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, Revision

from articles.models import ArticlePage, Section
from authors.models import AuthorPage

from .factories import SectionFactory
from .helpers import FORMATS_DIR, ROOT, SEED_FILE, STORIES_DIR


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
        "dek": "",
        "authors": [
            {
                "name": "Solange Reyner",
                "role": "",
                "bio": "Solange Reyner is a writer and editor for Newsmax. She has more than 15 years in the "
                "journalism industry reporting and covering news, sports and politics.",
            }
        ],
        "contributors": [],
        "source_credit": "Fox News",
        "source_relationship": "via",
        "dateline": "",
        "published": None,
        "copyright": {"holder": "Newsmax", "year": 2026, "notice": "© 2026 Newsmax. All rights reserved."},
        "embargo": None,
        "usage_terms": "",
        "language": "en",  # the file names none: detected from its text
        "keywords": [],
        "guid": None,
        "version": None,
        "paragraphs": line["paragraphs"],
        "warnings": ["no headline in the file; one was proposed from the lede for the editor to review"],
    }
    assert len(line["paragraphs"]) == 8


def test_dry_run_json_gives_a_wire_items_identity_language_keywords_and_terms(capsys):
    code, out, _ = run_import(
        "--dry-run", "--json", FORMATS_DIR / "nitf-ap-text-launch-v2-correction.xml", capsys=capsys
    )

    line = json.loads(out.splitlines()[0])
    assert code == 0
    assert (line["guid"], line["version"], line["language"]) == ("c4b1f0e2a9d84d1c9e5b7a2f3c6d8e01", 2, "en-US")
    assert line["usage_terms"] == "Not for use in Canada"
    assert line["keywords"]


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


def test_standard_input_is_read_when_the_path_is_a_dash(newsroom, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SEED_FILE.read_bytes())))

    code, out, _ = run_import("--publish", "-", capsys=capsys)

    assert code == 0
    assert "created (live): <stdin>" in out
    assert ArticlePage.objects.get().imports.get().file_name == "<stdin>"


def test_go_live_at_schedules_the_article_until_its_time(newsroom, capsys, client):
    go_live_at = timezone.now() + timedelta(hours=2)

    code, out, _ = run_import("--go-live-at", go_live_at.isoformat(), SEED_FILE, capsys=capsys)

    article = ArticlePage.objects.get()
    assert code == 0
    assert "(scheduled for" in out
    assert not article.live
    assert client.get("/").content.count(b"card-headline") == 0

    with time_machine.travel(go_live_at + timedelta(minutes=1)):
        call_command("publish_scheduled")

    assert ArticlePage.objects.get().live
    assert client.get("/").content.count(b"card-headline") == 1


def test_go_live_at_in_the_past_is_refused(newsroom):
    with pytest.raises(CommandError, match="is in the past"):
        call_command("import_story", "--go-live-at", "2020-01-01T00:00:00+00:00", str(SEED_FILE))


def test_section_puts_the_article_in_that_section(newsroom, capsys):
    science = SectionFactory(name="Science")

    run_import("--section", "Science", SEED_FILE, capsys=capsys)

    assert ArticlePage.objects.get().section == science


def test_an_unknown_section_is_refused_with_the_known_ones(newsroom):
    known = ", ".join(Section.objects.values_list("slug", flat=True))

    with pytest.raises(CommandError, match=re.escape(f"--section 'weather': no such section (sections: {known})")):
        call_command("import_story", "--section", "weather", str(SEED_FILE))

    assert known == "world, politics, business, science, culture, sport"  # what a new newsroom starts with


def test_update_bios_lets_the_file_replace_an_editors_bio(newsroom, capsys):
    run_import("--publish", SEED_FILE, capsys=capsys)
    author = AuthorPage.objects.get()
    author.bio = "<p>Written by the desk.</p>"
    author.save_revision().publish()
    edited = SEED_FILE.read_bytes().replace(b"355-day", b"355 day")

    run_import_bytes(edited, "--publish", capsys=capsys)
    assert AuthorPage.objects.get().bio == "<p>Written by the desk.</p>"

    run_import_bytes(edited.replace(b"355 day", b"355-day mission"), "--publish", "--update-bios", capsys=capsys)
    assert AuthorPage.objects.get().bio.startswith("<p>Solange Reyner is a writer and editor for Newsmax.")


def test_markdown_story_keeps_emphasis_and_links_as_safe_rich_text(newsroom, capsys):
    code, _, _ = run_import("--publish", STORIES_DIR / "markdown_story.md", capsys=capsys)

    article = ArticlePage.objects.get()
    assert code == 0
    assert article.title == "Harbour bridge to reopen after repairs"
    assert [block.value.source for block in article.body] == [
        '<p>Officials said on <b>Tuesday</b> that the bridge would reopen, the <a href="https://example.org/council">'
        "city council</a> announced.</p>",
        "<p>A [bad link](javascript:alert(1)) and &lt;script&gt;alert(1)&lt;/script&gt; stay inert, said "
        "<i>Kelly</i>.</p>",
    ]


def test_windows_1252_story_is_imported_without_mojibake_and_with_a_warning(newsroom, capsys):
    code, out, _ = run_import("--publish", STORIES_DIR / "windows_1252.txt", capsys=capsys)

    assert code == 0
    assert "warning: not UTF-8: read as windows-1252" in out
    article = ArticlePage.objects.get()
    assert article.body[0].value.source == "<p>Café owners said “prices will rise” on Monday — by 5€ a meal.</p>"
    assert [link.author.title for link in article.credits.all()] == ["Renée Lévesque"]


def test_provenance_keeps_file_name_text_checksum_and_time(newsroom, capsys):
    run_import(SEED_FILE, capsys=capsys)

    provenance = ArticlePage.objects.get().imports.get()
    assert provenance.file_name == str(SEED_FILE)
    assert provenance.text == SEED_FILE.read_text(encoding="utf-8")
    assert provenance.checksum == hashlib.sha256(SEED_FILE.read_bytes()).hexdigest()
    assert abs(provenance.imported_at - timezone.now()) < timedelta(minutes=1)


def test_every_fixture_imports_or_fails_as_its_expectation_says(newsroom, capsys):
    code, out, err = run_import("--dry-run", STORIES_DIR, capsys=capsys)

    assert code == 1  # undecodable.txt is refused, and expected.json, JSON that is no story
    assert "error: " in err and "undecodable.txt: line 1: not valid UTF-8" in err
    assert "expected.json: " in err
    assert "0 created, 0 updated, 0 unchanged, 35 read, 2 failed" in out


def run_import_bytes(data, *args, capsys):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / SEED_FILE.name
        path.write_bytes(data)
        return run_import(*args, path, capsys=capsys)


def test_a_draft_reimport_of_a_live_story_says_readers_still_see_the_published_version(newsroom, capsys, tmp_path):
    run_import("--publish", SEED_FILE, capsys=capsys)

    _, out, _ = run_import(changed_seed(tmp_path), capsys=capsys)

    assert "updated (live; the changes are a draft, readers see the published version)" in out


def test_publishing_a_file_already_imported_as_a_draft_of_a_live_story_publishes_it(newsroom, capsys, client, tmp_path):
    run_import("--publish", SEED_FILE, capsys=capsys)
    changed = changed_seed(tmp_path)
    run_import(changed, capsys=capsys)

    _, out, _ = run_import("--publish", changed, capsys=capsys)

    assert_the_change_is_live(out, client)
    _, again, _ = run_import("--publish", changed, capsys=capsys)
    assert "unchanged (live)" in again


def test_the_same_file_again_while_its_story_waits_for_its_time_is_unchanged(newsroom, capsys):
    go_live_at = timezone.now() + timedelta(hours=2)
    run_import("--go-live-at", go_live_at.isoformat(), SEED_FILE, capsys=capsys)

    _, out, _ = run_import("--publish", SEED_FILE, capsys=capsys)

    assert "unchanged (scheduled for" in out
    assert ArticlePage.objects.get().revisions.count() == 1


def test_publishing_a_draft_of_a_story_that_went_live_on_schedule_publishes_it(newsroom, capsys, client, tmp_path):
    """Wagtail keeps a past go-live time on the page once the schedule has run: it is no longer
    scheduled, so the same file again with --publish must publish the draft a later import left."""
    go_live_at = timezone.now() + timedelta(hours=2)
    run_import("--go-live-at", go_live_at.isoformat(), SEED_FILE, capsys=capsys)
    changed = changed_seed(tmp_path)
    with time_machine.travel(go_live_at + timedelta(minutes=1)):
        call_command("publish_scheduled")
        run_import(changed, capsys=capsys)

        _, out, _ = run_import("--publish", changed, capsys=capsys)

        assert_the_change_is_live(out, client)


def changed_seed(folder):
    """The seed with one correction ("355 day" for "355-day"), as a file in ``folder``."""
    changed = folder / SEED_FILE.name
    changed.write_bytes(SEED_FILE.read_bytes().replace(b"355-day", b"355 day"))
    return changed


def assert_the_change_is_live(out, client):
    article = ArticlePage.objects.get()
    assert "updated (live)" in out
    assert not article.has_unpublished_changes
    assert "355 day mission" in client.get(article.url).content.decode()


def story_text(copyright_line="© 2026 Harbour Times. All rights reserved.", lede_end="the council said."):
    return (
        "Harbour bridge reopens\nBy Jane Doe\n"
        f"The harbour bridge reopened to traffic on Tuesday after two years of repairs, {lede_end}\n"
        f"Engineers replaced the cracked supports during the winter.\n{copyright_line}\n"
    )


def test_values_too_long_for_the_database_fail_that_file_alike_on_every_database(newsroom, tmp_path, capsys):
    folder = tmp_path / "stories"
    folder.mkdir()
    long_statement = "All rights reserved. " + "No part of this story may be reproduced in any form. " * 12
    (folder / "1-long-notice.txt").write_text(story_text(f"© 2026 Harbour Times. {long_statement}"))
    long_outlet = " ".join(["Harbour"] * 40)
    (folder / "2-long-outlet.txt").write_text(story_text(lede_end=f"reports The {long_outlet}."))
    (folder / "3-nul.txt").write_bytes(story_text(lede_end="the council\x00 said.").encode("utf-16"))
    (folder / "4-fine.txt").write_text(story_text(lede_end="officials said on Friday."))
    before = database_state()

    code, out, err = run_import("--publish", folder, capsys=capsys)

    assert code == 1
    assert "1-long-notice.txt: copyright notice, statement: Ensure this value has at most 500 characters" in err
    assert "3-nul.txt: line 3: contains a NUL character" in err
    assert "Traceback" not in err
    assert "2 created, 0 updated, 0 unchanged, 0 read, 2 failed" in out
    long_outlet_story = ArticlePage.objects.get(imports__file_name__endswith="2-long-outlet.txt")
    assert long_outlet_story.source is None  # forty capitalised words are not an outlet's name
    assert database_state()[0] == before[0] + 3  # two articles and their author


def test_a_path_longer_than_255_characters_is_kept_whole_as_the_provenance(newsroom, tmp_path, capsys):
    folder = tmp_path
    for part in ("a" * 100, "b" * 100, "c" * 100):
        folder = folder / part
    folder.mkdir(parents=True)
    story = folder / "story.txt"
    story.write_text(story_text())

    code, _, _ = run_import("--publish", story, capsys=capsys)

    assert code == 0
    assert ArticlePage.objects.get().imports.get().file_name == str(story)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="cuts a PostgreSQL connection (CI runs the suite there)")
@pytest.mark.django_db(transaction=True)
def test_a_database_connection_cut_mid_import_fails_that_file_in_one_line_and_the_rest_import(newsroom, tmp_path):
    with connection.cursor() as cursor:  # the importing process's connection dies as it writes the second file
        cursor.execute(CUT_CONNECTION_TRIGGER)
    folder = tmp_path / "stories"
    folder.mkdir()
    for name, lede_end in [
        ("1.txt", "the council said."),
        ("2-cut-here.txt", "officials said."),
        ("3.txt", "it said."),
    ]:
        (folder / name).write_text(story_text(lede_end=f"{lede_end} ({name})"))
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = os.environ | {"DATABASE_URL": url, "DEBUG": "1"}
    env.pop("REDIS_URL", None)

    try:
        run = subprocess.run(
            [sys.executable, "manage.py", "import_story", "--publish", str(folder)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS newsroom_test_cut ON newsroom_articles_storyimport")

    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "2-cut-here.txt: database error, nothing saved: terminating connection" in errors[0]
    assert "3 file(s): 2 created, 0 updated, 0 unchanged, 0 read, 1 failed" in run.stdout
    assert sorted(ArticlePage.objects.values_list("imports__file_name", flat=True)) == [
        str(folder / "1.txt"), str(folder / "3.txt"),
    ]  # fmt: skip


CUT_CONNECTION_TRIGGER = """
CREATE OR REPLACE FUNCTION newsroom_test_cut() RETURNS trigger AS $$
BEGIN
    IF NEW.file_name LIKE '%cut-here%' THEN
        PERFORM pg_terminate_backend(pg_backend_pid());
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER newsroom_test_cut BEFORE INSERT ON newsroom_articles_storyimport
    FOR EACH ROW EXECUTE FUNCTION newsroom_test_cut();
"""


FORMAT_SAMPLES = (
    "docx-google-docs-market-hall.docx",
    "html-arc-xp-national-ledger.html",
    "eml-apple-mail-cork-harvest.eml",
)


def test_word_files_web_pages_and_emails_import_from_a_directory_and_a_zip(newsroom, tmp_path, capsys):
    expected = json.loads((FORMATS_DIR / "expected.json").read_text(encoding="utf-8"))
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in FORMAT_SAMPLES[:2]:
        (folder / name).write_bytes((FORMATS_DIR / name).read_bytes())
    with zipfile.ZipFile(folder / "mail.zip", "w") as bundle:
        bundle.write(FORMATS_DIR / FORMAT_SAMPLES[2], FORMAT_SAMPLES[2])

    code, out, _ = run_import("--publish", folder, capsys=capsys)

    assert code == 0
    assert "3 file(s): 3 created" in out
    articles = {article.title: article for article in ArticlePage.objects.all()}
    assert set(articles) == {expected[name]["headline"] for name in FORMAT_SAMPLES}
    ledger = articles[expected["html-arc-xp-national-ledger.html"]["headline"]]
    assert ledger.source.name == "The National Ledger"
    assert ledger.live


def test_a_refused_word_file_fails_with_its_one_line_reason(newsroom, tmp_path, capsys):
    old_word = tmp_path / "story.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "WordDocument".encode("utf-16-le"))

    code, _, err = run_import(old_word, capsys=capsys)

    assert code == 1
    assert f"error: {old_word}: a Word 97–2003 .doc: save it as .docx (File › Save As › Word Document)" in err
    assert not ArticlePage.objects.exists()

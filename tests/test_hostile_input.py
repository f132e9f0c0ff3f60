"""Broken and hostile story files: each is imported as its table entry says, or refused with a
one-line message, and a refused file leaves nothing behind.

The files are in ``hostile/``; ``hostile/expected.json`` is the table of outcomes.
"""

import json
import shutil

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry

from articles.importing import ImportOptions, import_file
from articles.models import ArticlePage, CopyrightNotice, Outlet, StoryImport
from authors.models import AuthorPage
from newsroom_core.rich_text_conversion import html_to_text

from .helpers import HOSTILE_DIR

EXPECTED = {
    name: outcome
    for name, outcome in json.loads((HOSTILE_DIR / "expected.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}
SIZE_LIMIT = 150_000  # the table's "over the limit" file is just above it
RECORDS = (Page, Revision, ArticlePage, AuthorPage, StoryImport, CopyrightNotice, Outlet, IndexEntry, ReferenceIndex)


@pytest.fixture(autouse=True)
def size_limit(settings):
    settings.NEWSROOM_IMPORT_MAX_BYTES = SIZE_LIMIT


def record_counts():
    return {model.__name__: model.objects.count() for model in (*RECORDS, PageLogEntry)}


def import_fixture(name, destination):
    return import_file(name, (HOSTILE_DIR / name).read_bytes(), destination, ImportOptions(publish=True))


def stored_text(article):
    """Everything the import stored that a reader could see, as one string."""
    bylines = [link.author for link in article.credits.all()]
    return "\n".join(
        [
            article.title,
            article.dek,
            *(html_to_text(block.value.source) for block in article.body),
            *(author.title for author in bylines),
            *(html_to_text(author.bio) for author in bylines),
            article.copyright_notice.text if article.copyright_notice else "",
        ]
    )


def test_there_are_forty_hostile_files_each_with_an_expected_outcome():
    on_disk = {path.name for path in HOSTILE_DIR.iterdir() if path.name != "expected.json"}

    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 40


@pytest.mark.parametrize("name", sorted(name for name, outcome in EXPECTED.items() if "error" in outcome))
def test_a_hostile_file_is_refused_with_one_line_and_leaves_nothing_behind(newsroom, name):
    before = record_counts()

    report = import_fixture(name, newsroom)

    assert report.error == EXPECTED[name]["error"]
    assert "\n" not in report.error
    assert record_counts() == before


@pytest.mark.parametrize("name", sorted(name for name, outcome in EXPECTED.items() if "error" not in outcome))
def test_a_hostile_file_is_imported_as_its_table_entry_says(newsroom, name):
    expected = EXPECTED[name]

    report = import_fixture(name, newsroom)

    assert report.error == ""
    article = ArticlePage.objects.get()
    assert article.title == expected["headline"]
    assert report.story.is_headline_proposed == expected["headline_is_proposed"]
    assert [link.author.title for link in article.credits.all()] == expected["authors"]
    assert len(article.body) == expected["paragraphs"]
    if "first_paragraph" in expected:
        assert report.story.paragraphs[0] == expected["first_paragraph"]
    assert (article.copyright_notice.text if article.copyright_notice else None) == expected["copyright"]
    assert (article.source.name if article.source else None) == expected["source_credit"]
    assert article.live == expected["live"]
    for warning in expected.get("warnings", []):
        assert warning in report.story.warnings
    text = stored_text(article)
    for unwanted in expected.get("absent", []):
        assert unwanted not in text, f"{unwanted!r} survived the import"


def test_a_refused_file_then_its_fixed_version_gives_exactly_one_article(newsroom):
    broken = (HOSTILE_DIR / "invalid_utf8.txt").read_bytes()
    options = ImportOptions(publish=True)

    refused = import_file("story.txt", broken, newsroom, options)
    fixed = import_file("story.txt", broken.replace(b"\xc3\x28", "é (".encode()), newsroom, options)

    assert refused.error and not fixed.error
    assert ArticlePage.objects.count() == 1
    assert StoryImport.objects.count() == 1


def test_a_directory_of_good_bad_and_duplicate_files_imports_the_good_once(newsroom, tmp_path, capsys):
    folder = tmp_path / "wire"
    folder.mkdir()
    for name in ("emoji.txt", "bom_crlf.txt", "duplicate_one.txt", "duplicate_two.txt", "empty.txt", "nul_byte.txt"):
        shutil.copy(HOSTILE_DIR / name, folder / name)

    with pytest.raises(SystemExit) as exit_status:
        call_command("import_story", "--publish", str(folder))

    out, err = capsys.readouterr()
    assert exit_status.value.code == 1
    assert ArticlePage.objects.count() == 3  # emoji, bom_crlf and one of the duplicates
    assert "unchanged" in out and "duplicate_two.txt" in out
    assert f"error: {folder / 'empty.txt'}: the file is empty" in err
    assert "6 file(s): 3 created, 0 updated, 1 unchanged, 0 read, 2 failed" in out

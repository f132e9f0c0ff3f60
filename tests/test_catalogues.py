"""The French, Spanish and German catalogues Newsroom ships are complete: every string the code and
templates mark is in each, translated, with the same placeholders, and compiled as it reads."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from .helpers import requires_gettext

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["fr", "es", "de"]
# Each app's own catalogue travels with it in the wheel; newsroom/locale/ is the example site's.
CATALOGUE_FOLDERS = ["articles/locale", "authors/locale", "newsroom_core/locale", "newsroom/locale"]
SOURCES = ["articles", "authors", "newsroom_core", "newsroom", "templates", "manage.py", "Makefile"]
CATALOGUES = [
    ROOT / folder / language / "LC_MESSAGES" / "django.po" for folder in CATALOGUE_FOLDERS for language in LANGUAGES
]


def read_catalogue(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def as_key(text):
    return tuple(text) if isinstance(text, (list, tuple)) else text


def messages(catalogue) -> dict:
    """The catalogue's messages by (context, msgid); a plural's msgid is the tuple of its forms."""
    return {(message.context, as_key(message.id)): message for message in catalogue if message.id}


def untranslated(catalogue) -> list[str]:
    def is_missing(message):
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        return message.fuzzy or not all(strings)

    return [str(message.id) for message in messages(catalogue).values() if is_missing(message)]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_each_shipped_catalogue_translates_every_string_it_holds(path):
    catalogue = read_catalogue(path)

    assert messages(catalogue), f"{path} holds no strings"
    assert untranslated(catalogue) == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_each_translation_keeps_its_strings_placeholders(path):
    problems = [f"{message.id!r}: {error}" for message, errors in read_catalogue(path).check() for error in errors]

    assert problems == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_each_compiled_catalogue_says_what_its_source_says(path):
    with path.with_suffix(".mo").open("rb") as file:
        compiled = {key: as_key(message.string) for key, message in messages(read_mo(file)).items()}

    assert compiled == {key: as_key(message.string) for key, message in messages(read_catalogue(path)).items()}


@pytest.fixture(scope="module")
def regathered(tmp_path_factory):
    """The catalogues as `make messages` would leave them, gathered afresh in a copy of the code."""
    copy = tmp_path_factory.mktemp("catalogues")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, copy / name)
    (copy / ".venv").symlink_to(Path(sys.prefix))
    subprocess.run(["make", "--no-print-directory", "--assume-old=.venv/installed", "messages"], cwd=copy, check=True,
                   capture_output=True)  # fmt: skip
    return copy


@requires_gettext
@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_each_shipped_catalogue_holds_every_marked_string_and_no_other(regathered, path):
    fresh = messages(read_catalogue(regathered / path.relative_to(ROOT)))
    shipped = messages(read_catalogue(path))

    assert sorted(map(str, {key[1] for key in fresh.keys() - shipped.keys()})) == [], "marked but not in the catalogue"
    assert sorted(map(str, {key[1] for key in shipped.keys() - fresh.keys()})) == [], (
        "in the catalogue, no longer marked"
    )

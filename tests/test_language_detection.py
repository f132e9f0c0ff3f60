"""Telling a story's language from its words (``articles.parsing.language_detection``): no database."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.parsing import parse_story
from articles.parsing.language_detection import MAX_CHARACTERS, detect_language

from .helpers import REALWORLD_DIR, STORIES_DIR

STORY_LANGUAGES = {"french": "fr", "spanish": "es", "german": "de", "arabic": "ar"}
REALWORLD_EXPECTED = json.loads((REALWORLD_DIR / "expected.json").read_text(encoding="utf-8"))


def story_text(path):
    story = parse_story(path.read_text(encoding="utf-8"))
    return "\n".join([story.headline, *story.paragraphs])


def story_body(name):
    story = parse_story((STORIES_DIR / f"language_{name}.txt").read_text(encoding="utf-8"))
    return "\n".join(story.paragraphs)


@pytest.mark.parametrize(("name", "language"), STORY_LANGUAGES.items())
def test_detect_language_names_each_storys_language(name, language):
    assert detect_language(story_body(name)) == language


def test_detect_language_names_the_language_of_every_real_world_story():
    expected = {name: entry["language"] for name, entry in REALWORLD_EXPECTED.items() if name[0] != "_"}

    detected = {name: detect_language(story_text(REALWORLD_DIR / name)) for name in expected}

    assert detected == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le conseil municipal a voté mardi soir la rénovation du pont. Les travaux commencent en avril.", "fr"),
        ("Die Stadtwerke senken die Preise für Fernwärme. Betroffen sind rund 28.000 Haushalte.", "de"),
        ("La concejala presentó el proyecto en el Palacio Consistorial. Las obras empezarán en junio.", "es"),
    ],
)
def test_detect_language_tells_a_two_sentence_brief(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    ["", "OK", "Internet", "12:30 — 14:45", "Paris, 2026", "…", "Taxi hotel radio taxi hotel radio taxi hotel radio"],
)
def test_detect_language_is_none_for_text_too_short_to_tell(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Coca-Cola Pepsi Samsung Toyota Nokia Volkswagen Ericsson Siemens Philips Renault Peugeot Fiat Ferrari",
        "საქართველოს პარლამენტმა დღეს მიიღო კანონი ქალაქის ახალი ხიდის მშენებლობის შესახებ",  # Georgian: not known
    ],
)
def test_detect_language_is_none_when_no_language_it_knows_clearly_wins(text):
    assert detect_language(text) is None


def test_detect_language_reads_only_the_opening_of_a_long_text():
    opening = story_body("german")[:MAX_CHARACTERS]
    long_text = opening + " " + "the and of to in " * 5_000

    assert detect_language(long_text) == "de"


@given(st.text(max_size=300))
def test_detect_language_never_raises_and_gives_a_two_letter_code_or_none(text):
    language = detect_language(text)

    assert language is None or (len(language) == 2 and language.isascii() and language.islower())

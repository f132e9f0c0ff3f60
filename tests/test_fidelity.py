"""The parser reads every field of the real-world corpus, the story fixtures and the hostile set
exactly (``make fidelity`` prints the same figures)."""

import json

from .fidelity import TESTS, corpus_checks, report

REALWORLD = TESTS / "realworld"


def test_the_parser_reads_every_field_of_every_corpus_exactly():
    text, perfect = report(corpus_checks())

    assert perfect, text


def test_the_real_world_corpus_is_wide_and_every_file_has_its_entry():
    entries = {
        name: entry for name, entry in json.loads((REALWORLD / "expected.json").read_text()).items() if name[0] != "_"
    }

    assert {path.name for path in REALWORLD.glob("*.txt")} == set(entries)
    assert len(entries) >= 40
    assert len({entry["outlet"] for entry in entries.values()}) >= 15
    languages = {entry["language"] for entry in entries.values()}
    assert {"en", "fr", "es", "de"} <= languages and languages & {"ru", "ar", "el", "ja", "zh", "uk", "he"}
    assert all(entry["url"].startswith("https://") or entry["url"].startswith("http://") for entry in entries.values())

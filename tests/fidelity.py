"""How exactly the parser reads story files: field-by-field accuracy over the real-world corpus
(``tests/realworld/``), the story fixtures (``tests/stories/``), the other formats' samples
(``tests/formats/``) and the hostile set (``tests/hostile/``), each against its ``expected.json``.

``python -m tests.fidelity`` (``make fidelity``) prints the accuracy of each field, every miss as
``file: field: got … want …``, and exits with status 1 below 100 %. Pure: the parser only, no
database.
"""

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from articles.parsing import StoryFormatError, read_story_file, story_to_data

TESTS = Path(__file__).resolve().parent
MAX_BYTES = 150_000  # the hostile set's limit: its "over the limit" file is just above it


@dataclass(frozen=True)
class Check:
    file: str
    field: str
    got: object
    want: object

    @property
    def passed(self):
        return self.got == self.want


def read(path: Path):
    """The story in ``path``, or the one-line message it is refused with."""
    try:
        return read_story_file(path.name, path.read_bytes(), MAX_BYTES)[0]
    except StoryFormatError as error:
        return str(error)


def realworld_checks(name: str, story, want: dict) -> list[Check]:
    """The fields of a real-world entry: see ``tests/realworld/expected.json``."""
    if isinstance(story, str):
        return [Check(name, "readable", story, "a story")]
    authors = story.authors
    wanted_authors = want["authors"]
    copyright_notice = story.copyright
    got = {
        "headline": None if story.is_headline_proposed else story.headline,
        "dek": story.dek,
        "authors": [author.name for author in authors],
        "roles": [author.role for author in authors],
        "bios": [author.bio[: len(wanted["bio"])] if wanted["bio"] else author.bio for author, wanted in zip(
            authors, wanted_authors, strict=False
        )],
        "contributors": [[person.name, person.role] for person in story.contributors],
        "copyright holder": copyright_notice and (copyright_notice.holder or None),
        "copyright year": copyright_notice and copyright_notice.year,
        "source": story.source_name or None,
        "source relationship": story.source_relationship if story.source_name else None,
        "dateline": story.dateline,
        "published": story.published or None,
        "paragraphs": len(story.paragraphs),
    }  # fmt: skip
    wanted_copyright, wanted_source = want["copyright"], want["source"]
    wants = {
        "headline": want["headline"],
        "dek": want["dek"],
        "authors": [author["name"] for author in wanted_authors],
        "roles": [author["role"] for author in wanted_authors],
        "bios": [author["bio"] for author in wanted_authors][: len(authors)],
        "contributors": [[person["name"], person["role"]] for person in want["contributors"]],
        "copyright holder": wanted_copyright and wanted_copyright["holder"],
        "copyright year": wanted_copyright and wanted_copyright["year"],
        "source": wanted_source and wanted_source["name"],
        "source relationship": wanted_source and wanted_source["relationship"],
        "dateline": want["dateline"],
        "published": want["published"],
        "paragraphs": want["paragraphs"],
    }
    return [Check(name, field, got[field], wants[field]) for field in wants]


def fixture_checks(name: str, story, want: dict) -> list[Check]:
    """The keys a ``tests/stories`` or ``tests/hostile`` entry gives, read from the parser's story."""
    if "error" in want:
        return [Check(name, "error", story if isinstance(story, str) else "read", want["error"])]
    if isinstance(story, str):
        return [Check(name, "readable", story, "a story")]
    notice = story.copyright
    got = {
        "headline": story.headline,
        "headline_is_proposed": story.is_headline_proposed,
        "dek": story.dek,
        "paragraphs": len(story.paragraphs),
        "first_paragraph": story.paragraphs[0],
        "source_credit": story.source_name if want.get("source_credit") is not None else story.source_name or None,
        "source_relationship": story.source_relationship,
    }
    checks = [Check(name, key, got[key], want[key]) for key in got if key in want]
    if "authors" in want:
        names_only = all(isinstance(author, str) for author in want["authors"])
        authors = [author.name if names_only else [author.name, author.bio] for author in story.authors]
        checks.append(Check(name, "authors", authors, want["authors"]))
    if "copyright" in want:
        wanted = want["copyright"]
        if isinstance(wanted, str) or wanted is None:  # the hostile set gives the notice as printed
            checks.append(Check(name, "copyright", notice and notice.notice, wanted))
        else:
            checks.append(Check(name, "copyright", notice and [notice.holder, notice.year, notice.statement], wanted))
    return checks


NOTE_KEYS = {"url", "kind", "made_like", "notes"}  # what a formats/ entry says of the sample, not of the story


def format_checks(name: str, story, want: dict) -> list[Check]:
    """A ``tests/formats`` entry: each field of the ``Story`` it gives (as ``story_to_data`` writes it),
    compared whole: every paragraph with its emphasis and links, every author with role and bio."""
    if "error" in want:
        return [Check(name, "error", story if isinstance(story, str) else "read", want["error"])]
    if isinstance(story, str):
        return [Check(name, "readable", story, "a story")]
    got = json.loads(json.dumps(story_to_data(story)))  # as the entry is written: tuples are JSON lists
    return [Check(name, key, got.get(key, "no such field"), want[key]) for key in want if key not in NOTE_KEYS]


def corpus_checks() -> dict[str, list[Check]]:
    sets = {}
    for folder, checks_of in (
        ("realworld", realworld_checks),
        ("stories", fixture_checks),
        ("formats", format_checks),
        ("hostile", fixture_checks),
    ):
        expected = json.loads((TESTS / folder / "expected.json").read_text(encoding="utf-8"))
        sets[folder] = [
            check
            for name, want in sorted(expected.items())
            if not name.startswith("_")
            for check in checks_of(name, read(TESTS / folder / name), want)
        ]
    return sets


def report(sets: dict[str, list[Check]]) -> tuple[str, bool]:
    lines, perfect = [], True
    for folder, checks in sets.items():
        totals, passed = Counter(c.field for c in checks), Counter(c.field for c in checks if c.passed)
        files = len({c.file for c in checks})
        lines.append(f"{folder}/ ({files} files): {sum(passed.values())}/{len(checks)} fields right")
        lines += [
            f"  {field:<22} {passed[field]:>4}/{totals[field]:<4} {passed[field] / totals[field]:7.1%}"
            for field in totals
        ]
        misses = [c for c in checks if not c.passed]
        lines += [f"  {folder}/{c.file}: {c.field}: got {c.got!r} want {c.want!r}" for c in misses]
        perfect = perfect and not misses
    return "\n".join(lines), perfect


def main() -> int:
    text, perfect = report(corpus_checks())
    print(text)
    return 0 if perfect else 1


if __name__ == "__main__":
    sys.exit(main())

"""How author names are compared (the same person whatever the case, spacing or accents), told
apart from look-alikes, and joined."""

import unicodedata
from functools import lru_cache

from confusable_homoglyphs import categories, confusables

# Scripts that one name writes together: Japanese mixes kanji and kana, Korean hanja and hangul.
SCRIPTS_WRITTEN_TOGETHER = [{"HAN", "HIRAGANA", "KATAKANA"}, {"HAN", "HANGUL"}]


def normalise_name(name: str) -> str:
    """Fold a name for comparison: "Solange  RÉYNER" and "solange reyner" give the same key."""
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(without_accents.casefold().split())


def name_skeleton(name: str) -> str:
    """What a name looks like, after Unicode's confusables (UTS #39): "Sol\u0430nge" (a Cyrillic "a")
    and "Solange" give the same skeleton. Each character stands for the lowest of the characters
    Unicode lists as confusable with it; the result is folded as ``normalise_name`` folds."""
    return normalise_name("".join(look_alike_of(ch) for ch in unicodedata.normalize("NFD", name)))


@lru_cache(maxsize=4096)
def look_alike_of(ch: str) -> str:
    found = confusables.is_confusable(ch, greedy=True, preferred_aliases=[]) or []
    return min([ch, *(glyph["c"] for each in found for glyph in each["homoglyphs"] if len(glyph["c"]) == 1)])


def mixed_scripts(name: str) -> list[str]:
    """The scripts of a name that mixes alphabets no name mixes ("Sol\u0430nge": Cyrillic and Latin), or []."""
    scripts = categories.unique_aliases(name) - {"COMMON", "INHERITED"}
    if len(scripts) < 2 or any(scripts <= together for together in SCRIPTS_WRITTEN_TOGETHER):
        return []
    return sorted(script.title() for script in scripts)


def join_names(names) -> str:
    """Names the way a byline prints them: "A", "A and B", "A, B and C"."""
    if len(names) < 3:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"

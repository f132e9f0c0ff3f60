"""How author names are compared (the same person whatever the case, spacing or accents), told
apart from look-alikes, and joined."""

import re
import unicodedata
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
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


def join_names(names, language: str = "en") -> str:
    """Names the way a byline prints them in ``language`` (a BCP 47 tag): "A", "A and B", "A, B and C"
    in English, the house style of the story files; "A, B et C" in French, "A, B und C" in German, as
    the Unicode CLDR's list patterns join them."""
    names = list(names)
    locale = cldr_locale(language)
    if locale is None:
        if len(names) < 3:
            return " and ".join(names)
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return format_list(names, style="standard", locale=locale) if names else ""


def join_names_html(names_html, language: str, escape) -> str:
    """``join_names`` for names already made HTML (each escaped, perhaps linked): the words that join
    them are escaped with ``escape``, the names are put in as they are."""
    names_html = list(names_html)
    # The joined words, around markers no pattern holds; each marker then becomes its name, once.
    joined = escape(join_names([f"\ue000{index}\ue001" for index in range(len(names_html))], language))
    return NAME_MARKER_RE.sub(lambda found: str(names_html[int(found[1])]), str(joined))


NAME_MARKER_RE = re.compile("\ue000(\\d+)\ue001")


@lru_cache(maxsize=64)
def cldr_locale(language: str) -> Locale | None:
    """The CLDR locale of ``language`` (a BCP 47 tag), its base language if the tag's
    region or script is unknown; None for English and unknown languages (the house style)."""
    for tag in (language, language.split("-")[0]):
        try:
            locale = Locale.parse(tag.replace("_", "-"), sep="-")
        except (UnknownLocaleError, ValueError):
            continue
        return None if locale.language == "en" else locale
    return None

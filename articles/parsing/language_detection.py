"""Which language a story is written in, for the files that do not say: lingua's detector, built once.

The detector knows the languages newsrooms publish in most (``NEWS_LANGUAGES``) and runs in lingua's
low-accuracy mode, which reads trigrams only: for the paragraphs of a story it names the same
language as the full mode, in a tenth of the memory (about 30 MB, where the full models of these
languages take 480 MB), and a language's models are loaded the first time a text might be in it.
A text too short to tell, or one no language clearly wins, is None: the article then takes its
locale's language.
"""

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

NEWS_LANGUAGES = (
    *(Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.GERMAN, Language.ARABIC, Language.PORTUGUESE),
    *(Language.ITALIAN, Language.DUTCH, Language.RUSSIAN, Language.CHINESE, Language.JAPANESE, Language.KOREAN),
    *(Language.TURKISH, Language.POLISH, Language.SWEDISH, Language.UKRAINIAN, Language.HINDI, Language.HEBREW),
    *(Language.PERSIAN, Language.INDONESIAN, Language.GREEK, Language.CZECH, Language.ROMANIAN, Language.DANISH),
    *(Language.FINNISH, Language.BOKMAL, Language.HUNGARIAN, Language.VIETNAMESE, Language.THAI, Language.URDU),
    *(Language.BENGALI, Language.CATALAN, Language.MALAY, Language.SWAHILI, Language.TAGALOG, Language.CROATIAN),
    *(Language.SERBIAN, Language.BULGARIAN, Language.SLOVAK),
)
MIN_LETTERS = 60  # fewer letters than a sentence or two: too little to tell (trigrams guess wildly)
MIN_CONFIDENCE = 0.7  # lingua's confidence in the likeliest language, out of 1
MAX_CHARACTERS = 2_000  # a story's opening paragraphs tell its language; reading on only costs time
LETTER_RE = re.compile(r"[^\W\d_]")


@cache
def detector() -> LanguageDetector:
    """The one detector of the process (lingua's is safe to share between threads)."""
    return LanguageDetectorBuilder.from_languages(*NEWS_LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """The language ``text`` is written in, as an ISO 639-1 code ("fr"), or None when it is too
    short or too uncertain to tell."""
    sample = text[:MAX_CHARACTERS]
    if len(LETTER_RE.findall(sample)) < MIN_LETTERS:
        return None
    likeliest = next(iter(detector().compute_language_confidence_values(sample)), None)
    if likeliest is None or likeliest.value < MIN_CONFIDENCE:
        return None
    return likeliest.language.iso_code_639_1.name.lower()

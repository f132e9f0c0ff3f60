"""What reads as a person's name, an outlet's, a role's or an institution's, by the form of the words."""

import re
import unicodedata

MAX_NAME_WORDS = 6
# Degrees after a name are the writer's, not an agency: "Brenda Goodman, MA".
DEGREES = frozenset({"MA", "MD", "PhD", "RN", "MBA", "MS", "MSc", "BSc", "MPH", "DO", "JD", "DPhil"})
# Words that make a name an institution's, not a person's: "Redonda Restoration Programme".
INSTITUTION_WORDS = frozenset(
    {
        "programme", "program", "project", "foundation", "institute", "university", "council", "ministry",
        "department", "agency", "service", "group", "association", "society", "trust", "office", "committee",
        "centre", "center", "network",
    }
)  # fmt: skip
# Words of a job title or desk after a writer's name: "Jane Doe, Senior Correspondent".
ROLE_WORDS = frozenset(
    {
        "correspondent", "correspondente", "corresponsal", "korrespondent", "korrespondentin", "editor", "editora",
        "redakteur", "redakteurin", "rédacteur", "rédactrice", "reporter", "reportera", "writer", "columnist",
        "contributor", "critic", "analyst", "producer", "journalist", "journaliste", "periodista", "staff", "desk",
        "bureau", "chief", "professor", "lecturer", "university", "studio", "envoyé", "envoyée", "spécial", "spéciale",
        "enviado", "enviada", "especial", "senior", "national", "international", "political", "economics", "science",
        "health",
    }
)  # fmt: skip
# Inside a name word, besides letters and digits: combining marks (Devanagari's vowel signs,
# Arabic's short vowels), apostrophes, hyphens, dots, the middle dots of "Col·lell" and "ジョン・スミス",
# and the Hebrew geresh and gershayim.
NAME_WORD_INNER = frozenset("'’.-_·・\u05f3\u05f4")
# What joins the names of a byline: commas, "and" and the other languages' words for it, "&", "、".
# Captured, so that a role after a comma can be told from a name after "and".
NAME_SEPARATOR_RE = re.compile(
    r"(\s*,\s*(?:and|et|y|e|und|и)\s+|\s*,\s*|、|\s+(?:and|et|y|e|und|и|و)\s+|\s*&\s*)", re.IGNORECASE
)
ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý]{2,6}$")
UNSPACED_NAME_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,10}|[\uac00-\ud7af]{2,5})$")  # ideographs, or hangul
NAME_PARTICLES = {"de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von", "bin", "al", "y", "st."}
ELIDED_PARTICLE_RE = re.compile(r"^(?:d|l|dell|dall|degl)['’](?=[^\W\d_])")  # "d'Emilio", "dell'Acqua"
PRONOUNS = {"he", "she", "they"}
# Wire services named after a reporter ("By Jane Doe, Reuters") are the story's source, not an author.
WIRE_AGENCIES = {
    name.casefold(): name
    for name in (
        "Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
        "Bloomberg", "Bloomberg News", "UPI", "dpa", "EFE", "Xinhua", "PA Media", "ANSA", "Kyodo News",
        "NTB", "ANP", "TT", "APA", "Belga", "Kyodo", "Yonhap", "Lusa", "PAP", "STT", "Ritzau", "AAP", "SDA",
    )
}  # fmt: skip


def is_name_like(text: str) -> bool:
    """A few capitalised words of letters, with no sentence punctuation: "Solange Reyner",
    "Jean-Luc O'Brien", "ليلى حسن" (scripts without capitals count as capitalised)."""
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or text[-1] in '.!?:;,"”':
        return False
    return all(is_name_word(word) and (not word[0].islower() or is_particle(word)) for word in words)


def is_particle(word: str) -> bool:
    """A lower-case word a name may hold: "de", "van", or an elided particle before its capital ("d'Emilio")."""
    if word.lower() in NAME_PARTICLES:
        return True
    elided = ELIDED_PARTICLE_RE.match(word)
    return bool(elided) and word[elided.end()].isupper()


def is_name_word(word: str) -> bool:
    return word[0].isalpha() and all(
        ch.isalnum() or ch in NAME_WORD_INNER or unicodedata.category(ch).startswith("M") for ch in word[1:]
    )


def split_names(names: str) -> list[str]:
    return [name.strip(" .") for name in NAME_SEPARATOR_RE.split(names)[::2] if name.strip(" .")]


def is_person_name(text: str) -> bool:
    """A person's name: two to six words that read as a name, and neither a title nor an outlet; in a
    script written without spaces ("王伟", "김민준"), two to ten letters of it."""
    if UNSPACED_NAME_RE.match(text):
        return True
    words = text.split()
    return (
        2 <= len(words) <= MAX_NAME_WORDS
        and is_name_like(text)
        and not is_role(text)
        and not is_outlet_form(text)
        and not is_institution(text)
    )


def is_institution(text: str) -> bool:
    return any(word.casefold() in INSTITUTION_WORDS for word in text.split())


def is_role(text: str) -> bool:
    """A job title, desk or place after a name: lower-case words, a title's words, or one word."""
    words = [word.strip(".,()") for word in re.split(r"[\s-]+", text) if word.strip(".,()")]
    return bool(words) and (
        len(words) == 1
        or any(word.casefold() in ROLE_WORDS for word in words)
        or any(word[0].islower() and not is_particle(word) for word in words)
    )


def is_outlet_form(text: str) -> bool:
    """An outlet by the shape of its name alone: an acronym ("CNN"), "The …", a wire agency, or a
    name ending in a news word ("Fox News", "Harbour Times"), never a person called Fox or Post."""
    return bool(
        ACRONYM_RE.match(text)
        or text.casefold() in WIRE_AGENCIES
        or re.match(r"^The\s+[A-Z]", text)
        or NEWS_NOUN_END_RE.search(text)
    )


def is_organisation(text: str) -> bool:
    """An agency or outlet by the form of its name: an acronym ("AFP", "CNN"), "The …", or a news
    word ("Press", "News", "Agency")."""
    return bool(
        ACRONYM_RE.match(text)
        or text.casefold() in WIRE_AGENCIES
        or re.match(r"^The\s+[A-Z]", text)
        or MEDIA_WORD_RE.search(text)
    )


def is_organisation_name(text: str) -> bool:
    """An agency written as a byline: "AFP", "The Associated Press", never a sentence."""
    return (
        is_organisation(text)
        and text[0].isupper()
        and len(text.split()) <= MAX_NAME_WORDS
        and not re.search(r"[.!?;:]\s", text)
    )


def ordinary_case(name: str) -> str:
    """A name in capitals as it is usually written: "MICHELLE R. SMITH" → "Michelle R. Smith".
    Acronyms ("AFP") and names already in mixed case stay as they are."""
    if not name.isupper() or ACRONYM_RE.match(name):
        return name
    return re.sub(r"[^\W\d_]+", lambda word: word[0][0] + word[0][1:].lower(), name)


SENTENCE_ENDINGS = (".", "!", "?", "…", "。", "！", "？", ":", ";", ",")
NEWS_NOUN_END_RE = re.compile(
    r"\s(?:News|Times|Post|Journal|Press|Herald|Tribune|Gazette|Telegraph|Daily|Magazine|TV|Radio|Network|Wire)$"
)
MEDIA_WORD_RE = re.compile(
    r"\b(?:News|Times|Post|Journal|Press|Reuters|Bloomberg|Herald|Tribune|Gazette|Telegraph|Guardian|"
    r"Daily|Magazine|TV|Radio|Broadcasting|Network|Wire|Agence|Axios|Politico|Newsweek|"
    r"AP|AFP|UPI|CNN|BBC|NBC|ABC|CBS|NPR|PBS|MSNBC|CNBC|Fox|Sky|Al Jazeera|Newsmax|dpa|EFE|Xinhua)\b"
    r"|\s(?:magazine|newspaper)$"
)

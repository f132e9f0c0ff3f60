"""The outlet a story credits, by the grammar of the sentence: "…, reports Fox News.", "according
to Reuters", "This story was originally published by ProPublica."; never someone merely talking to
an outlet."""

import re

from .copyright import ABBREVIATION_END_RE
from .names import MEDIA_WORD_RE
from .story import ORIGINAL, VIA

MAX_OUTLET_LENGTH = 100
POSSESSIVE_RE = re.compile(r"['’]s\s+\S")
CAPITAL = "A-ZÀ-ÞА-ЯЁΑ-Ω"  # an outlet's name starts with a capital, in Latin, Cyrillic or Greek letters
OUTLET = (
    rf"(?P<name>(?:[Tt]he\s+)?(?!The\s)[{CAPITAL}][\w'’&.-]*(?:\s+(?:of\s+|for\s+|de\s+|and\s+|&\s+)?[{CAPITAL}][\w'’&.-]*)*"
    r"(?:\s+(?:magazine|newspaper))?)"
)
# Verbs that credit an outlet after a comma: "…, reports Fox News.", "…, передает ТАСС."
CREDIT_VERBS = r"(?:reports|reported|передает|передаёт|сообщает|rapporte|informa|informó|berichtet|berichtete)"
# Patterns whose grammar names a news outlet whatever its name looks like, with how it stands to the story.
STRONG_CREDIT_PATTERNS = [
    (re.compile(r",\s+" + CREDIT_VERBS + r"\s+" + OUTLET + r"\s*[.!]?[\"”»]?$"), VIA),
    (re.compile(r"\breported\s+(?:[A-Z][\w'’.-]+\s+){1,3}of\s+" + OUTLET), VIA),  # "reported Jane Doe of WXYZ"
    (re.compile(r"\bfirst\s+(?:reported|published)\s+by\s+" + OUTLET), VIA),
    (re.compile(r"\boriginally\s+(?:published|appeared)\s+(?:by|in|on)\s+" + OUTLET), ORIGINAL),
    # "(article et photo Ouest-France du 24 juillet 2015)": the story and its picture are another paper's
    (
        re.compile(r"\((?:article|texte|story|text|photo)s?\b[^()]*?\s" + OUTLET + r"\s+(?:du|of|from|vom|del)\s+\d"),
        ORIGINAL,
    ),
    # "As informações são da agência Reuters.": the word for a news agency names it
    (
        re.compile(
            r"\b(?:news agency|agência(?: de notícias)?|agencia(?: de noticias)?|agence(?: de presse)?"
            r"|Nachrichtenagentur)\s+" + OUTLET
        ),
        VIA,
    ),
    # "El diario El País informó …": the word for a newspaper names it
    (
        re.compile(
            r"\b(?i:el\s+diario|el\s+periódico|the\s+newspaper|le\s+journal|le\s+quotidien|die\s+Zeitung)\s+"
            + OUTLET
            + r"\s+(?i:informó|informa|reported|reports|a\s+rapporté|rapporte|berichtete|berichtet)"
        ),
        VIA,
    ),
]
# A line saying where the whole story comes from: "This story was originally published by
# ProPublica.", "This article is republished from The Conversation under a Creative Commons license.",
# "The post … appeared first on WND." (what a blog's feed adds).
REPUBLISHED_NOTE_RE = re.compile(
    r"^(?i:this\s+(?:story|article|piece|report)\s+(?:was\s+|is\s+|has\s+been\s+)?(?:originally\s+|first\s+)?"
    r"(?:published|republished|appeared|produced)\s+(?:by|in|on|from|with)|originally\s+published\s+(?:by|in|on)"
    r"|the\s+post\s+.{1,200}?\s+appeared\s+first\s+on)\s+" + OUTLET + r"(?:[\s.,;].{0,200})?$"
)
# Patterns that also fit people and institutions ("according to NASA"): kept for media names.
WEAK_CREDIT_PATTERNS = [
    re.compile(r"\baccording\s+to\s+(?:a\s+report\s+(?:by|in|from)\s+)?" + OUTLET),
    re.compile(r"(?:^|[.,;][\"”’]?\s+|\b(?:as|first)\s+)" + OUTLET + r"\s+(?:reported|reports)\b"),
    re.compile(r"\bfirst\s+appeared\s+(?:in|on)\s+" + OUTLET),
]


def clean_outlet(name: str) -> str:
    name = re.sub(r"^the\s+(?=[A-Z])", "", name.strip()) if name.startswith("the ") else name.strip()
    name = re.sub(r"'s$|’s$", "", name)
    return name[:-1] if name.endswith(".") and not ABBREVIATION_END_RE.search(name) else name


def find_source_credit(paragraphs: list[str]) -> tuple[str, str]:
    """The outlet the story credits and how ("…, reports Fox News." → ("Fox News", VIA)), or ("", VIA).

    A run of capitalised words longer than any outlet's name is a title or a list, not an outlet,
    and a reporter's name with its outlet ("NPR's Debbie Elliott reported") is that outlet's own work.
    """
    for text in paragraphs:
        for pattern, relationship in STRONG_CREDIT_PATTERNS:
            if (match := pattern.search(text)) and len(match["name"]) <= MAX_OUTLET_LENGTH:
                return clean_outlet(match["name"]), relationship
    for text in paragraphs:
        for pattern in WEAK_CREDIT_PATTERNS:
            for match in pattern.finditer(text):
                name = match["name"]
                if MEDIA_WORD_RE.search(name) and len(name) <= MAX_OUTLET_LENGTH and not POSSESSIVE_RE.search(name):
                    return clean_outlet(name), VIA
    return "", VIA

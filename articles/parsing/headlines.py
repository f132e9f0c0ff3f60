"""Headlines: the first line when it reads as one, or one proposed from the lede."""

import re

from .bylines import byline_names
from .signatures import signature_name
from .story import Paragraph

ABBREVIATION_RE = re.compile(r"(?:^|\s)(?:[^\W\d_]{1,3}\.){2,}$")  # "EE.UU.", "U.S."

MAX_HEADLINE_LENGTH = 120
PROPOSED_HEADLINE_LENGTH = 100
MIN_PROPOSED_HEADLINE_LENGTH = 30
SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])(?<!\bU\.S)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?][\"”’]?(?=\s|$)")
CREDIT_CLAUSE_RE = re.compile(r",\s+(?:reports|reported|according to)\s+[^,]+$")
CLAUSE_BREAK_RE = re.compile(r",\s+|\s+(?=(?:as|while|after|amid|over|but|because|despite|following|when)\s)")


def is_headline_line(text: str, following: list[Paragraph]) -> bool:
    """A first line that reads as a headline, and is neither a byline nor a signature."""
    return bool(following) and is_headline_text(text) and not byline_names(text) and not signature_name(text)


def is_headline_text(text: str) -> bool:
    """Short, and not ended as a sentence is (an abbreviation may end it: "… con EE.UU.")."""
    return len(text) <= MAX_HEADLINE_LENGTH and (
        not text.endswith((".", ",", ";", ":")) or bool(ABBREVIATION_RE.search(text))
    )


def propose_headline(lede: str) -> str:
    """A headline drawn from the lede's first sentence, without its credit, cut at a clause."""
    match = SENTENCE_END_RE.search(lede)
    sentence = lede[: match.start()] if match else lede
    sentence = CREDIT_CLAUSE_RE.sub("", sentence).strip(' "“”')
    if len(sentence) <= PROPOSED_HEADLINE_LENGTH:
        return sentence
    breaks = [
        m.start()
        for m in CLAUSE_BREAK_RE.finditer(sentence)
        if MIN_PROPOSED_HEADLINE_LENGTH <= m.start() <= PROPOSED_HEADLINE_LENGTH
    ]
    if breaks:
        return sentence[: breaks[-1]].rstrip(" ,")
    return sentence[:PROPOSED_HEADLINE_LENGTH].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"

"""Headlines: the first line when it reads as one, or one proposed from the lede."""

import re

from .bylines import byline_names
from .signatures import signature_name
from .story import Paragraph

MAX_HEADLINE_LENGTH = 120
PROPOSED_HEADLINE_LENGTH = 100
MIN_PROPOSED_HEADLINE_LENGTH = 30
SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])(?<!\bU\.S)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?][\"”’]?(?=\s|$)")
CREDIT_CLAUSE_RE = re.compile(r",\s+(?:reports|reported|according to)\s+[^,]+$")
CLAUSE_BREAK_RE = re.compile(r",\s+|\s+(?=(?:as|while|after|amid|over|but|because|despite|following|when)\s)")


def is_headline_line(text: str, following: list[Paragraph]) -> bool:
    """A first line that is short and has no closing full stop reads as a headline."""
    return (
        bool(following)
        and len(text) <= MAX_HEADLINE_LENGTH
        and not text.endswith((".", ",", ";", ":"))
        and not byline_names(text)
        and not signature_name(text)
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

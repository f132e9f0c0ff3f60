"""Reading the metadata fields every format spells its own way: a language tag, a keyword list, a
publication time."""

import re
from datetime import datetime

LANGUAGE_TAG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")  # BCP 47, as far as a reader needs
KEYWORD_SEPARATORS_RE = re.compile(r"\s*[,;]\s*")
BASIC_OFFSET_RE = re.compile(r"([+-]\d{2})(\d{2})$")
MAX_KEYWORDS = 50
MAX_KEYWORD_LENGTH = 100


def language_tag(value: str) -> str:
    """``value`` as a BCP 47 tag ("en-GB" from "en_GB"), or "" when it is none."""
    tag = " ".join(str(value).split()).replace("_", "-")
    return tag if LANGUAGE_TAG_RE.match(tag) else ""


def keyword_list(*values) -> tuple[str, ...]:
    """Keywords from strings ("ferries, islands; transport") and lists of them, each once, in order."""
    words = []
    for value in values:
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, str):
                words += [" ".join(word.split()) for word in KEYWORD_SEPARATORS_RE.split(item)]
    kept = [word for word in words if word and len(word) <= MAX_KEYWORD_LENGTH]
    return tuple(dict.fromkeys(kept))[:MAX_KEYWORDS]


def iso_time(value) -> str:
    """``value`` when it is an ISO 8601 date or time, else ""; an offset written without its colon
    (Drupal's "2026-11-27T06:30:00+0100") with one."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return ""
    return BASIC_OFFSET_RE.sub(r"\1:\2", text) if "T" in text else text

"""Advisory lines: what a desk writes above a story for editors, never for readers. "NOT FOR
PUBLICATION" (copy for the desk's guidance), an embargo
("EMBARGOED UNTIL 00:01 GMT 3 December 2026", "EMBARGO / 00.01 hrs 3 February 2005", "Not for
publication or broadcast before 10am EST, December 3, 2026") and a kill or withdrawal ("KILL",
"WITHDRAWN", "ADVISORY: … kill", "Please kill the story …"). Each is read by the form of its line:
a keyword and what follows it, at the top of the file.
"""

import re
from dataclasses import dataclass

from .dates import AMBIGUOUS_ZONE_RE, TIME_RE, parse_date
from .story import KILL, TAKEDOWN, WITHDRAW, KillAdvisory, Paragraph, StoryFormatError

ADVISORY_LINES = 3  # advisories stand above the story: its first lines
MAX_ADVISORY_WORDS = 16

LABEL = r"(?:(?:urgent|advisory|editors?|note\s+to\s+editors|attention\s+editors|editor'?s\s+note)\s*[:/—–-]\s*)?"
# "EMBARGOED UNTIL …", "Embargo: …", "EMBARGO / …", "Embargoed for release until …", "Not for
# publication or broadcast before …", "Hold for release until …".
EMBARGO_RE = re.compile(
    rf"^{LABEL}(?:(?:under\s+)?(?P<keyword>embargo(?:ed)?)\b\s*(?P<connector>[:/—–-]|\b(?:for\s+release\s+)?(?:until|till|to|before|at)\b)?"
    r"|(?P<phrase>not\s+(?:for|to\s+be)\s+(?:published|publication|release|use)(?:\s+or\s+(?:broadcast|used?))?"
    r"(?:\s+(?:online|anywhere))?\s+(?:before|until)|hold\s+for\s+release\s+(?:until|till)))"
    r"\s*[:,]?\s*(?P<when>.*?)[.]?$",
    re.IGNORECASE,
)
NESTED_PHRASE_RE = re.compile(
    r"^(?:not\s+(?:for|to\s+be)\s+\w+(?:\s+or\s+\w+)?(?:\s+(?:online|anywhere))?\s+)?(?:before|until)\s+", re.IGNORECASE
)
FOUR_FIGURE_TIME_RE = re.compile(
    r"\b([01]\d|2[0-3])[.:]?([0-5]\d)\s*(?:hrs?\b|h\b)|\b([01]\d|2[0-3])([0-5]\d)(?=\s*(?:GMT|UTC|Z)\b)"
)
# "NOT FOR PUBLICATION", "Advisory: not for publication", "For your information, not for publication":
# copy for the desk's guidance (without "before …": that is an embargo).
NOT_FOR_PUBLICATION_RE = re.compile(
    rf"^{LABEL}(?:(?:for\s+(?:your\s+)?(?:information|guidance)(?:\s+only)?|background)\s*[,:;—–-]?\s*)?"
    r"not\s+for\s+(?:publication|broadcast)(?:\s+or\s+(?:publication|broadcast))?\s*[.!]?$",
    re.IGNORECASE,
)
IMMEDIATE_RELEASE_RE = re.compile(r"^for\s+immediate\s+release[.:]?$", re.IGNORECASE)
# "KILL", "KILL KILL KILL", "WITHDRAWN", "STORY WITHDRAWN", "TAKEDOWN": shouted, a line of its own
# or before a colon and the reason. Lower-case "Kill" opens headlines ("Kill switch …").
SHOUTED_KILL_RE = re.compile(
    r"^(?:(?:URGENT|ADVISORY|EDITORS|MANDATORY)\s*[:/—–-]?\s*)*"
    r"(?P<word>KILL(?:\s+KILL)*|(?:STORY\s+)?WITHDRAWN|WITHDRAWAL|(?:STORY\s+)?TAKEDOWN|TAKE\s+DOWN|"
    r"(?:MANDATORY\s+)?KILL)\b[.!]?\s*(?:[:/—–-]\s*(?P<reason>.*))?$"
)
# "Please kill the story …", "A kill is mandatory.", "ADVISORY: The story … has been withdrawn."
KILL_SENTENCE_RE = re.compile(
    rf"^{LABEL}(?:.*\b(?:please\s+kill|kill\s+is\s+mandatory|mandatory\s+kill)\b"
    r"|(?:this|the)\s+(?:story|item|article)\b.*\b(?:is|has\s+been|was)\s+withdrawn|please\s+(?:withdraw|take\s+down)\b)",
    re.IGNORECASE,
)
ADVISORY_LABEL_RE = re.compile(rf"^{LABEL}", re.IGNORECASE)
KILLED_STORY_RE = re.compile(
    r"\bkill\s+(?:the\s+)?(?:story|item)\s+(?P<name>.+?)(?:,\s*[A-Z]?\d+)?\s*[.;]", re.IGNORECASE
)


@dataclass(frozen=True)
class Advisories:
    paragraphs: list[Paragraph]  # the file without its advisory lines
    embargo: str = ""  # ISO 8601: a date alone is that day's start; without an offset, the desk's time
    kill: KillAdvisory | None = None
    is_for_publication: bool = True  # False: "NOT FOR PUBLICATION", copy for the desk's eyes only
    warnings: tuple[str, ...] = ()


def take_advisory_lines(paragraphs: list[Paragraph]) -> Advisories:
    """Take the embargo and kill lines out of the top of a story file. An embargo line whose time
    cannot be read is an error at its line: it must never reach readers as body text."""
    embargo, kill_lines, warnings, kept = "", [], [], []
    is_for_publication = True
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if position >= ADVISORY_LINES:
            kept.append(paragraph)
        elif (when := embargo_line(text, paragraph.line)) is not None:
            embargo = embargo or when
            if TIME_RE.search(text) and (zone := AMBIGUOUS_ZONE_RE.search(text)):
                warnings.append(
                    f"line {paragraph.line}: the embargo's zone {zone.group()} is ambiguous: read as the desk's"
                )
        elif is_kill_line(text):
            kill_lines.append(text)
        elif NOT_FOR_PUBLICATION_RE.match(text):
            is_for_publication = False
        elif not IMMEDIATE_RELEASE_RE.match(text):
            kept.append(paragraph)
    return Advisories(kept, embargo, kill_advisory(kill_lines), is_for_publication, tuple(warnings))


def embargo_line(text: str, line: int | None = None) -> str | None:
    """The embargo time an advisory line gives, in ISO 8601; None if the line is no embargo line."""
    found = EMBARGO_RE.match(text)
    if not found or len(text.split()) > MAX_ADVISORY_WORDS:
        return None
    if found["keyword"] and not (found["connector"] or found["keyword"].isupper()):
        return None  # "Embargo talks collapsed on Friday": a sentence about an embargo
    when = NESTED_PHRASE_RE.sub("", found["when"]).strip()
    when = FOUR_FIGURE_TIME_RE.sub(lambda m: f"{m[1] or m[3]}:{m[2] or m[4]}", when)
    iso = parse_date(when) if when else ""
    if not iso:
        raise StoryFormatError(
            f"an embargo line without a time that can be read (with its year): {text!r}; "
            'write it as "Embargoed until 00:01 GMT 3 December 2026" or "Embargo: 2026-12-03T00:01Z"',
            line=line,
        )
    return iso


def is_kill_line(text: str) -> bool:
    return len(text.split()) <= MAX_ADVISORY_WORDS * 2 and bool(
        SHOUTED_KILL_RE.match(text) or KILL_SENTENCE_RE.match(text)
    )


def kill_advisory(lines: list[str]) -> KillAdvisory | None:
    if not lines:
        return None
    text = " ".join(lines)
    words = text.casefold()
    if "takedown" in words or "take down" in words:
        kind = TAKEDOWN
    elif "kill" in words:
        kind = KILL
    else:
        kind = WITHDRAW
    named = found["name"].strip() if (found := KILLED_STORY_RE.search(text)) else ""
    return KillAdvisory(kind=kind, reason=ADVISORY_LABEL_RE.sub("", text).strip(), named=named)

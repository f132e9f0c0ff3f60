"""What the parser reads a story file into: ``Story`` and its parts, and the error for a file it cannot read."""

import re
from dataclasses import dataclass, field

SIGNATURE_MARK = "\u2709"
TEXT, MARKDOWN = "text", "markdown"
VIA, WIRE, ORIGINAL = "via", "wire", "original"  # how the credited outlet stands to the story
KILL, WITHDRAW, TAKEDOWN = "kill", "withdraw", "takedown"  # how a desk takes a story out of use
MARKDOWN_SUFFIXES = (".md", ".markdown")
MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+")


class StoryFormatError(ValueError):
    """A story file that cannot be read; ``line`` is 1-based where one line is at fault."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Author:
    name: str
    bio: str = ""
    role: str = ""  # what the byline says of the writer: "Senior Correspondent", "reporting"


@dataclass(frozen=True)
class Contributor:
    """Someone credited who is not in the byline: "Additional reporting by Jane Doe"."""

    name: str
    role: str  # one of CONTRIBUTOR_ROLES


@dataclass(frozen=True)
class Copyright:
    holder: str
    year: int | None = None
    statement: str = ""

    @property
    def notice(self):
        """The notice as printed: "© 2026 Newsmax. All rights reserved."; the statement alone without a holder."""
        if not self.holder:
            return self.statement
        owner = f"{self.year} {self.holder}" if self.year else self.holder
        owner = owner if owner.endswith(".") else f"{owner}."
        return f"© {owner} {self.statement}".strip()


@dataclass(frozen=True)
class KillAdvisory:
    """A desk's order to take a story already sent out of use."""

    kind: str  # KILL, WITHDRAW or TAKEDOWN
    reason: str  # the advisory as written
    named: str = ""  # the story it names ("Please kill the story Harbour bridge to reopen"), if any


@dataclass(frozen=True)
class Story:
    headline: str
    is_headline_proposed: bool
    paragraphs: tuple[str, ...]
    authors: tuple[Author, ...] = ()
    source_name: str = ""
    source_relationship: str = VIA
    copyright: Copyright | None = None
    dek: str = ""
    markup: str = TEXT  # what ``paragraphs`` are written in: TEXT or MARKDOWN
    contributors: tuple[Contributor, ...] = ()
    dateline: str = ""  # where the story was filed, as printed: "WASHINGTON"
    published: str = ""  # the original publication time a date line gives, ISO 8601 (a date alone, or a time)
    embargo: str = ""  # not to be published before: ISO 8601 (a date alone is its start; no offset, the desk's time)
    kill: KillAdvisory | None = None  # the file orders the story it names out of use
    is_for_publication: bool = True  # False: the file says "NOT FOR PUBLICATION"
    label: str = ""  # what kind of story the file says it is ("OPINION", "Analysis: …"): a key of LABEL_LINES
    sponsor: str = ""  # who paid for a sponsored story ("Sponsored by Acme")
    language: str = ""  # the story's language as a BCP 47 tag ("en", "pt-BR"), where the file says
    keywords: tuple[str, ...] = ()  # the subjects the file tags the story with, as written
    usage_terms: str = ""  # the terms the sender attaches ("Mandatory credit", "No archiving")
    guid: str = ""  # the sender's identifier for the story across its versions (a wire GUID, a ninjs uri)
    version: int | None = None  # which version of ``guid`` this is: a later one corrects the earlier
    warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Paragraph:
    text: str  # the words, without markup: what every rule below reads
    line: int
    source: str = ""  # the paragraph as written, Markdown included

    @property
    def is_heading(self):
        return bool(MARKDOWN_HEADING_RE.match(self.source))


def markup_for(file_name: str) -> str:
    return MARKDOWN if file_name.lower().endswith(MARKDOWN_SUFFIXES) else TEXT

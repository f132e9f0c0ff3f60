"""The label a file gives its story — opinion, analysis, review, explainer, satire, sponsored — on
its first line: a label word standing alone ("OPINION", "Sponsored content", "PAID POST"), before
the headline with a colon or a bar or dash ("ANALYSIS: …", "Opinion | …", "REVIEW — …"), or naming
the sponsor ("Sponsored by Acme"). A byline may carry it too: "Analysis by Jane Doe". Read by the
form of the line: a sentence that mentions an opinion, or a headline such as "Analysis shows …",
has no label.
"""

import re
from dataclasses import dataclass

from .bylines import read_byline
from .headlines import is_headline_text
from .story import Paragraph

OPINION, ANALYSIS, REVIEW, EXPLAINER, SATIRE, SPONSORED = (
    "opinion",
    "analysis",
    "review",
    "explainer",
    "satire",
    "sponsored",
)
LABEL_WORDS = {
    "opinion": OPINION,
    "comment": OPINION,
    "commentary": OPINION,
    "editorial": OPINION,
    "op-ed": OPINION,
    "analysis": ANALYSIS,
    "news analysis": ANALYSIS,
    "review": REVIEW,
    "explainer": EXPLAINER,
    "backgrounder": EXPLAINER,
    "satire": SATIRE,
    "sponsored": SPONSORED,
    "sponsored content": SPONSORED,
    "sponsored post": SPONSORED,
    "paid content": SPONSORED,
    "paid post": SPONSORED,
    "advertorial": SPONSORED,
    "ADVERTISEMENT": SPONSORED,  # shouted only: "Advertisement" alone is web furniture copied with a story
}
LABEL_LINES = {OPINION: "OPINION", ANALYSIS: "ANALYSIS", REVIEW: "REVIEW", EXPLAINER: "EXPLAINER",
               SATIRE: "SATIRE", SPONSORED: "SPONSORED"}  # fmt: skip
BYLINE_LABELS = {"analysis": ANALYSIS, "opinion": OPINION, "commentary": OPINION, "review": REVIEW}
BYLINE_LINES = 4  # a labelled byline stands under the headline (and a dek), among the first lines

WORDS = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(LABEL_WORDS, key=len, reverse=True))
STANDALONE_RE = re.compile(rf"^(?P<word>{WORDS})\s*:?$", re.IGNORECASE)
PREFIX_RE = re.compile(rf"^(?P<word>{WORDS})(?:\s*[:|—–]\s*|\s+-\s+)(?P<rest>\S.*)$", re.IGNORECASE)
SPONSOR_RE = re.compile(
    r"^(?P<word>sponsored(?:\s+content|\s+post)?|paid\s+(?:content|post|for)|advertisement)\s+(?:by|from)\s+"
    r"(?P<sponsor>[^\s.,;:].{0,79})$",
    re.IGNORECASE,
)
LABELLED_BYLINE_RE = re.compile(rf"^(?P<word>{'|'.join(BYLINE_LABELS)})\s+by\s+(?P<names>\S.*)$", re.IGNORECASE)
MAX_SPONSOR_WORDS = 8


@dataclass(frozen=True)
class Labelling:
    paragraphs: list[Paragraph]  # the file without its label line
    label: str = ""  # one of LABEL_LINES' keys; "" when the file says none
    sponsor: str = ""  # "Sponsored by Acme": Acme


def take_label_line(paragraphs: list[Paragraph]) -> Labelling:
    """The label on the first line (taken out, or taken off the headline it stands before), else
    in a byline among the first lines ("Analysis by Jane Doe" reads as "By Jane Doe")."""
    if len(paragraphs) < 2:
        return Labelling(paragraphs)
    first, rest = paragraphs[0], paragraphs[1:]
    text = first.text
    if (found := STANDALONE_RE.match(text)) and (label := label_for(found["word"])):
        return Labelling(rest, label)
    if (found := SPONSOR_RE.match(text)) and is_written_as_label(found["word"]) and is_sponsor(found["sponsor"]):
        return Labelling(rest, SPONSORED, found["sponsor"])
    found = PREFIX_RE.match(text)
    if found and (label := label_for(found["word"])) and is_headline_text(found["rest"]):
        return Labelling([headline_without_label(first, found["rest"]), *rest], label)
    return labelled_byline(paragraphs)


def label_for(word: str) -> str:
    """The label a word says, written as a label is ("OPINION", "Opinion"); "" for any other word."""
    if not is_written_as_label(word):
        return ""
    return LABEL_WORDS.get(word, "") or LABEL_WORDS.get(" ".join(word.casefold().split()), "")


def is_written_as_label(word: str) -> bool:
    """Shouted, or capitalised as a heading is: "ANALYSIS", "Analysis", "News Analysis"; not "analysis"."""
    return word.isupper() or (word[:1].isupper() and (word[1:].islower() or word.istitle()))


def is_sponsor(name: str) -> bool:
    return len(name.split()) <= MAX_SPONSOR_WORDS and not re.search(r"[.!?;:]\s", name)


def headline_without_label(paragraph: Paragraph, rest: str) -> Paragraph:
    """The first line without its label, in its source too ("# Opinion: …" stays a heading)."""
    source = paragraph.source
    if source.endswith(rest):
        prefix = source[: len(source) - len(paragraph.text)] if source.endswith(paragraph.text) else ""
        source = prefix + rest
    return Paragraph(rest, paragraph.line, source or rest)


def labelled_byline(paragraphs: list[Paragraph]) -> Labelling:
    for index, paragraph in enumerate(paragraphs[:BYLINE_LINES]):
        found = LABELLED_BYLINE_RE.match(paragraph.text)
        if found and is_written_as_label(found["word"]) and read_byline(byline := f"By {found['names']}"):
            byline_paragraph = Paragraph(byline, paragraph.line, byline)
            label = BYLINE_LABELS[found["word"].casefold()]
            return Labelling([*paragraphs[:index], byline_paragraph, *paragraphs[index + 1 :]], label)
    return Labelling(paragraphs)


def label_line(label: str, sponsor: str = "") -> str:
    """The line ``take_label_line`` reads ``label`` (and ``sponsor``) from, as the file format writes it."""
    return f"Sponsored by {sponsor}" if label == SPONSORED and sponsor else LABEL_LINES[label]

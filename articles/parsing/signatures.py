"""The sign-off at the end of a story: "Jane Doe ✉" or a bare name line, and the bio about that
person; a bio with no signature above it; initials."""

import re

from .names import PRONOUNS, is_name_like, split_names
from .story import SIGNATURE_MARK, Author, Paragraph

MAX_UNSIGNED_BIO_LENGTH = 300
INITIALS_SIGNATURE_RE = re.compile(r"^(?:[^\W\d_]{1,3}\.){2,3}$")


def signature_name(line: str) -> str:
    """The name(s) in a "Name ✉" signature line, or "" if the line is not one.

    What stands before the mark must read as names: "The minister said it was over ✉" is a
    sentence that happens to end in an envelope, and "<script> ✉" is not anybody.
    """
    stripped = line.replace("\ufe0f", "").rstrip()
    if not stripped.endswith(SIGNATURE_MARK):
        return ""
    name = stripped[: -len(SIGNATURE_MARK)].strip(" ,;:-–—")
    return name if name and all(is_name_like(part) for part in split_names(name)) else ""


def is_bio_of(paragraph: str, name: str) -> bool:
    """Whether ``paragraph`` is about the person ``name``: it opens with the name, the surname, the
    first name followed by a verb ("Dan is …"), or a pronoun; in any case ("JANE DOE IS …")."""
    words, parts = paragraph.split(maxsplit=2), name.split()
    if not words or not parts:
        return False
    first_word = words[0].strip(",").casefold()
    opening = paragraph.casefold()
    return (
        any(re.match(rf"{re.escape(start.casefold())}\b", opening) for start in (name, parts[-1]))
        or first_word in PRONOUNS
        or (len(parts) > 1 and len(words) > 1 and first_word == parts[0].casefold() and words[1][0].islower())
    )


def parse_signatures(paragraphs: list[Paragraph]) -> tuple[int, list[Author]]:
    """Find the signature block at the end: where it starts and the authors with their bios."""
    marked = [i for i, p in enumerate(paragraphs) if signature_name(p.text)]
    if marked:
        start = marked[0]
    else:
        # Without a ✉ a bare name line counts only when a bio about that person follows it.
        start = len(paragraphs)
        while start > 2 and is_name_like(paragraphs[start - 2].text):
            if not is_bio_of(paragraphs[start - 1].text, paragraphs[start - 2].text):
                break
            start -= 2
    authors: list[list] = []
    for paragraph in paragraphs[start:]:
        name = signature_name(paragraph.text) or (paragraph.text if not marked and is_name_like(paragraph.text) else "")
        if name:
            authors.extend([part, []] for part in split_names(name))
        elif authors:
            authors[-1][1].append(paragraph.text)
    return start, [Author(name=name, bio=" ".join(bio)) for name, bio in authors]


def unsigned_bio_author(paragraph: str, authors: list[Author]) -> Author | None:
    """The author whose bio ``paragraph`` is though no signature stands above it: it opens with their
    whole name ("LAURIE OAKES IS POLITICAL EDITOR AT THE NINE NETWORK") and they have no bio yet."""
    if len(paragraph) > MAX_UNSIGNED_BIO_LENGTH:
        return None
    opening = paragraph.casefold()
    return next(
        (author for author in authors if not author.bio and opening.startswith(f"{author.name.casefold()} ")), None
    )


def merge_authors(bylined: list[Author], signed: list[Author]) -> list[Author]:
    """Join the "By …" authors with the signed ones, taking bios from signatures."""
    bios = {author.name.casefold(): author.bio for author in signed}
    bylined = list({author.name.casefold(): author for author in bylined}.values())  # named twice, one author
    merged = [Author(a.name, bios.pop(a.name.casefold(), ""), a.role) for a in bylined]
    merged += [a for a in signed if a.name.casefold() in bios]
    return merged

"""A ``Story`` written back out: in the story file format (as ``parse_story`` reads it) and as
JSON-ready data."""

from dataclasses import asdict

from newsroom_core.names import join_names

from .credit_lines import credit_line
from .labels import label_line
from .story import ORIGINAL, SIGNATURE_MARK, WIRE, Author, Contributor, Copyright, KillAdvisory, Story


def story_to_data(story: Story) -> dict:
    """The story as JSON-ready data, which ``story_from_data`` reads back as the same story."""
    return asdict(story)


def story_from_data(data: dict) -> Story:
    copyright_data = data.get("copyright")
    return Story(
        **data
        | {
            "paragraphs": tuple(data["paragraphs"]),
            "authors": tuple(Author(**author) for author in data["authors"]),
            "contributors": tuple(Contributor(**person) for person in data.get("contributors", ())),
            "copyright": Copyright(**copyright_data) if copyright_data else None,
            "kill": KillAdvisory(**data["kill"]) if data.get("kill") else None,
            "keywords": tuple(data.get("keywords", ())),
            "warnings": tuple(data["warnings"]),
        }
    )


def format_story(story: Story) -> str:
    """A ``Story`` written out in the story file format, as ``parse_story`` reads it back.

    The advisory lines first (not for publication, the embargo); the label; the headline unless it was
    proposed; a standfirst with a "By" line under it (that is how a standfirst is told from a
    lede), the "By" line also where the byline gives roles; the publication date; the body,
    opening with the dateline and carrying the source credit; the
    contributors' credit lines; each author's signature and bio; the copyright line.
    """
    lines = [] if story.is_for_publication else ["NOT FOR PUBLICATION"]
    lines += [f"Embargoed until {story.embargo}"] if story.embargo else []
    lines += [label_line(story.label, story.sponsor)] if story.label else []
    lines += [] if story.is_headline_proposed else [story.headline]
    if story.dek or any(author.role for author in story.authors):
        lines += [*([story.dek] if story.dek else []), "By " + join_names([byline_name(a) for a in story.authors])]
    lines += [f"Published {story.published}"] if story.published else []
    body = list(story.paragraphs)
    wire = story.source_name if story.source_relationship == WIRE else ""
    if body and (story.dateline or wire):
        agency = f" ({wire})" if wire else ""
        body[0] = f"{story.dateline}{agency} — {body[0]}".lstrip()
    lines += body
    if story.source_name and story.source_relationship == ORIGINAL:
        lines.append(f"This story was originally published by {story.source_name}.")
    lines += [credit_line(person) for person in story.contributors]
    for author in story.authors:
        lines += [f"{author.name} {SIGNATURE_MARK}", *([author.bio] if author.bio else [])]
    lines += [story.copyright.notice] if story.copyright else []
    return "\n".join(lines) + "\n"


def byline_name(author: Author) -> str:
    return f"{author.name} ({author.role})" if author.role else author.name

"""A ``Story`` sent out as an IPTC ninjs 2.2 document, which ``read_ninjs_file`` reads back as the same story.

ninjs 2.2 allows no properties of a producer's own, so everything rides on the standard's:
- the byline is ``by`` as printed ("Jane Doe (Senior Correspondent) and John Roe"), the writers and the
  people credited beside them are ``people`` with ``rel`` "author" or their credit ("photos");
- the body goes out twice, as HTML (``text/html``) and as plain text, each ending as a story file does:
  the credit lines, then each writer signed off with their bio where one has a bio, so a partner's
  page prints them and a reader of either body gets them back; the dateline and a wire's name open
  the first paragraph ("GENEVA (Reuters) — …") as wires print it, and ``located`` repeats the place;
- the source is an ``infosources`` entry whose role says how it stands to the story ("originfo" for a
  wire, "originalpublisher", "source": ``INFOSOURCE_ROLES``), the publisher one with "publisher";
- the rights are ``copyrightholder``, ``copyrightnotice``, ``usageterms`` and the licence's deed as
  ``rightsinfo.linkedrights``; the label is a ``genres`` entry; the keywords are ``subjects``;
- the corrections are ``descriptions`` with the role "correction" or "update", each dated in its text:
  they are for readers, so not ``ednote`` (which is for the receiving desk only), and they describe
  this version of the item rather than being part of its story;
- the standfirst is the ``descriptions`` entry with the role "summary"; the page is a rendition named "web";
- a canceled item carries its identity and status only, none of its content;
- a time goes out only as an RFC 3339 date-time: a story's date alone or time without its offset does not.
"""

import json
import re

from newsroom_core.names import join_names
from newsroom_core.rich_text_conversion import markdown_to_text, paragraph_to_html

from ..credit_lines import credit_line
from ..labels import label_line
from ..story import MARKDOWN, MARKDOWN_HEADING_RE, ORIGINAL, SIGNATURE_MARK, WIRE, Story
from ..writing import byline_name
from .ninjs_shapes import INFOSOURCE_ROLES
from .outgoing import CANCELED, USABLE, WITHHELD, OutgoingItem

SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"
STANDARD = {"name": "ninjs", "version": "2.2", "schema": SCHEMA_URI}
PUBLISHER_ROLE = "publisher"
AUTHOR_REL = "author"
RFC_3339_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$")


def ninjs_document(story: Story, item: OutgoingItem) -> dict:
    """``story`` as a ninjs 2.2 news item, with what ``item`` says of where and when it was published."""
    document = {"uri": story.guid, "type": "text", "representationtype": "full", "standard": STANDARD}
    document |= present({"version": str(story.version) if story.version is not None else ""})
    document |= present(
        {"firstcreated": date_time(item.first_created_at), "versioncreated": date_time(item.version_created_at)}
    )
    status = WITHHELD if item.status == USABLE and not story.is_for_publication else item.status
    document["pubstatus"] = status
    if status == CANCELED:
        return document
    return document | present(content(story, item))


def date_time(value: str) -> str:
    """``value`` if it is an RFC 3339 date-time, as ninjs requires, else "": a date alone, or a time without
    its offset (a desk's local time, as a story file may give it), cannot be sent as one."""
    return value if RFC_3339_RE.match(value) else ""


def present(fields: dict) -> dict:
    return {name: value for name, value in fields.items() if value not in ("", None, [], {})}


def content(story: Story, item: OutgoingItem) -> dict:
    return {
        "embargoed": date_time(story.embargo),
        "contentcreated": date_time(story.published),
        "copyrightholder": story.copyright.holder if story.copyright else "",
        "copyrightnotice": story.copyright.notice if story.copyright else "",
        "usageterms": story.usage_terms,
        "rightsinfo": {"linkedrights": item.licence_url} if item.licence_url else {},
        "language": story.language,
        "headlines": [{"role": "main", "value": story.headline}],
        "descriptions": descriptions(story, item),
        "bodies": [
            {"role": "main", "contenttype": "text/html", "value": "".join(html_body(story))},
            {"role": "text", "contenttype": "text/plain", "value": "\n".join(text_body(story))},
        ],
        "by": join_names([byline_name(author) for author in story.authors]),
        "people": [
            *({"name": author.name, "rel": AUTHOR_REL} for author in story.authors),
            *({"name": person.name, "rel": person.role} for person in story.contributors),
        ],
        "infosources": infosources(story, item),
        "subjects": [{"name": keyword} for keyword in story.keywords],
        "genres": [{"name": label_line(story.label, story.sponsor), "literal": story.label}] if story.label else [],
        "located": story.dateline,
        "renditions": [{"name": "web", "href": item.url, "contenttype": "text/html"}] if item.url else [],
    }


def descriptions(story: Story, item: OutgoingItem) -> list[dict]:
    summary = [{"role": "summary", "contenttype": "text/plain", "value": story.dek}] if story.dek else []
    return summary + [
        {
            "role": correction.kind,
            "contenttype": "text/plain",
            "value": f"{correction.kind.capitalize()} ({correction.published_at}): {correction.text}",
        }
        for correction in item.corrections
    ]


def infosources(story: Story, item: OutgoingItem) -> list[dict]:
    role = INFOSOURCE_ROLES[story.source_relationship]
    sources = [{"name": story.source_name, "role": role}] if story.source_name else []
    return sources + ([{"name": item.publisher, "role": PUBLISHER_ROLE}] if item.publisher else [])


def body_lines(story: Story) -> list[str]:
    """The body as the story file format writes it: the dateline and a wire's name opening the first
    paragraph, then the paragraphs, the original publisher, the credit lines and the sign-off."""
    body = list(story.paragraphs)
    wire = story.source_name if story.source_relationship == WIRE else ""
    if body and (story.dateline or wire) and not MARKDOWN_HEADING_RE.match(body[0]):
        agency = f" ({wire})" if wire else ""
        body[0] = f"{story.dateline}{agency} — {body[0]}".lstrip()
    return body


def closing_lines(story: Story) -> list[str]:
    """What follows the body, in plain text: the original publisher, the credits, the writers' bios."""
    is_repost = story.source_relationship == ORIGINAL and story.source_name
    lines = [f"This story was originally published by {story.source_name}."] if is_repost else []
    lines += [credit_line(person) for person in story.contributors]
    if any(author.bio for author in story.authors):
        for author in story.authors:
            lines += [f"{author.name} {SIGNATURE_MARK}", *([author.bio] if author.bio else [])]
    return lines


def html_body(story: Story) -> list[str]:
    blocks = []
    for paragraph in body_lines(story):
        if heading := MARKDOWN_HEADING_RE.match(paragraph):
            blocks.append(f"<h2>{inline_html(paragraph[heading.end() :], story.markup)}</h2>")
        else:
            blocks.append(paragraph_to_html(paragraph, story.markup))
    return blocks + [paragraph_to_html(line, "text") for line in closing_lines(story)]


def inline_html(source: str, markup: str) -> str:
    return paragraph_to_html(source, markup).removeprefix("<p>").removesuffix("</p>")


def text_body(story: Story) -> list[str]:
    lines = []
    for paragraph in body_lines(story):
        words = MARKDOWN_HEADING_RE.sub("", paragraph)
        lines.append(markdown_to_text(words) if story.markup == MARKDOWN else words)
    return lines + closing_lines(story)


def ninjs_item(story: Story, item: OutgoingItem) -> str:
    """One item as a ninjs 2.2 JSON document."""
    return json.dumps(ninjs_document(story, item), ensure_ascii=False, indent=1)


def ninjs_message(entries, sent_at: str, sender: str) -> str:
    """A partner feed: ninjs has no envelope of its own, so a JSON object with, as NewsML-G2's
    newsMessage has, when it was sent and by whom, and the items (``entries``: (story, item) pairs),
    newest first, each a whole ninjs document."""
    items = [ninjs_document(story, item) for story, item in entries]
    return json.dumps({"sent": sent_at, "sender": sender, "items": items}, ensure_ascii=False, indent=1)

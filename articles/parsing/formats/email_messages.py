"""An e-mail (.eml) as a ``Story``: the subject is the headline (its "Re:", "Fwd:" and "[list]" tags
taken off), the text/plain part is the story — else the text/html part, through ``html_paragraphs`` —
read by the text format's rules.

What the mail program added is left out: a forwarded message's header block ("---------- Forwarded
message ---------", "Begin forwarded message:", Outlook's "From: … Sent: … Subject: …") with the
forwarder's note above it, the sender's "-- " signature, quoted replies and "Sent from my iPhone".
The subject a forwarded block gives is the original's, so it wins over the outer one.

A story sent as an attachment (.txt, .md, .docx) is read instead of the message's text when that text
is empty or only a cover note ("Hi, piece attached") under ``COVER_NOTE_WORDS`` words: that is how
freelancers file. The sender is not the byline — a desk, an agency or a press office forwards copy
it did not write — except when the text names no writer at all: then the person who wrote the
message (the forwarded block's From, else the message's) is taken, with a warning to check. The
message's Date is when it was sent, not when the story was published, so it is not ``published``;
its Content-Language and Keywords headers fill the story's language and keywords.
"""

import email
import re
from dataclasses import dataclass, replace
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from bs4 import BeautifulSoup

from ..decoding import decode_story
from ..paragraphs import plain_text
from ..reading import parse_story
from ..story import MARKDOWN_SUFFIXES, TEXT, Author, Story, StoryFormatError, markup_for
from .html_paragraphs import html_paragraphs
from .metadata import keyword_list, language_tag
from .word import read_word_file

SUBJECT_TAGS_RE = re.compile(
    r"^\s*(?:(?:re|fwd?|fw|aw|wg|tr|rv|sv|vs|antw|enc)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+", re.IGNORECASE
)
FORWARD_MARKER_RE = re.compile(
    r"^(?:-{3,}\s*(?:forwarded message|original message|weitergeleitete nachricht|mensaje reenviado|"
    r"message transféré)\s*-{3,}|begin forwarded message\s*:|inicio del mensaje reenviado\s*:|"
    r"début du message réexpédié\s*:)",
    re.IGNORECASE,
)
HEADER_LINE_RE = re.compile(
    r"^(?:from|sent|date|to|cc|bcc|subject|reply-to|de|para|enviado|asunto|von|an|betreff)\s*:", re.I
)
INLINE_SUBJECT_RE = re.compile(r"\b(?:subject|asunto|betreff)\s*:\s*(?P<subject>.+?)(?=\s+\w+(?:-\w+)?\s*:\s|$)", re.I)
INLINE_FROM_RE = re.compile(r"^(?:from|de|von)\s*:\s*(?P<sender>.+?)(?=\s+\w+(?:-\w+)?\s*:\s|$)", re.IGNORECASE)
OUTLOOK_RULE_RE = re.compile(r"^_{10,}$")
SIGNATURE_SEPARATOR = "-- "  # RFC 3676's signature line
SENT_FROM_RE = re.compile(
    r"^(?:sent from my \w+|get outlook for \w+|sent from (?:mail|outlook) for \w+)\b.{0,40}$", re.I
)
REPLY_INTRO_RE = re.compile(r"^on .{5,200} wrote:$", re.IGNORECASE)
STORY_ATTACHMENT_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, ".docx")
MAX_ATTACHED_DEPTH = 3
COVER_NOTE_WORDS = 40  # a cover note is a line or two; the shortest brief is longer


@dataclass(frozen=True)
class Body:
    lines: list[tuple[str, str]]  # each line or paragraph: (its plain words, as written)
    markup: str
    subject: str = ""  # the forwarded message's subject, when the text forwards one
    sender: str = ""  # the forwarded message's From


def read_email(file_name: str, data: bytes) -> tuple[Story, str]:
    """An e-mail's story, and the text it was read from."""
    return read_message(parse_message(data))


def read_message(message: EmailMessage, depth: int = 0) -> tuple[Story, str]:
    """A message's story; ``depth``: how many messages it is attached inside ("Forward as attachment")."""
    body = message_body(message)
    subject = body.subject or clean_subject(header(message, "subject"))
    words = sum(len(text.split()) for text, _ in body.lines)
    attachment = story_attachment(message)
    if attachment and words < COVER_NOTE_WORDS:
        story, text = read_attachment(*attachment, depth=depth)
        note = [f"the message's text ({words} words) was read as a cover note: the story is in {attachment[0]}"]
        story = with_headers(story, message, body, subject)
        return replace(story, warnings=(*story.warnings, *(note if words else ()))), text
    if not words:
        raise StoryFormatError("the message has no text, and no story file attached (.txt, .md or .docx)")
    separator = "\n\n" if body.markup != TEXT else "\n"
    text = separator.join(source for _, source in body.lines) + "\n"
    story = with_headers(parse_story(text, body.markup), message, body, subject)
    if attachment:
        story = replace(story, warnings=(*story.warnings, f"the attached {attachment[0]} was not read"))
    return story, f"{subject}{separator}{text}" if subject else text


def parse_message(data: bytes) -> EmailMessage:
    try:
        return email.message_from_bytes(data, policy=policy.default)
    except Exception:  # the stdlib parser is lenient, but malformed headers have crashed it
        raise StoryFormatError("not an e-mail that can be read") from None


def clean_subject(subject: str) -> str:
    return " ".join(SUBJECT_TAGS_RE.sub("", subject).split())


def message_body(message: EmailMessage) -> Body:
    """The message's story text: its plain-text part, else its HTML part, without what the mail program added."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception:  # a broken MIME structure
        part = None
    if part is None:
        return Body([], TEXT)
    content = part_text(part)
    if part.get_content_subtype() == "html":
        lines, markup = html_lines(content)
    else:
        lines, markup = [(line, line) for line in unflowed(content, part).split("\n")], TEXT
    return without_mail_furniture(lines, markup)


def part_text(part: EmailMessage) -> str:
    """A text part's content, its transfer encoding and charset undone (an unknown charset read as the
    text format reads a file)."""
    try:
        return str(part.get_content())
    except (LookupError, UnicodeError, AssertionError, ValueError):
        payload = part.get_payload(decode=True) or b""
        return decode_story(payload)[0]


def unflowed(text: str, part: EmailMessage) -> str:
    """A ``format=flowed`` part (Apple Mail, Thunderbird) with its soft line breaks joined again."""
    text = text.replace("\r\n", "\n")
    if str(part.get_param("format", "")).lower() != "flowed":
        return text
    delete_space = str(part.get_param("delsp", "")).lower() == "yes"
    joined, lines = [], text.split("\n")
    for line in lines:
        if joined and joined[-1].endswith(" ") and joined[-1] != SIGNATURE_SEPARATOR:
            joined[-1] = (joined[-1][:-1] if delete_space else joined[-1]) + line
        else:
            joined.append(line)
    return "\n".join(joined)


def html_lines(html: str) -> tuple[list[tuple[str, str]], str]:
    """An HTML part's paragraphs, without the quoted message and signature mail programs mark as such."""
    soup = BeautifulSoup(html, "html.parser")
    for quote in soup.select(
        "blockquote[type=cite], div.gmail_quote > blockquote, div.moz-cite-prefix, div.gmail_signature"
    ):
        quote.decompose()
    body = html_paragraphs(soup)
    return [(plain_text(p, body.markup), p) for p in body.paragraphs], body.markup


def without_mail_furniture(lines: list[tuple[str, str]], markup: str) -> Body:
    """The story in a message's lines: after the last forwarded block's headers, above the signature."""
    subject = sender = ""
    start = forward_start(lines)
    if start is not None:
        marker, index = lines[start][0], start + 1
        if not (FORWARD_MARKER_RE.match(marker.strip()) or OUTLOOK_RULE_RE.match(marker.strip())):
            index = start  # Outlook's HTML: the header block itself opens the forward
        subject, sender = inline_headers(marker)
        while index < len(lines) and (HEADER_LINE_RE.match(lines[index][0]) or not lines[index][0].strip()):
            found_subject, found_sender = inline_headers(lines[index][0])
            subject, sender = found_subject or subject, found_sender or sender
            index += 1
        lines = lines[index:]
    kept = []
    for text, source in lines:
        if text.strip() == "--":  # the sender's signature: "-- " on a line of its own, and what follows
            break
        if text.startswith(">") or REPLY_INTRO_RE.match(text.strip()) or SENT_FROM_RE.match(text.strip()):
            continue
        kept.append((text, source))
    return Body(kept, markup, clean_subject(subject), sender)


def forward_start(lines: list[tuple[str, str]]) -> int | None:
    """Where the last forwarded message begins: its marker line, or a header block ("From: … Subject: …")."""
    found = None
    for index, (text, _) in enumerate(lines):
        following = lines[index + 1][0] if index + 1 < len(lines) else ""
        is_rule = OUTLOOK_RULE_RE.match(text.strip()) and HEADER_LINE_RE.match(following)
        is_header_block = INLINE_FROM_RE.match(text) and (
            INLINE_SUBJECT_RE.search(text) or HEADER_LINE_RE.match(following)
        )
        is_own_block = is_header_block and (found is None or index > found + 1)  # not the marker's headers
        if FORWARD_MARKER_RE.match(text.strip()) or is_rule or is_own_block:
            found = index
    return found


def inline_headers(text: str) -> tuple[str, str]:
    """The Subject and From a forwarded header line (or a block run into one line) gives."""
    subject = INLINE_SUBJECT_RE.search(text)
    sender = INLINE_FROM_RE.match(text.strip())
    return (subject["subject"].strip() if subject else ""), (sender["sender"].strip() if sender else "")


def with_headers(story: Story, message: EmailMessage, body: Body, subject: str) -> Story:
    """The story with what the message's headers add: the subject as the headline when the text has none
    of its own (a writer's headline on the first line wins over "Copy for Sunday"), language,
    keywords, and the writer when the text names none."""
    warnings = list(story.warnings)
    headline, is_proposed = story.headline, story.is_headline_proposed
    if is_proposed and subject:
        headline, is_proposed = subject, False
        warnings = [w for w in warnings if not w.startswith("no headline in the file")]
    authors = story.authors
    if not authors and (name := sender_name(body.sender or header(message, "from"))):
        authors = (Author(name),)
        warnings = [w for w in warnings if w != "no byline found"]
        warnings.append(f"no byline in the text: the message's writer, {name}, is taken as the author; check")
    return replace(
        story,
        authors=authors,
        headline=headline,
        is_headline_proposed=is_proposed,
        language=story.language or language_tag(header(message, "content-language").split(",")[0]),
        keywords=story.keywords or keyword_list(header(message, "keywords")),
        warnings=tuple(warnings),
    )


def header(message: EmailMessage, name: str) -> str:
    try:
        return str(message.get(name) or "")
    except Exception:  # a header the stdlib cannot parse counts as absent
        return ""


def sender_name(value: str) -> str:
    """The display name in a From value ("Jane Doe <jane@example.org>"), or "" for an address alone."""
    name = (getaddresses([value])[0][0] if value else "") or parseaddr(value)[0]
    name = " ".join(name.strip("\"' ").split())
    return name if name and "@" not in name and len(name) <= 100 else ""


def story_attachment(message: EmailMessage) -> tuple[str, bytes | EmailMessage] | None:
    """The first attached story file (.txt, .md, .docx) or message (.eml, as Outlook's "Forward as
    attachment" sends one): its name, and its bytes or the message."""
    try:
        for part in message.iter_attachments():
            name = part.get_filename() or ""
            if part.get_content_type() == "message/rfc822" and isinstance(part.get_content(), EmailMessage):
                return name or "the attached message", part.get_content()
            if name.lower().endswith(STORY_ATTACHMENT_SUFFIXES):
                return name, part.get_payload(decode=True) or b""
    except Exception:  # a broken MIME structure: no attachment can be found in it
        return None
    return None


def read_attachment(name: str, data: bytes | EmailMessage, depth: int) -> tuple[Story, str]:
    if isinstance(data, EmailMessage):
        if depth >= MAX_ATTACHED_DEPTH:
            raise StoryFormatError(f"messages attached inside messages more than {MAX_ATTACHED_DEPTH} deep")
        return read_message(data, depth + 1)
    if name.lower().endswith(".docx"):
        return read_word_file(name, data)
    text, encoding = decode_story(data)
    return parse_story(text, markup_for(name), encoding), text

"""Which format a story file is in, read from its content first and its name only where the content
leaves it open: a wire's XML, a ninjs document, a Word file, a saved web page, an e-mail, or the text
format (plain text or Markdown)."""

import io
import re
import zipfile
from enum import StrEnum

from ..story import MARKDOWN_SUFFIXES

ZIP_SIGNATURE = b"PK\x03\x04"
COMPOUND_FILE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, an encrypted .docx
WORD_SUFFIXES = (".docx", ".docm", ".doc", ".dotx")
WEB_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
MBOX_FROM_LINE_RE = re.compile(
    r"\AFrom \S+ [^\n]*\d{4}\r?\n"
)  # the mailbox's separator some programs save a message with
NEWSML_G2_ROOTS = {"newsItem", "packageItem", "newsMessage", "contentSet"}  # contentSet: an item's content alone
HEAD_BYTES = 4096  # what the sniffing reads: enough for an XML prolog, a doctype and comments, or e-mail headers
# What may stand before an XML or HTML document's root: a byte-order mark, the XML declaration,
# processing instructions, comments and the doctype.
PROLOG_RE = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.IGNORECASE)
ROOT_RE = re.compile(r"<(?:[\w.-]+:)?(?P<name>[A-Za-z_][\w.-]*)")
HTML_DOCTYPE_RE = re.compile(r"<!DOCTYPE\s+html", re.IGNORECASE)
HEADER_LINE_RE = re.compile(r"^(?P<name>[!-9;-~]+):(?:[ \t]|$)")  # RFC 5322 field name: printable, no colon
CONTINUATION_RE = re.compile(r"^[ \t]+\S")
MESSAGE_HEADERS = {"date", "message-id", "mime-version", "received", "return-path", "to", "subject"}


class FileFormat(StrEnum):
    TEXT = "text"  # the story file format, plain text or Markdown
    NEWSML_G2 = "newsml-g2"
    NITF = "nitf"
    NINJS = "ninjs"
    WORD = "docx"
    WEB_PAGE = "html"
    EMAIL = "eml"


def sniff_format(file_name: str, data: bytes) -> FileFormat:
    """The format ``data`` is in. Content decides; a file whose content fits no other format is text."""
    if data.startswith(b"PK") and file_name.lower().endswith(WORD_SUFFIXES):  # a zip, if perhaps a broken one
        return FileFormat.WORD
    if data.startswith(ZIP_SIGNATURE):
        return FileFormat.WORD if is_word_document(data) else FileFormat.TEXT
    if data.startswith(COMPOUND_FILE_SIGNATURE):  # the Word reader says what to do with one
        return FileFormat.WORD
    head = data[:HEAD_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
    if file_name.lower().endswith((".txt", *MARKDOWN_SUFFIXES)) and not head.lstrip().startswith(("<", "{")):
        return FileFormat.TEXT
    stripped = head.lstrip()
    if stripped.startswith("{") or (stripped.startswith("[") and file_name.lower().endswith(".json")):
        return FileFormat.NINJS  # a JSON array is no ninjs item, but its reader says so better than the text one
    if stripped.startswith("<"):
        found = markup_format(stripped)
        is_page = found == FileFormat.TEXT and file_name.lower().endswith(WEB_PAGE_SUFFIXES)
        return FileFormat.WEB_PAGE if is_page else found  # a page saved without <html>: "<meta charset…><div>…"
    if is_message_head(MBOX_FROM_LINE_RE.sub("", head, count=1)):
        return FileFormat.EMAIL
    return FileFormat.TEXT


def markup_format(head: str) -> FileFormat:
    """An XML or HTML document's format, by its root element (its namespace prefix aside)."""
    prolog_end = PROLOG_RE.match(head).end()
    if HTML_DOCTYPE_RE.search(head[:prolog_end]):
        return FileFormat.WEB_PAGE
    root = ROOT_RE.match(head, prolog_end)
    name = root["name"] if root else ""
    if name in NEWSML_G2_ROOTS:
        return FileFormat.NEWSML_G2
    if name == "nitf":
        return FileFormat.NITF
    if name.lower() in {"html", "head", "body", "article"}:
        return FileFormat.WEB_PAGE
    return FileFormat.TEXT


def is_word_document(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        return False


def is_message_head(head: str) -> bool:
    """An e-mail's header block: header lines up to the first blank line, a From with an address among them
    and at least one other header only a message has (a text story's "From: Reuters" line is not one)."""
    names = set()
    for line in head.replace("\r\n", "\n").split("\n"):
        if not line:
            break
        if header := HEADER_LINE_RE.match(line):
            names.add(header["name"].lower())
            if header["name"].lower() == "from" and "@" not in line:
                return False
        elif not (names and CONTINUATION_RE.match(line)):
            return False
    return "from" in names and bool(names & MESSAGE_HEADERS)

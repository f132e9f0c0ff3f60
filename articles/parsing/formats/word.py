"""A Word file (.docx) as a ``Story``: mammoth renders it as HTML — the Title or a Heading 1 as the
headline, the Subtitle as the dek, Heading 2 and below as the story's headings, emphasis and links
kept, comments and deleted tracked changes left out — and the text format's rules read that, so a
"By" line, a signature ("Jane Doe ✉"), a bio and a © line mean what they mean in a text file.

A .docx is a zip of XML parts, guarded as a .zip of story files is (``archives``); each XML part is
parsed first with DTDs refused (no entity expansion, no external entities), and mammoth is handed
only those parts, never the file's media, macros or embedded style map. The document properties
fill what the text does not say: its language and keywords. Their "creator" is not taken as the
byline: Word writes the account that made the file (often a template's author, "Microsoft Office
User", a desk's shared login), not the writer; a file without a byline says who it names instead.
Their "created" date is not the publication time either: it is when the file (or its template)
was first saved, and a story's ``published`` is when it first appeared in print or online.
"""

import io
import re
import zipfile
from dataclasses import replace

import mammoth
from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..reading import parse_story
from ..story import MARKDOWN, Story, StoryFormatError
from .archives import ArchiveError, check_archive_size, open_archive, read_member
from .html_paragraphs import escape_markdown, html_paragraphs
from .metadata import keyword_list, language_tag

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: Word 97–2003, or an encrypted .docx
DEK_CLASS = "newsroom-dek"
STYLE_MAP = f"""
p[style-name='Title'] => h1:fresh
p[style-name='Heading 1'] => h1:fresh
p[style-name='Subtitle'] => p.{DEK_CLASS}:fresh
"""  # mammoth matches style names case-insensitively: Word's "Heading 1", Google Docs' "heading 1"
MAX_PART_BYTES = 10_000_000  # one XML part unpacked: ten times the largest story file, markup and all
XML_PART_SUFFIXES = (".xml", ".rels")
MACRO_PARTS_RE = re.compile(r"(?:^|/)vbaProject\.bin$|(?:^|/)vbaData\.xml$", re.IGNORECASE)
MACRO_CONTENT_TYPE = "macroEnabled"
CORE_PROPERTIES = "docProps/core.xml"
DC, CP = (
    "{http://purl.org/dc/elements/1.1/}",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}",
)
# Styles are formatting: a message about one is no news to an editor.
NOTE_ID_RE = re.compile(r"^(?:footnote|endnote)-\d+$")
NOTE_BACK_LINK_RE = re.compile(r"^#(?:footnote|endnote)-ref-\d+$")
QUIET_MESSAGES_RE = re.compile(r"Unrecognised \w+ style|\w+ style with ID .* was referenced but not defined")


def read_word_file(file_name: str, data: bytes) -> tuple[Story, str]:
    """A .docx file's story, and the text read from it (its paragraphs, as a story file's text)."""
    if data.startswith(OLE_SIGNATURE):
        raise StoryFormatError(compound_file_problem(data))
    parts = checked_parts(data)
    html, messages = render_html(parts)
    soup = BeautifulSoup(html, "html.parser")
    dek = take_dek(soup)
    notes = take_notes(soup)
    demote_section_headings(soup)
    if images := len(soup.find_all("img")):
        messages.append(f"the file's {images} image(s) were not imported: add them in the editor")
    body = html_paragraphs(soup)
    story = parse_story(body.text, body.markup)
    properties = core_properties(parts.get(CORE_PROPERTIES))
    warnings = [*story.warnings, *messages]
    creator = properties.get("creator", "")
    if not story.authors and creator:
        warnings.append(f"the file's properties name “{creator}” as its author: add a “By” line if that is the writer")
    notes = tuple(escape_markdown(note) if story.markup == MARKDOWN else note for note in notes)
    story = replace(
        story,
        paragraphs=story.paragraphs + notes,
        dek=dek or story.dek,
        language=story.language or properties.get("language", ""),
        keywords=story.keywords or properties.get("keywords", ()),
        warnings=tuple(warnings),
    )
    return story, body.text


def compound_file_problem(data: bytes) -> str:
    """Why a compound file (not a zip) sent as a Word file cannot be read."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "an encrypted Word file: remove its password (File › Info › Protect Document) and save it again"
    if "WordDocument".encode("utf-16-le") in data:
        return "a Word 97–2003 .doc: save it as .docx (File › Save As › Word Document)"
    return "an Office 97–2003 file, not a Word .docx: save it as .docx"


def checked_parts(data: bytes) -> dict[str, bytes]:
    """The file's XML parts by name, each read within the limits and parsed with DTDs refused."""
    try:
        archive = open_archive(io.BytesIO(data))
    except ArchiveError as error:
        raise StoryFormatError(f"a damaged Word file ({error}): open it in Word and save it again") from None
    members = [info for info in archive.infolist() if not info.is_dir()]
    try:
        check_archive_size(members)
    except ArchiveError as error:
        raise StoryFormatError(f"a Word file too large: {error}") from None
    parts = {}
    for info in members:
        if MACRO_PARTS_RE.search(info.filename):
            raise StoryFormatError("a macro-enabled Word file (.docm): save it as a Word Document (.docx)")
        if not info.filename.lower().endswith(XML_PART_SUFFIXES):
            continue
        try:
            part = read_member(archive, info, MAX_PART_BYTES + 1)
        except ArchiveError as error:
            raise StoryFormatError(f"a Word file that cannot be read: {info.filename} is {error}") from None
        if len(part) > MAX_PART_BYTES:
            raise StoryFormatError(f"a Word file too large: {info.filename} unpacks to over {MAX_PART_BYTES:,} bytes")
        check_xml(info.filename, part)
        parts[info.filename] = part
    if MACRO_CONTENT_TYPE.encode() in parts.get("[Content_Types].xml", b""):
        raise StoryFormatError("a macro-enabled Word file (.docm): save it as a Word Document (.docx)")
    return parts


def check_xml(name: str, part: bytes):
    try:
        fromstring(part, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise StoryFormatError(f"a Word file whose {name} declares a DTD or entities; these are refused") from None
    except Exception:  # expat's ParseError, and whatever else malformed bytes raise
        raise StoryFormatError(f"a damaged Word file: {name} is not well-formed XML") from None


def render_html(parts: dict[str, bytes]) -> tuple[str, list[str]]:
    """The document as HTML (mammoth, on the checked parts only), and the messages an editor should see."""
    checked = io.BytesIO()
    with zipfile.ZipFile(checked, "w", zipfile.ZIP_STORED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    try:
        result = mammoth.convert_to_html(
            checked,
            style_map=STYLE_MAP,
            include_embedded_style_map=False,
            external_file_access=False,
            convert_image=mammoth.images.img_element(no_image),
        )
    except Exception:  # mammoth on a file Word would not open: any error is a damaged file
        raise StoryFormatError(
            "a damaged Word file: no readable document in it; open it in Word and save it again"
        ) from None
    messages = []
    for message in result.messages:
        text = f"Word: {message.message}"
        if not QUIET_MESSAGES_RE.match(message.message) and text not in messages:
            messages.append(text)
    return result.value, messages


def no_image(image) -> dict:
    """Images are not imported with the text (and their bytes, left out of the checked parts, are never read)."""
    return {}


def take_dek(soup: BeautifulSoup) -> str:
    """The Subtitle paragraphs' text, taken out of the document."""
    subtitles = soup.find_all("p", class_=DEK_CLASS)
    for subtitle in subtitles:
        subtitle.extract()
    return " ".join(subtitle.get_text(" ", strip=True) for subtitle in subtitles).strip()


def take_notes(soup: BeautifulSoup) -> list[str]:
    """The footnotes and endnotes mammoth lists at the end — under the signature and © line, where the
    text rules would take them for the story's last words — taken out, as "[1] Their text" paragraphs
    to follow the story. Their "[1]" marks stay in the text."""
    notes = []
    for number, item in enumerate(soup.find_all("li", id=NOTE_ID_RE), start=1):
        for back_link in item.find_all("a", href=NOTE_BACK_LINK_RE):
            back_link.decompose()
        if text := " ".join(item.get_text(" ").split()):
            notes.append(f"[{number}] {text}")
        parent = item.parent
        item.decompose()
        if parent is not None and parent.name == "ol" and not parent.find("li"):
            parent.decompose()
    return notes


def demote_section_headings(soup: BeautifulSoup):
    """Only a Title or Heading 1 that opens the document is its headline; one further down is a
    section's heading, under the headline."""
    opening = next((block for block in soup.find_all(True, recursive=False) if block.get_text(strip=True)), None)
    for heading in soup.find_all("h1"):
        if heading is not opening:
            heading.name = "h2"


def core_properties(part: bytes | None) -> dict:
    """The document properties worth keeping: its creator (for the editor), language and keywords."""
    if part is None:
        return {}
    root = fromstring(part, forbid_dtd=True)
    found = {}
    creator = " ".join((root.findtext(f"{DC}creator") or "").split())
    if creator:
        found["creator"] = creator
    if language := language_tag(root.findtext(f"{DC}language") or ""):
        found["language"] = language
    if keywords := keyword_list(root.findtext(f"{CP}keywords") or ""):
        found["keywords"] = keywords
    return found

"""Make the Word samples in this folder: ``.venv/bin/python -m tests.formats.make_word_samples``.

python-docx (a development dependency) writes them on its default template, which is Word's own
"Normal" template; each is then shaped like what a real tool saves:

- ``docx-word365-freelancer-night-ferry.docx``: a freelancer's file from Word for Mac: Title,
  Subtitle, a "By" line, body with bold, italic and links, a Heading 2, the signature, the bio and
  the © line; its properties name "Microsoft Office User" (Word for Mac's default account) as creator.
- ``docx-google-docs-market-hall.docx``: as Google Docs' "Download > Microsoft Word" writes it:
  no ``docProps`` parts at all, style names in Word's lower-case built-in spelling ("heading 1",
  "title"), every run with ``<w:rtl w:val="0"/>`` and switches written ``w:val="1"``.
- ``docx-tracked-changes-library-hours.docx``: an edited draft sent back with revisions on: a
  Heading 1 as the headline, a deletion and an insertion by the desk, and a comment.

The prose is ours.
"""

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FOLDER = Path(__file__).resolve().parent
SAVED_AT = datetime(2026, 11, 30, 9, 41, tzinfo=UTC)


def add_link(paragraph, text, url):
    """A hyperlink run as Word writes one: a ``w:hyperlink`` to an external relationship, "Hyperlink" style."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    words = OxmlElement("w:t")
    words.text = text
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    link.append(run)
    paragraph._p.append(link)


def revision(kind, text, revision_id):
    """A tracked insertion (``w:ins``) or deletion (``w:del``, its words in ``w:delText``) by the desk."""
    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), str(revision_id))
    change.set(qn("w:author"), "Metro Desk")
    change.set(qn("w:date"), "2026-11-29T17:02:00Z")
    run = OxmlElement("w:r")
    words = OxmlElement("w:delText" if kind == "del" else "w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = text
    run.append(words)
    change.append(run)
    return change


def set_properties(document, creator, **properties):
    core = document.core_properties
    core.author, core.last_modified_by = creator, creator
    core.created, core.modified, core.revision = SAVED_AT, SAVED_AT, 3
    for name, value in properties.items():
        setattr(core, name, value)


def night_ferry() -> bytes:
    document = docx.Document()
    document.add_paragraph("Night ferry returns to the islands after two winters", style="Title")
    document.add_paragraph("A smaller boat and a subsidy bring back the 11 p.m. crossing", style="Subtitle")
    document.add_paragraph("By Marta Quiroga")
    lede = document.add_paragraph("The last boat from the mainland will once again leave at ")
    lede.add_run("11 p.m.").bold = True
    lede.add_run(", the island council said on Monday, ending two winters in which late shift workers slept ")
    lede.add_run("in their cars").italic = True
    lede.add_run(" at the pier.")
    second = document.add_paragraph("The council's ")
    add_link(second, "transport plan", "https://example.org/council/transport-plan-2027")
    second.add_run(" pays the operator a fixed sum for each crossing that carries fewer than 40 passengers.")
    document.add_paragraph("Who will use it", style="Heading 2")
    document.add_paragraph(
        "Nurses at the district hospital make up most of the late traffic, according to the operator's counts."
    )
    document.add_paragraph("Marta Quiroga \u2709")
    document.add_paragraph("Marta Quiroga is a freelance reporter who covers the coast and its islands.")
    document.add_paragraph("© 2026 Marta Quiroga. All rights reserved.")
    set_properties(document, "Microsoft Office User", language="en-GB", keywords="ferries; islands; transport")
    return saved(document)


def market_hall() -> bytes:
    document = docx.Document()
    document.add_paragraph("Market hall traders vote to open on Sundays", style="Title")
    document.add_paragraph("By Tomás Ferreira, Business Reporter")
    lede = document.add_paragraph("Traders at the covered market voted ")
    lede.add_run("61 to 23").bold = True
    lede.add_run(" on Thursday to open the hall on Sunday mornings from March, after a trial that ")
    add_link(lede, "doubled weekend takings", "https://example.com/market/trial-results")
    lede.add_run(".")
    document.add_paragraph("Fishmongers, who start work before dawn, voted against.")
    document.add_paragraph("Sunday hours", style="Heading 1")
    document.add_paragraph("The hall will open from 8 a.m. to 1 p.m.; the car park stays free until noon.")
    document.add_paragraph("Tomás Ferreira \u2709")
    document.add_paragraph("© 2026 Harbourside Weekly")
    return google_docs_shape(saved(document))


def library_hours() -> bytes:
    document = docx.Document()
    document.add_paragraph("Branch libraries to stay open until 8 p.m.", style="Heading 1")
    lede = document.add_paragraph("The city will keep its four branch libraries open until 8 p.m. on weekdays, the ")
    lede._p.append(revision("del", "rumoured ", 1))
    lede._p.append(revision("ins", "confirmed ", 2))
    lede.add_run("budget shows, reversing last year's cuts.")
    highlighted = lede.runs[0]
    highlighted.font.highlight_color = WD_COLOR_INDEX.YELLOW
    document.add_comment(highlighted, text="Check the number with the library service", author="Metro Desk")
    document.add_paragraph("Staff hired for the evenings will also run homework clubs for pupils.")
    document.add_paragraph("Ines Karlsson \u2709")
    document.add_paragraph("© 2026 The Riverside Courier")
    set_properties(document, "COURIER\\editor3", keywords="libraries, city budget")
    return saved(document)


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def google_docs_shape(data: bytes) -> bytes:
    """The file as Google Docs exports it: no document properties, Google's spellings in the XML."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename.startswith("docProps/"):
                continue
            part = source.read(info)
            if info.filename == "word/styles.xml":
                part = re.sub(rb'w:name w:val="Heading (\d)"', rb'w:name w:val="heading \1"', part)
                part = part.replace(b'w:name w:val="Title"', b'w:name w:val="title"')
            if info.filename == "word/document.xml":
                part = part.replace(b"<w:b/>", b'<w:b w:val="1"/>')
                part = re.sub(rb"(<w:r><w:rPr>.*?)</w:rPr>", rb'\1<w:rtl w:val="0"/></w:rPr>', part)
                part = re.sub(rb"<w:r>(?!<w:rPr>)", b'<w:r><w:rPr><w:rtl w:val="0"/></w:rPr>', part)
            if info.filename in {"[Content_Types].xml", "_rels/.rels"}:
                part = re.sub(rb"<(Override|Relationship)[^>]*docProps/[^>]*/>", b"", part)
            target.writestr(info.filename, part)
    return buffer.getvalue()


def main():
    for name, make in (
        ("docx-word365-freelancer-night-ferry.docx", night_ferry),
        ("docx-google-docs-market-hall.docx", market_hall),
        ("docx-tracked-changes-library-hours.docx", library_hours),
    ):
        (FOLDER / name).write_bytes(make())
        print(name)


if __name__ == "__main__":
    main()

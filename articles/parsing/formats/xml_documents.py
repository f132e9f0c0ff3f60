"""XML read safely: a wire's NewsML-G2 or NITF document as an ElementTree, with entities, external
references and documents nested too deep or with too many elements refused in one line.

defusedxml refuses every entity declaration (the "billion laughs") and every external entity or
DTD reference; expat never fetches anything. Tags and attributes lose their namespaces, so the
readers find ``headline`` whether a file puts it in the NewsML-G2 namespace, NITF's, XHTML's or none.
"""

import re
import xml.etree.ElementTree as ElementTree

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from ..story import StoryFormatError

MAX_DEPTH = 64  # a real item nests a dozen levels; a parser's recursion must never meet a hostile depth
MAX_ELEMENTS = 50_000
WHITESPACE_RE = re.compile(r"\s+")


class LimitedTreeBuilder(ElementTree.TreeBuilder):
    """A tree builder that stops a document nested deeper than ``MAX_DEPTH`` or larger than ``MAX_ELEMENTS``."""

    def __init__(self):
        super().__init__()
        self.depth = self.count = 0
        self.refusal = ""

    def start(self, tag, attrs):
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH:
            self.refusal = f"elements nested more than {MAX_DEPTH} deep are refused"
        elif self.count > MAX_ELEMENTS:
            self.refusal = f"more than {MAX_ELEMENTS:,} elements are refused"
        if self.refusal:
            raise StoryFormatError(self.refusal)
        return super().start(tag, attrs)

    def end(self, tag):
        self.depth -= 1
        return super().end(tag)


def parse_xml(data: bytes) -> ElementTree.Element:
    """The document's root, its tags and attribute names without namespaces; a ``StoryFormatError``
    naming the line for anything malformed or hostile."""
    parser = DefusedXMLParser(target=LimitedTreeBuilder(), forbid_dtd=False)
    try:
        parser.feed(data)
        root = parser.close()
    except ElementTree.ParseError as error:
        line, _ = error.position
        raise StoryFormatError(f"not well-formed XML: {expat_message(error)}", line=line) from None
    except EntitiesForbidden as error:
        raise StoryFormatError(
            f"the document declares an entity (“{error.name}”): entities are refused", line=current_line(parser)
        ) from None
    except ExternalReferenceForbidden:
        raise StoryFormatError(
            "the document refers to an external entity: refused", line=current_line(parser)
        ) from None
    except (DTDForbidden, DefusedXmlException) as error:
        raise StoryFormatError(f"refused XML: {error}", line=current_line(parser)) from None
    except StoryFormatError as error:
        raise StoryFormatError(error.message, line=current_line(parser)) from None
    except LookupError as error:  # the XML declaration names an encoding Python does not know
        raise StoryFormatError(f"the XML declaration's encoding cannot be read ({error})", line=1) from None
    except (RecursionError, MemoryError, ValueError) as error:
        raise StoryFormatError(f"unreadable XML: {type(error).__name__}") from None
    for element in root.iter():
        element.tag = local_name(element.tag) if isinstance(element.tag, str) else ""
        for key in [key for key in element.attrib if key.startswith("{")]:
            element.attrib[local_name(key)] = element.attrib.pop(key)
    return root


def current_line(parser: DefusedXMLParser) -> int | None:
    return getattr(parser.parser, "CurrentLineNumber", None)


def expat_message(error: ElementTree.ParseError) -> str:
    """Expat's message without the "line 3, column 4" it ends with (the error's line says it)."""
    return re.sub(r":\s*line \d+, column \d+$", "", str(error))


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def text_of(element: ElementTree.Element | None) -> str:
    """An element's words, its children's included, with runs of whitespace made one space."""
    if element is None:
        return ""
    return WHITESPACE_RE.sub(" ", "".join(element.itertext())).strip()


def child(element: ElementTree.Element | None, *path: str) -> ElementTree.Element | None:
    """The first element down ``path`` (each step a child's local name), or None."""
    for name in path:
        if element is None:
            return None
        element = element.find(name)
    return element


def children(element: ElementTree.Element | None, name: str) -> list[ElementTree.Element]:
    return [] if element is None else element.findall(name)


def serialise(element: ElementTree.Element) -> str:
    return ElementTree.tostring(element, encoding="unicode")

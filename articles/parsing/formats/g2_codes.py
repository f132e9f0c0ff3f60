"""The NewsML-G2 codes the reader understands and the writer sends: qcodes ("scheme:code") for
contributor roles, for how a story stands to the outlet it credits, and for its label. Codes of IPTC's
own schemes are read as IPTC defines them; what IPTC has no scheme for, the writer sends in schemes of
its own, declared in the item's ``catalog``."""

from xml.etree.ElementTree import Element

from ..story import ORIGINAL, VIA, WIRE
from .wire_copy import agency_name

SCHEME_URIS = {
    "nrcrol": "urn:x-newsroom:cv:contributorrole:",  # the credit roles of articles.credits
    "nrsrc": "urn:x-newsroom:cv:sourcerelationship:",  # VIA, WIRE, ORIGINAL
    "nrlabel": "urn:x-newsroom:cv:label:",  # articles.labels
    "nrnote": "urn:x-newsroom:cv:note:",  # what a party's note is
}
BYLINE_ROLE_NOTE = "nrnote:byline-role"  # a creator's note giving what the byline says of them
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
ROLE_CODES = {
    "additional reporting": "additional-reporting", "reporting": "reporting", "contributing": "contributing",
    "research": "research", "photography": "photography", "video": "video", "graphics": "graphics",
    "editing": "editing", "translation": "translation", "review": "review",
}  # fmt: skip
# Other senders' role codes for the same parts: IPTC's, AFP's and ANSA's words for them.
ROLE_WORDS = {
    "editor": "editing", "photographer": "photography", "translator": "translation", "researcher": "research",
    "reviewer": "review", "graphicartist": "graphics", "graphic": "graphics", "videographer": "video",
    "camera": "video", "reporter": "additional reporting", "correspondent": "additional reporting",
}  # fmt: skip
RELATIONSHIP_CODES = {WIRE: "wire", VIA: "via", ORIGINAL: "original"}


def qcode_value(element: Element | None, attribute: str = "qcode") -> str:
    return (element.get(attribute) or "").strip() if element is not None else ""


def code_of(qcode: str) -> str:
    return qcode.split(":", 1)[-1].casefold()


def contributor_role(qcode: str) -> str:
    """A Story contributor's role for a ``contributor`` party's role qcode; "contributing" when unknown."""
    code = code_of(qcode).replace("_", "-")
    by_code = {value: role for role, value in ROLE_CODES.items()}
    return by_code.get(code) or ROLE_WORDS.get(code.replace("-", "")) or "contributing"


def role_qcode(role: str) -> str:
    return f"nrcrol:{ROLE_CODES.get(role, 'contributing')}"


def source_relationship(qcode: str, name: str) -> str:
    """How a story stands to an ``infoSource``: what its role says, else WIRE for a wire agency, else VIA."""
    by_code = {value: relationship for relationship, value in RELATIONSHIP_CODES.items()}
    return by_code.get(code_of(qcode)) or (WIRE if agency_name(name) else VIA)

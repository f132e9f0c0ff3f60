"""The credit and rights a photo carries in its file: IPTC (IIM) and XMP, as IPTC's Photo Metadata
Standard maps them, read with Pillow's own readers. Bytes or a file in, ``PhotoMetadata`` out; no
database, no Django.

Where a file has both, XMP wins (the newer form, which tools keep up to date); IIM fills the rest.
"""

import io
from dataclasses import dataclass, fields

from PIL import Image, IptcImagePlugin, UnidentifiedImageError

DC = "{http://purl.org/dc/elements/1.1/}"
PHOTOSHOP = "{http://ns.adobe.com/photoshop/1.0/}"
XMP_RIGHTS = "{http://ns.adobe.com/xap/1.0/rights/}"
PLUS = "{http://ns.useplus.org/ldf/xmp/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"

# IIM record 2 datasets: By-line, Credit, Source, Copyright Notice, Caption/Abstract.
IIM_DATASETS = {
    "creator": (2, 80),
    "credit": (2, 110),
    "source": (2, 115),
    "copyright_notice": (2, 116),
    "caption": (2, 120),
}
IIM_CHARACTER_SET = (1, 90)
IIM_UTF8 = b"\x1b%G"
XMP_PROPERTIES = {
    "creator": DC + "creator",
    "credit": PHOTOSHOP + "Credit",
    "source": PHOTOSHOP + "Source",
    "copyright_notice": DC + "rights",
    "caption": DC + "description",
    "licence_url": XMP_RIGHTS + "WebStatement",
    "acquire_licence_url": PLUS + "LicensorURL",
}


@dataclass(frozen=True)
class PhotoMetadata:
    credit: str = ""  # the credit line, as it should be printed: "Jane Doe/Reuters"
    creator: str = ""  # the photographer, or several joined by ", "
    copyright_notice: str = ""
    source: str = ""  # who supplied it: an agency, a pool
    caption: str = ""
    licence_url: str = ""  # the licence, or a page stating the rights (xmpRights:WebStatement)
    acquire_licence_url: str = ""  # where to license it (PLUS Licensor URL)

    def __bool__(self):
        return any(getattr(self, item.name) for item in fields(self))


def read_photo_metadata(source) -> PhotoMetadata:
    """What ``source`` (bytes, or a binary file, left where it was found) says of its credit and
    rights; empty for a file that is not an image Pillow reads, or that says nothing."""
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(source)
    position = source.tell()
    try:
        with Image.open(source) as image:
            from_xmp, from_iim = xmp_values(image), iim_values(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):  # not an image, or broken metadata
        return PhotoMetadata()
    finally:
        source.seek(position)
    return PhotoMetadata(**{name: from_xmp.get(name) or from_iim.get(name, "") for name in XMP_PROPERTIES})


def iim_values(image) -> dict[str, str]:
    info = IptcImagePlugin.getiptcinfo(image) or {}
    encoding = "utf-8" if first(info.get(IIM_CHARACTER_SET)) == IIM_UTF8 else None
    values = {}
    for name, dataset in IIM_DATASETS.items():
        raw = info.get(dataset)
        parts = raw if isinstance(raw, list) else [raw] if raw else []
        values[name] = ", ".join(filter(None, (decode(part, encoding) for part in parts)))
    return values


def decode(raw: bytes, encoding: str | None) -> str:
    """IIM text is UTF-8 when the file says so (1:90); else, in practice, UTF-8 or Latin-1."""
    try:
        return raw.decode(encoding or "utf-8").strip()
    except UnicodeDecodeError:
        return raw.decode("latin-1").strip()


def xmp_values(image) -> dict[str, str]:
    if "xmp" not in image.info:
        return {}
    try:
        tree = image.getxmp(strip_namespaces=False)
    except (ValueError, SyntaxError):  # defusedxml refuses entities; a packet may be malformed: no XMP then
        return {}
    return {name: text_of(find(tree, key)) for name, key in XMP_PROPERTIES.items()}


def find(tree, key):
    """The first value of property ``key`` anywhere in the packet (a property is unique to its namespace)."""
    if isinstance(tree, list):
        return next((found for item in tree if (found := find(item, key)) is not None), None)
    if not isinstance(tree, dict):
        return None
    if key in tree:
        return tree[key]
    return next((found for value in tree.values() if (found := find(value, key)) is not None), None)


def text_of(value) -> str:
    """A property's text: a plain value, a language alternative's first (x-default comes first by
    convention), or a list's items joined by ", "."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return ", ".join(filter(None, map(text_of, value)))
    for container in ("Alt", "Seq", "Bag"):
        if RDF + container in value:
            items = value[RDF + container]
            items = items.get(RDF + "li") if isinstance(items, dict) else items
            return text_of(items[0]) if container == "Alt" and isinstance(items, list) else text_of(items)
    return text_of(value.get("text") or value.get(RDF + "resource"))


def first(value):
    return value[0] if isinstance(value, list) else value

"""A ninjs document of any major version as one shape: ninjs 2.x's (lower-case names, ``headlines``,
``bodies`` and ``descriptions`` as lists of ``{role, contenttype, value}``). ninjs 1.x names its parts
``headline``/``headline_*``, ``body_*`` and ``description_*`` and keeps the singular names of 2.x's lists
(``person``, ``subject``…); ninjs 3.x is 2.x written in camel case (``versionCreated``,
``embargoedUntil``, ``contentType``)."""

import json
import re

from ..story import ORIGINAL, VIA, WIRE, StoryFormatError

MAX_DEPTH = 40  # no ninjs document nests deeper than a dozen levels
SCHEMA_VERSION_RE = re.compile(r"ninjs-schema_(?P<major>\d)\.\d+")
ONE_X_LISTS = {"person": "people", "organisation": "organisations", "place": "places", "subject": "subjects",
               "event": "events", "object": "objects", "infosource": "infosources", "genre": "genres"}  # fmt: skip
ONE_X_PART_RE = re.compile(r"^(?P<part>headline|body|description)_(?P<role>[a-zA-Z0-9_]+)$")
ONE_X_MARKUP_ROLES = {"html", "xhtml", "richtext", "nitf", "html5"}
TWO_X_PARTS = ("headlines", "bodies", "descriptions")
THREE_X_NAMES = {"embargoeduntil": "embargoed"}
# How ``infosources`` name the outlet a story is credited to, by how it stands to the story (the
# writer's roles; "originfo" is IPTC's information source role for the party that originated it).
INFOSOURCE_ROLES = {WIRE: "originfo", ORIGINAL: "originalpublisher", VIA: "source"}
NINJS_PARTS = {"headlines", "bodies", "descriptions", "headline", "byline", "by", "versioncreated", "type"}


def load_ninjs(text: str) -> dict:
    """The document in ``text`` in ninjs 2.x's shape, or StoryFormatError for JSON that is not ninjs."""
    try:
        document = json.loads(text)
    except RecursionError:
        raise StoryFormatError("JSON nested too deeply to be a ninjs document") from None
    except json.JSONDecodeError as error:
        raise StoryFormatError(f"not valid JSON: {error.msg}", line=error.lineno) from None
    except ValueError:  # Python reads no integer of more than 4,300 digits
        raise StoryFormatError("not valid JSON: a number of more than 4,300 digits") from None
    if not isinstance(document, dict):
        raise StoryFormatError("JSON that is not a ninjs document: not an object")
    if depth(document) > MAX_DEPTH:
        raise StoryFormatError("JSON nested too deeply to be a ninjs document")
    major = schema_major(document)
    if major == 3 or (major is None and any(name != name.lower() for name in document if name[0] != "$")):
        document = lower_case_names(document)
    elif major == 1 or (major is None and is_one_x(document)):
        document = two_x_from_one_x(document)
    items = document.get("items")
    if "uri" not in document and isinstance(items, list) and items and all(isinstance(i, dict) for i in items):
        raise StoryFormatError(f"a feed of {len(items):,} ninjs items, not one: import each item as a file of its own")
    if not isinstance(document.get("uri") or document.get("guid"), str) or not NINJS_PARTS & set(document):
        raise StoryFormatError("JSON that is not a ninjs document: it has no uri, headline or body")
    return document


def depth(value, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return max((depth(child, level + 1) for child in children), default=level)


def schema_major(document: dict) -> int | None:
    """The major version the document declares (its ``$schema``, or ninjs 1.3+'s ``$standard``/``standard``)."""
    standard = document.get("standard") or document.get("$standard")
    declared = [document.get("$schema"), *([standard.get("schema")] if isinstance(standard, dict) else [])]
    for schema in declared:
        if isinstance(schema, str) and (found := SCHEMA_VERSION_RE.search(schema)):
            return int(found["major"])
    return None


def is_one_x(document: dict) -> bool:
    return any(name in ONE_X_LISTS or name in {"headline", "byline"} or ONE_X_PART_RE.match(name) for name in document)


def lower_case_names(value):
    """ninjs 3.x's names as 2.x's: ``pubStatus`` → ``pubstatus``, ``embargoedUntil`` → ``embargoed``."""
    if isinstance(value, dict):
        named = {str(name).lower(): lower_case_names(child) for name, child in value.items()}
        return {THREE_X_NAMES.get(name, name): child for name, child in named.items()}
    if isinstance(value, list):
        return [lower_case_names(child) for child in value]
    return value


def two_x_from_one_x(document: dict) -> dict:
    """A ninjs 1.x document in 2.x's shape: ``headline`` and ``headline_*`` into ``headlines``, ``body_*``
    into ``bodies``, ``description_*`` into ``descriptions``, ``byline`` into ``by``, ``person`` into
    ``people`` (and the other lists), a concept's ``code`` into its ``literal``."""
    shaped: dict = {part: [] for part in TWO_X_PARTS}
    for name, value in document.items():
        if name == "headline" and isinstance(value, str):
            shaped["headlines"].insert(0, {"role": "main", "value": value})
        elif (part := ONE_X_PART_RE.match(name)) and isinstance(value, str):
            role = part["role"]
            contenttype = "text/html" if role in ONE_X_MARKUP_ROLES else "text/plain"
            shaped[f"{part['part']}s" if part["part"] != "body" else "bodies"].append(
                {"role": role, "contenttype": contenttype, "value": value}
            )
        elif name == "byline":
            shaped["by"] = value
        elif name in ONE_X_LISTS and isinstance(value, list):
            shaped[ONE_X_LISTS[name]] = [concept_from_one_x(item) for item in value]
        elif name in TWO_X_PARTS:  # a 2.x list in a 1.x document
            shaped[name] += value if isinstance(value, list) else []
        else:
            shaped[name] = value
    return shaped


def concept_from_one_x(item):
    if not isinstance(item, dict):
        return item
    return {("literal" if name == "code" else name): value for name, value in item.items()}

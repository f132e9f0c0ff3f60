"""What a story sent out to partners carries beside its ``Story``: where readers find it, when it was
first made and last changed, its status and its corrections. The ninjs and NewsML-G2 writers take a
``Story`` (its ``guid`` and ``version`` identify the item) and an ``OutgoingItem``; pure, as the readers."""

from dataclasses import dataclass

USABLE, WITHHELD, CANCELED = "usable", "withheld", "canceled"  # IPTC's publishing statuses


@dataclass(frozen=True)
class OutgoingCorrection:
    text: str  # the correction or update as readers see it, plain text
    published_at: str  # ISO 8601 with its offset
    kind: str = "correction"  # "correction" or "update"


@dataclass(frozen=True)
class OutgoingItem:
    url: str = ""  # the article's public address
    first_created_at: str = ""  # ISO 8601 with offset: when the story was first published here
    version_created_at: str = ""  # when this version was published
    status: str = USABLE  # CANCELED: the story was withdrawn, and the item carries no content
    corrections: tuple[OutgoingCorrection, ...] = ()
    licence_url: str = ""  # the republication licence's deed, where the story has one
    section: str = ""
    publisher: str = ""  # the site's name, as the item's provider

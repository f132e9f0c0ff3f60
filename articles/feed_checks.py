"""What breaks feed readers, checked on a rendered feed: used by ``manage.py check_feeds``.

Each check returns a list of problems (empty when the feed is fine), so one run reports
everything wrong at once. Beyond what the formats require, the checks hold the feeds to what strict
validators (the W3C Feed Validation Service among them) warn about: an RSS item's description
before its full content, no element saying the same thing twice, no attributes or elements in the
items' HTML that feed readers strip or distrust, a self link. With WebSub hubs configured,
``check_hub_discovery`` holds a feed to naming them (``articles.websub``).
"""

import json
import re
from collections import Counter
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import fromstring
from requests.utils import parse_header_links

from .feed_formats import CONTENT, DC, DCTERMS, JSON_FEED_VERSION, MEDIA

ATOM = "http://www.w3.org/2005/Atom"
RFC_822_RE = re.compile(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
# In an item's HTML: elements feed readers refuse to run or show, and attributes they strip (an
# editor's internal data-* markers, ARIA wiring that points at ids outside the item).
UNSAFE_HTML_TAGS = frozenset(
    {"script", "style", "iframe", "embed", "object", "param", "applet", "frame", "frameset", "link", "meta",
     "base", "head", "body", "html", "title", "noframes", "xmp", "plaintext", "listing"}
)  # fmt: skip
ATTRIBUTE_PREFIXES_NOT_IN_FEEDS = ("data-", "aria-", "on")
ATTRIBUTES_NOT_IN_FEEDS = frozenset(
    {"role", "style", "loading", "decoding", "sizes", "itemprop", "itemscope", "itemtype", "crossorigin",
     "referrerpolicy", "fetchpriority"}
)  # fmt: skip
URL_ATTRIBUTES = frozenset({"href", "src"})
MEDIA_CONTENT_ATTRIBUTES = frozenset(
    {"bitrate", "channels", "duration", "expression", "fileSize", "framerate", "height", "isDefault", "lang",
     "medium", "samplingrate", "type", "url", "width"}
)  # fmt: skip
# Pairs an RSS item must not carry both of: they say the same thing, and readers pick either.
SAME_MEANING_IN_RSS = [
    ("source", f"{{{DC}}}source"),
    ("author", f"{{{DC}}}creator"),
    ("pubDate", f"{{{DC}}}date"),
    ("category", f"{{{DC}}}subject"),
    ("guid", f"{{{ATOM}}}id"),
]
RFC_3339_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def check_feed(body: bytes, content_type: str) -> list[str]:
    if content_type.startswith("application/feed+json"):
        return check_json_feed(body)
    return check_xml_feed(body)


def check_xml_feed(body: bytes) -> list[str]:
    try:
        root = fromstring(body)  # an undeclared namespace prefix is a parse error too
    except ParseError as error:
        return [f"not well-formed XML: {error}"]
    if root.tag == "rss":
        return check_rss(root)
    if root.tag == f"{{{ATOM}}}feed":
        return check_atom(root)
    return [f"unexpected root element {root.tag!r}"]


def check_rss(root) -> list[str]:
    channel = root.find("channel")
    if channel is None:
        return ["RSS without a channel"]
    problems = check_dates(channel, ["lastBuildDate"], rfc_822)
    problems += check_urls(channel, ["link"], lambda element: element.text)
    problems += check_urls(channel, [f"{{{ATOM}}}link"], lambda element: element.get("href"))
    problems += check_self_link(channel.findall(f"{{{ATOM}}}link"))
    problems += check_channel_image(channel)
    guids = []
    for number, item in enumerate(channel.iter("item"), start=1):
        where = f"item {number}"
        problems += [f"{where}: {p}" for p in check_dates(item, ["pubDate"], rfc_822)]
        problems += [f"{where}: {p}" for p in check_dates(item, [f"{{{DCTERMS}}}modified"], rfc_3339)]
        problems += [f"{where}: {p}" for p in check_urls(item, ["link"], lambda element: element.text)]
        problems += [f"{where}: {p}" for p in check_required(item, ["title", "link", "guid", f"{{{CONTENT}}}encoded"])]
        guids.append(item.findtext("guid"))
        for enclosure in item.iter("enclosure"):
            problems += [f"{where}: {p}" for p in check_enclosure(enclosure.get("url"), enclosure.get("length"),
                                                                   enclosure.get("type"))]  # fmt: skip
        if item.find(f"{{{DC}}}creator") is None:
            problems.append(f"{where}: no dc:creator")
        problems += [f"{where}: {p}" for p in check_rss_item_strictly(item)]
    return problems + check_unique(guids, "guid")


def check_atom(root) -> list[str]:
    problems = check_required(root, [f"{{{ATOM}}}id", f"{{{ATOM}}}title", f"{{{ATOM}}}updated"])
    problems += check_dates(root, [f"{{{ATOM}}}updated"], rfc_3339)
    problems += check_urls(root, [f"{{{ATOM}}}link"], lambda element: element.get("href"))
    problems += check_self_link(root.findall(f"{{{ATOM}}}link"))
    ids, updated = [], []
    for number, entry in enumerate(root.iter(f"{{{ATOM}}}entry"), start=1):
        where = f"entry {number}"
        required = [f"{{{ATOM}}}{name}" for name in ("id", "title", "updated", "link", "content")]
        problems += [f"{where}: {p}" for p in check_required(entry, required)]
        dates = [f"{{{ATOM}}}published", f"{{{ATOM}}}updated"]
        problems += [f"{where}: {p}" for p in check_dates(entry, dates, rfc_3339)]
        problems += [f"{where}: {p}" for p in check_urls(entry, [f"{{{ATOM}}}link"], lambda e: e.get("href"))]
        authors = entry.findall(f"{{{ATOM}}}author/{{{ATOM}}}uri")
        problems += [
            f"{where}: author uri {uri.text!r} is not absolute" for uri in authors if not is_absolute(uri.text)
        ]
        ids.append(entry.findtext(f"{{{ATOM}}}id"))
        updated.append(entry.findtext(f"{{{ATOM}}}updated"))
        for html_element in (entry.find(f"{{{ATOM}}}content"), entry.find(f"{{{ATOM}}}summary")):
            if html_element is not None and html_element.get("type") == "html":
                problems += [f"{where}: {p}" for p in check_item_html(html_element.text or "")]
        for link in entry.iter(f"{{{ATOM}}}link"):
            if link.get("rel") == "enclosure":
                problems += [f"{where}: {p}" for p in check_enclosure(link.get("href"), link.get("length"),
                                                                       link.get("type"))]  # fmt: skip
    problems += [f"two entries have the same updated time {time!r}" for time, n in Counter(updated).items() if n > 1]
    return problems + check_unique(ids, "id")


def check_hub_discovery(body: bytes, content_type: str, link_header: str, hubs: list[str]) -> list[str]:
    """WebSub discovery: the ``Link`` header names each hub and the feed's own address, which is the
    one the feed gives itself, and the feed names each hub too (RSS's and Atom's ``atom:link
    rel="hub"``, JSON Feed's ``hubs``). What the feed's own checks find wrong is theirs to say."""
    links = [(link.get("url"), link.get("rel")) for link in parse_header_links(link_header)] if link_header else []
    problems = [f"no Link header naming the hub {hub}" for hub in hubs if (hub, "hub") not in links]
    own, named = feed_self_and_hubs(body, content_type)
    selves = [url for url, rel in links if rel == "self"]
    if not selves:
        problems.append("no Link header naming the feed itself (rel=self)")
    elif own is not None and selves != [own]:
        problems.append(f"the Link header's rel=self {selves[0]!r} is not the feed's own address {own!r}")
    return problems + [f"the feed does not name the hub {hub}" for hub in hubs if hub not in named]


def feed_self_and_hubs(body: bytes, content_type: str) -> tuple[str | None, list[str]]:
    """The address a feed gives itself and the hubs it names; (None, []) for a feed that cannot be read."""
    if content_type.startswith("application/feed+json"):
        try:
            feed = json.loads(body)
        except ValueError:
            return None, []
        hubs = feed.get("hubs") if isinstance(feed.get("hubs"), list) else []
        websub = [hub.get("url") for hub in hubs if isinstance(hub, dict) and hub.get("type") == "WebSub"]
        return feed.get("feed_url"), websub
    try:
        root = fromstring(body)
    except ParseError:
        return None, []
    links = (root.find("channel") if root.tag == "rss" else root).findall(f"{{{ATOM}}}link")
    own = next((link.get("href") for link in links if link.get("rel") == "self"), None)
    return own, [link.get("href") for link in links if link.get("rel") == "hub"]


def check_rss_item_strictly(item) -> list[str]:
    """What strict validators warn about in an RSS item, beyond what RSS 2.0 requires."""
    tags = [child.tag for child in item]
    problems = []
    if f"{{{CONTENT}}}encoded" in tags and (
        "description" not in tags or tags.index("description") > tags.index(f"{{{CONTENT}}}encoded")
    ):
        problems.append("description does not precede content:encoded")
    problems += [
        f"both {short(one)} and {prefixed(two)}" for one, two in SAME_MEANING_IN_RSS if {one, two} <= set(tags)
    ]
    if tags.count("enclosure") > 1:
        problems.append("more than one enclosure")
    for media in item.iter(f"{{{MEDIA}}}content"):
        problems += [
            f"media:content has an unknown attribute {name!r}" for name in set(media.keys()) - MEDIA_CONTENT_ATTRIBUTES
        ]
        for name in ("width", "height", "fileSize"):
            value = media.get(name)
            if value is not None and not (value.isdigit() and int(value) > 0):
                problems.append(f"media:content {name} {value!r} is not a positive whole number")
    for name in ("description", f"{{{CONTENT}}}encoded"):
        for element in item.findall(name):
            problems += [f"{prefixed(name)}: {p}" for p in check_item_html(element.text or "")]
    return problems


def check_self_link(links) -> list[str]:
    return [] if any(link.get("rel") == "self" for link in links) else ["no link to the feed itself (rel=self)"]


def check_channel_image(channel) -> list[str]:
    image = channel.find("image")
    if image is None:
        return []
    problems = check_required(image, ["url", "title", "link"])
    for name in ("title", "link"):
        if image.findtext(name) != channel.findtext(name):
            problems.append(f"image {name} {image.findtext(name)!r} is not the channel's {channel.findtext(name)!r}")
    return problems


class ItemHtmlChecker(HTMLParser):
    """Collects what a feed item's HTML should not hold."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in UNSAFE_HTML_TAGS:
            self.problems.append(f"HTML has a <{tag}> element")
        for name, value in attrs:
            if name.startswith(ATTRIBUTE_PREFIXES_NOT_IN_FEEDS) or name in ATTRIBUTES_NOT_IN_FEEDS:
                self.problems.append(f"HTML <{tag}> has a {name} attribute")
            elif name in URL_ATTRIBUTES and not re.match(r"^[a-z][a-z0-9+.-]*:", value or "", re.IGNORECASE):
                self.problems.append(f"HTML <{tag}> has a relative {name} {value!r}")


def check_item_html(html: str) -> list[str]:
    checker = ItemHtmlChecker()
    checker.feed(html)
    checker.close()
    return list(dict.fromkeys(checker.problems))


def check_json_feed(body: bytes) -> list[str]:
    try:
        feed = json.loads(body)
    except ValueError as error:
        return [f"not valid JSON: {error}"]
    problems = []
    if feed.get("version") != JSON_FEED_VERSION:
        problems.append(f"version is {feed.get('version')!r}, not {JSON_FEED_VERSION!r}")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        problems.append("no title")
    for key in ("home_page_url", "feed_url"):
        if key in feed and not is_absolute(feed[key]):
            problems.append(f"{key} {feed[key]!r} is not absolute")
    items = feed.get("items")
    if not isinstance(items, list):
        return [*problems, "items is not a list"]
    for number, item in enumerate(items, start=1):
        where = f"item {number}"
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append(f"{where}: id must be a non-empty string")
        if "content_html" not in item and "content_text" not in item:
            problems.append(f"{where}: neither content_html nor content_text")
        if not is_absolute(item.get("url")):
            problems.append(f"{where}: url {item.get('url')!r} is not absolute")
        for key in ("date_published", "date_modified"):
            if key in item and not rfc_3339(item[key]):
                problems.append(f"{where}: {key} {item[key]!r} is not an RFC 3339 date")
        for author in item.get("authors", []):
            if not author.get("name"):
                problems.append(f"{where}: an author without a name")
        for attachment in item.get("attachments", []):
            problems += [f"{where}: {p}" for p in check_enclosure(attachment.get("url"),
                         str(attachment.get("size_in_bytes", "")), attachment.get("mime_type"))]  # fmt: skip
    return problems + check_unique([item.get("id") for item in items], "id")


def check_required(element, names):
    return [f"no {short(name)}" for name in names if element.find(name) is None]


def check_dates(element, names, is_valid):
    return [
        f"{short(name)} {child.text!r} is not a valid date"
        for name in names
        for child in element.findall(name)
        if not is_valid(child.text or "")
    ]


def check_urls(element, names, url_of):
    return [
        f"{short(name)} {url_of(child)!r} is not an absolute URL"
        for name in names
        for child in element.findall(name)
        if not is_absolute(url_of(child))
    ]


def check_enclosure(url, length, mime_type):
    problems = [] if is_absolute(url) else [f"enclosure url {url!r} is not absolute"]
    if not (length or "").isdigit() or int(length) <= 0:
        problems.append(f"enclosure length {length!r} is not a positive number of bytes")
    if not mime_type or "/" not in mime_type:
        problems.append(f"enclosure type {mime_type!r} is not a media type")
    return problems


def check_unique(values, what):
    seen, problems = set(), []
    for value in values:
        if value in seen:
            problems.append(f"{what} {value!r} appears more than once")
        seen.add(value)
    return problems


def rfc_822(text):
    if not RFC_822_RE.match(text):
        return False
    try:
        parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return False
    return True


def rfc_3339(text):
    return bool(RFC_3339_RE.match(text or ""))


def is_absolute(url):
    return bool(url) and url.startswith(("http://", "https://"))


def short(name):
    """ "{http://www.w3.org/2005/Atom}updated" → "updated"."""
    return name.rsplit("}", 1)[-1]


def prefixed(name):
    """ "{http://purl.org/dc/elements/1.1/}source" → "dc:source", as the feeds write it."""
    prefixes = {DC: "dc", DCTERMS: "dcterms", CONTENT: "content", MEDIA: "media", ATOM: "atom"}
    namespace, _, local = name[1:].partition("}") if name.startswith("{") else ("", "", name)
    return f"{prefixes[namespace]}:{local}" if namespace else name

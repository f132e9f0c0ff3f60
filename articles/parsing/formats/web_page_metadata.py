"""What a saved article page says about itself, in the order a reader trusts it: schema.org JSON-LD
(an ``Article``/``NewsArticle``/``ReportageNewsArticle``…, on its own or in a ``@graph`` as Yoast
writes it, people and publishers given in place or by ``@id``), then Open Graph and the article
meta tags, then ``rel=author`` links, ``<time datetime>`` and ``<html lang>``. Open Graph comes
second because sites write their own name into ``og:title`` ("Headline - The Coast Gazette").
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from ..copyright import parse_copyright
from ..story import Author, Copyright
from .metadata import iso_time, keyword_list, language_tag

ARTICLE_TYPES = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "Report", "LiveBlogPosting",
}  # fmt: skip
MAX_JSON_LD_NODES = 500
COPYRIGHT_MARK_RE = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)
HOLDER_BEFORE_MARK_RE = re.compile(r"^(?P<holder>[^©]{2,80}?)\s*©\s*(?P<year>(?:19|20)\d\d)\.?$")
MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class PageMetadata:
    headline: str = ""
    description: str = ""
    authors: tuple[Author, ...] = ()
    publisher: str = ""
    published: str = ""
    language: str = ""
    keywords: tuple[str, ...] = ()
    copyright: Copyright | None = None
    url: str = ""  # the page's canonical address: its identity across saves
    is_free: bool | None = None  # schema.org isAccessibleForFree: False for a paywalled story


def page_metadata(soup: BeautifulSoup) -> PageMetadata:
    """What ``soup``'s page publishes about its article."""
    graph = json_ld_nodes(soup)
    article = next((node for node in graph.values() if types_of(node) & ARTICLE_TYPES), {})
    resolve = graph_resolver(graph)
    meta = meta_tags(soup)
    authors = people(resolve(article.get("author")))
    return PageMetadata(
        headline=clean(article.get("headline")) or clean(meta.get("og:title")) or title_text(soup),
        description=clean(article.get("description")) or clean(meta.get("og:description"))
        or clean(meta.get("description")),
        authors=authors or tuple(Author(name) for name in page_author_names(soup, meta)),
        publisher=organisation_name(resolve(article.get("publisher"))) or clean(meta.get("og:site_name")),
        published=iso_time(article.get("datePublished")) or iso_time(meta.get("article:published_time"))
        or time_element(soup),
        language=language_of(resolve(article.get("inLanguage")))
        or language_tag((soup.html.get("lang") if soup.html else "") or "") or language_tag(meta.get("og:locale", "")),
        keywords=keyword_list(article.get("keywords") or "") or keyword_list(meta.get("article:tag", []))
        or keyword_list(meta.get("news_keywords", ""), meta.get("keywords", "")),
        copyright=article_copyright(article, resolve) or footer_copyright(soup),
        url=web_address(link_href(soup, "canonical")) or web_address(meta.get("og:url")) or web_address(
            article.get("url")
        ),
        is_free=article.get("isAccessibleForFree") if isinstance(article.get("isAccessibleForFree"), bool) else None,
    )  # fmt: skip


def json_ld_nodes(soup: BeautifulSoup) -> dict[str, dict]:
    """Every JSON-LD object on the page (a ``@graph``'s members, lists' items), keyed by ``@id`` or place."""
    nodes: dict[str, dict] = {}
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        pending = [data]
        while pending and len(nodes) < MAX_JSON_LD_NODES:
            item = pending.pop(0)
            if isinstance(item, list):
                pending += item
            elif isinstance(item, dict):
                pending += item["@graph"] if isinstance(item.get("@graph"), list) else []
                if "@type" in item:
                    nodes[str(item.get("@id") or f"#{len(nodes)}")] = item
    return nodes


def graph_resolver(graph: dict[str, dict]):
    """A reference (``{"@id": …}``) as the node it names, in place or in a list; anything else as it is."""

    def resolve(value):
        if isinstance(value, list):
            return [resolve(item) for item in value[:MAX_JSON_LD_NODES]]
        if isinstance(value, dict) and "@type" not in value and str(value.get("@id")) in graph:
            return graph[str(value["@id"])]
        return value

    return resolve


def types_of(node: dict) -> set[str]:
    kind = node.get("@type")
    return {item for item in (kind if isinstance(kind, list) else [kind]) if isinstance(item, str)}


def people(value) -> tuple[Author, ...]:
    """The people among a JSON-LD ``author``: persons (with job title and description), and plain names.
    An organisation as author ("Staff", the outlet itself) is not a byline."""
    found = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and clean(item):
            found.append(Author(clean(item)))
        elif isinstance(item, dict) and "Organization" not in types_of(item) and clean(item.get("name")):
            found.append(Author(clean(item.get("name")), clean(item.get("description")), clean(item.get("jobTitle"))))
    return tuple(dict.fromkeys(found))


def language_of(value) -> str:
    """JSON-LD's ``inLanguage``: a tag, or a ``Language`` node whose ``alternateName`` is one."""
    value = value[0] if isinstance(value, list) and value else value
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    return language_tag(clean(value))


def organisation_name(value) -> str:
    item = value[0] if isinstance(value, list) and value else value
    return clean(item.get("name")) if isinstance(item, dict) else clean(item)


def article_copyright(article: dict, resolve) -> Copyright | None:
    holder = organisation_name(resolve(article.get("copyrightHolder")))
    year = article.get("copyrightYear")
    year = int(year) if isinstance(year, int | str) and str(year).isdigit() and len(str(year)) == 4 else None
    return Copyright(holder, year) if holder else None


def footer_copyright(soup: BeautifulSoup) -> Copyright | None:
    """The © line in the page's footer, when it names a holder: "© 2026 The Coast Gazette", or as
    Ghost's themes print it, "The Ridge Dispatch © 2026"."""
    for footer in soup.find_all("footer"):
        for mark in footer.find_all(string=COPYRIGHT_MARK_RE):
            line = clean(mark.parent.get_text(" "))
            if found := HOLDER_BEFORE_MARK_RE.match(line):
                return Copyright(found["holder"], int(found["year"]))
            if (notice := parse_copyright(line)) and notice.holder:
                return notice
    return None


def meta_tags(soup: BeautifulSoup) -> dict:
    """``<meta>`` contents by property or name (lower case); ``article:tag`` as the list of them all."""
    found: dict = {"article:tag": []}
    for tag in soup.find_all("meta"):
        key = str(tag.get("property") or tag.get("name") or "").lower()
        content = tag.get("content")
        if not key or not isinstance(content, str):
            continue
        if key == "article:tag":
            found[key].append(content)
        else:
            found.setdefault(key, content)
    return found


def page_author_names(soup: BeautifulSoup, meta: dict) -> list[str]:
    """The byline the page shows (``rel=author`` links), else its ``author`` / ``article:author`` meta tags
    when they are names, not profile addresses."""
    linked = [clean(link.get_text(" ")) for link in soup.find_all(["a", "link"], rel="author")]
    if names := list(dict.fromkeys(name for name in linked if name)):
        return names
    named = [clean(meta.get(key)) for key in ("author", "article:author")]
    return [name for name in named if name and not urlsplit(name).scheme][:1]


def time_element(soup: BeautifulSoup) -> str:
    element = (soup.find("article") or soup).find("time", datetime=True)
    return iso_time(element["datetime"]) if isinstance(element, Tag) else ""


def title_text(soup: BeautifulSoup) -> str:
    heading = (soup.find("article") or soup).find("h1")
    return clean(heading.get_text(" ")) if heading else ""


def link_href(soup: BeautifulSoup, rel: str) -> str:
    link = soup.find("link", rel=rel, href=True)
    return str(link["href"]) if link else ""


def web_address(value) -> str:
    text = value.strip() if isinstance(value, str) else ""
    return text if urlsplit(text).scheme in {"http", "https"} and urlsplit(text).netloc else ""


def clean(value) -> str:
    """A JSON-LD or meta value as one line of plain text ("" for anything but a string): markup in it
    ("Bridge <em>reopens</em>", a script) is taken out, its words kept."""
    if not isinstance(value, str):
        return ""
    if "<" in value:
        value = BeautifulSoup(value, "html.parser").get_text(" ")
    return " ".join(value.split())[: MAX_NAME_LENGTH * 10]

"""A saved article page (.html) as a ``Story``: the article's text, not the page around it, with what
the page publishes about it (``web_page_metadata``) preferred over what the text rules would guess.

trafilatura finds the article in the page — it leaves out the navigation, header, footer, related
links, cookie banner, share buttons and comments, and keeps emphasis, links and headings — and the
text format's rules read it, so a bio under the story or a © line in it still count. Only what
``html_paragraphs`` keeps survives: no script, style, comment or ``javascript:`` link.

A page saved from another outlet's site is where the story was first published: that outlet (the
JSON-LD publisher, else ``og:site_name``) is credited as its ORIGINAL source, unless the text
credits a wire. The canonical address is the story's ``guid``, so saving the page again after it
changed updates the same article.
"""

from dataclasses import replace
from urllib.parse import urljoin

import trafilatura
from bs4 import BeautifulSoup, Comment, UnicodeDammit
from trafilatura.settings import use_config

from newsroom_core.names import join_names

from ..paragraphs import normalise_line, plain_text
from ..reading import parse_story
from ..story import ORIGINAL, WIRE, Author, Story, StoryFormatError
from .html_paragraphs import html_paragraphs
from .web_page_metadata import PageMetadata, page_metadata

TRUNCATION_MARKS = "….  "
# trafilatura's settings, but for the size under which it distrusts what it found and falls back on
# the whole page's text (navigation and all): a brief of one short paragraph is still the article.
EXTRACTION_SETTINGS = use_config()
EXTRACTION_SETTINGS.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
INERT_TAGS = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "form", "button"]


def read_web_page(file_name: str, data: bytes) -> tuple[Story, str]:
    """A saved page's story, and the article text read from it."""
    try:
        soup = BeautifulSoup(decode_page(data), "html.parser")
        metadata = page_metadata(soup)
        without_inert_parts(soup)
        absolute_links(soup, metadata.url)
        article = article_html(str(soup))
        text, markup = story_text(article, metadata)
    except RecursionError:
        raise StoryFormatError("the page is nested too deeply to read") from None
    story = parse_story(text, markup)
    return with_metadata(story, metadata), text


def decode_page(data: bytes) -> str:
    """The page as text, in the encoding its byte-order mark or ``<meta charset>`` gives, else UTF-8 or Windows-1252."""
    page = UnicodeDammit(data, ["utf-8", "windows-1252"], is_html=True).unicode_markup
    if page is None:
        raise StoryFormatError("the page's text is in no encoding that can be read")
    if "\x00" in page:
        raise StoryFormatError("contains a NUL character; this is not a web page")
    return page


def without_inert_parts(soup: BeautifulSoup):
    """The page without what is never article text (read for metadata already): scripts, styles,
    ``<noscript>`` notices, embeds and comments."""
    for element in soup.find_all(INERT_TAGS):
        element.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()


def absolute_links(soup: BeautifulSoup, base: str):
    """Links relative to the page (``/news/…``) as the addresses they lead to, so they survive as links."""
    if not base:
        return
    for link in soup.find_all("a", href=True):
        href = str(link["href"]).strip()
        if href and not href.lower().startswith(("#", "javascript:", "data:", "vbscript:")):
            try:
                link["href"] = urljoin(base, href)
            except ValueError:  # a malformed address ("http://[oops") stays as it was, and is dropped later
                continue


def article_html(page: str) -> BeautifulSoup:
    """The article in the page, as trafilatura finds it: its paragraphs, headings, emphasis and links."""
    extracted = trafilatura.extract(
        page,
        output_format="html",
        include_formatting=True,
        include_links=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        config=EXTRACTION_SETTINGS,
    )
    if not extracted:
        raise StoryFormatError("no article text found in the page")
    return BeautifulSoup(extracted, "html.parser")


def story_text(article: BeautifulSoup, metadata: PageMetadata) -> tuple[str, str]:
    """The article as a story file's text for the text rules: the page's headline on top (the copy
    of it the article opens with left out), then a "By" line naming the page's authors, so the rules
    can find their bios."""
    headline, description = normalise_line(metadata.headline), normalise_line(metadata.description)
    for block in article.find_all(["h1", "h2", "p"], limit=3):
        if normalise_line(block.get_text(" ")) in {headline, description}:  # the page's standfirst is the dek
            block.decompose()
    root = article.body or article
    if metadata.authors:
        byline = article.new_tag("p")
        byline.string = "By " + join_names([author.name for author in metadata.authors])
        root.insert(0, byline)
    if headline:
        title = article.new_tag("h1")
        title.string = headline
        root.insert(0, title)
    body = html_paragraphs(article)
    return body.text, body.markup


def with_metadata(story: Story, metadata: PageMetadata) -> Story:
    """The story the text rules read, with what the page says of it put first."""
    warnings = list(story.warnings)
    if metadata.is_free is False:
        warnings.append("the page marks the story as for subscribers only: check it may be republished")
    is_wire = story.source_relationship == WIRE and story.source_name
    source_name = story.source_name if is_wire or not metadata.publisher else metadata.publisher
    source_relationship = story.source_relationship if is_wire or not metadata.publisher else ORIGINAL
    copyright_notice = metadata.copyright if metadata.copyright and metadata.copyright.holder else story.copyright
    if copyright_notice is not story.copyright:
        warnings = [w for w in warnings if not w.startswith(("no copyright line", "the copyright line names no"))]
    return replace(
        story,
        dek=dek_of(metadata.description, story) or story.dek,
        authors=merged_authors(metadata.authors, story.authors),
        source_name=source_name,
        source_relationship=source_relationship,
        published=metadata.published or story.published,
        language=metadata.language or story.language,
        keywords=metadata.keywords or story.keywords,
        copyright=copyright_notice,
        guid=metadata.url or story.guid,
        warnings=tuple(warnings),
    )


def dek_of(description: str, story: Story) -> str:
    """The page's description as the dek, unless it is only the lede again (or its first words, cut off)."""
    description = normalise_line(description)
    lede = normalise_line(plain_text(story.paragraphs[0], story.markup)) if story.paragraphs else ""
    if not description or lede.startswith(description.rstrip(TRUNCATION_MARKS)):
        return ""
    return description


def merged_authors(page_authors: tuple[Author, ...], text_authors: tuple[Author, ...]) -> tuple[Author, ...]:
    """The page's authors, each with the bio and role the text gives where the page gives none; else the text's."""
    if not page_authors:
        return text_authors
    by_name = {author.name.casefold(): author for author in text_authors}
    merged = []
    for author in page_authors:
        found = by_name.get(author.name.casefold(), Author(author.name))
        merged.append(Author(author.name, author.bio or found.bio, author.role or found.role))
    return tuple(merged)

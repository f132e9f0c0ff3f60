"""The "Republish this story" box: the story as HTML another site may paste in, under its licence.

The copy keeps what the licence asks a republisher to keep — the headline, the byline, the credit,
the copyright and the licence — and links back to the story's canonical address. Images are left
out: their rights are their own, not the story's.
"""

from django.template.loader import render_to_string

from .feed_items import body_html
from .metadata import ArticleMetadata
from .xml_text import make_urls_absolute

REPUBLISHED_BLOCKS = ("paragraph", "heading", "quote")


def republication_html(article, meta: ArticleMetadata, site) -> str:
    """The HTML to copy, with absolute links; "" when the story's licence does not allow republishing it."""
    if not meta.rights.allows_republication:
        return ""
    is_first_published_elsewhere = meta.canonical_url != meta.url and meta.source is not None
    context = {
        "meta": meta,
        "body_html": body_html(article, REPUBLISHED_BLOCKS),
        "first_published_by": meta.source.name if is_first_published_elsewhere else meta.publisher.name,
    }
    html = make_urls_absolute(render_to_string("newsroom_articles/includes/republished_story.html", context), site)
    return "\n".join(line for line in html.splitlines() if line.strip())  # the includes' blank lines

"""Rich text as readers get it: Wagtail's front-end HTML, without the editor's own markers.

Wagtail's editor keeps a ``data-block-key`` on every paragraph it saves, to follow the paragraph
through comments and edits; it means nothing to readers or feed readers. Every page, bio box and
feed item renders rich text through ``reader_html``.
"""

import re

from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import RichText, expand_db_html

BLOCK_KEY_RE = re.compile(r'\sdata-block-key="[^"<>]*"')


def reader_html(value: RichText | str) -> SafeString:
    source = value.source if isinstance(value, RichText) else value or ""
    # Wagtail's expanded rich text is markup it made itself, as its own richtext filter trusts.
    return mark_safe(BLOCK_KEY_RE.sub("", expand_db_html(source)))

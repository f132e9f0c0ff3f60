import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe

from articles.feed_formats import FEED_FORMATS

register = template.Library()

# Inside <script>, "</script>" or "<!--" would end or bend the element: escape the characters.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """``data`` as a JSON-LD script element that no text inside it can break out of.

    ASCII-only JSON also escapes U+2028 and U+2029, which end a line in older JavaScript.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=True).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def html_datetime(value):
    """A date and time for a ``<time datetime>`` attribute: HTML allows at most three digits of a
    second's fraction, so the microseconds Django's "c" format prints are dropped."""
    return value.replace(microsecond=0).isoformat() if value else ""


@register.inclusion_tag("newsroom_articles/includes/feed_links.html")
def feed_links(kind, title, slug=None):
    """``<link rel="alternate">`` for each format of a feed: kind is latest, author, section or tag."""
    args = [slug] if slug else []
    return {
        "feeds": [
            (generator.media_type, f"{title} ({generator.label})", reverse(f"articles_{kind}_{name}_feed", args=args))
            for name, generator in FEED_FORMATS.items()
        ]
    }

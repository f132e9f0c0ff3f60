from django import template
from django.urls import reverse

from articles.feed_formats import FEED_FORMATS

register = template.Library()


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

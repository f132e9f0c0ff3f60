"""The syndication endpoints, one pair per format of ``SYNDICATION_FORMATS``: ``syndication/<id>.<format>``
(one article, ``newsroom_syndication:item_<format>``) and ``syndication/<feed name>`` (the partner feed,
``newsroom_syndication:feed_<format>``), the format's dots as underscores (``item_ninjs_json``,
``feed_xml``)."""

from django.urls import path

from ..syndication import SYNDICATION_FORMATS, feed_view, item_view

app_name = "newsroom_syndication"


def url_name(kind: str, format_name: str) -> str:
    return f"{kind}_{format_name.replace('.', '_')}"


urlpatterns = [
    pattern
    for format_name, syndication_format in SYNDICATION_FORMATS.items()
    for pattern in (
        path(
            f"syndication/<int:article_id>.{format_name}",
            item_view,
            {"format_name": format_name},
            name=url_name("item", format_name),
        ),
        path(
            f"syndication/{syndication_format.feed_name}",
            feed_view,
            {"format_name": format_name},
            name=url_name("feed", format_name),
        ),
    )
]

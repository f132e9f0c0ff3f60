"""The image sizes the templates show, made when a page is published rather than when read.

Wagtail creates a rendition the first time a template asks for it: a database write in a
reader's request. Publishing makes them ahead, so reading never writes: the publish names the
images and sizes (``article_renditions``, ``author_renditions``) and the task worker makes them
(``articles.tasks.make_renditions_task``), so a publish does not wait for the resizing when a worker
runs. Keep these in step with the ``{% newsroom_picture %}`` tags in the templates.
"""

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from authors.structured_data import PERSON_IMAGE_SPEC

from .credits import CreditRole
from .metadata import SHARING_IMAGE_SPEC, STRUCTURED_DATA_IMAGE_SPECS

# The responsive images the pages show (``{% newsroom_picture image "<name>" %}``): each in AVIF and
# WebP for the browsers that take them and JPEG for the others, at the widths a srcset offers.
PICTURES = {
    "article": ("format-{avif,webp,jpeg}", "width-{480,800,1200}"),  # an article's lead image
    "lead": ("format-{avif,webp,jpeg}", "fill-{480x270,960x540,1440x810}"),  # the front page's lead story
    "card": ("format-{avif,webp,jpeg}", "fill-{320x180,640x360}"),  # a story in a listing
    "body": ("format-{avif,webp,jpeg}", "width-{480,800}"),  # an image in a story's body
    # An author's photo, square, at its size and twice it for high-density screens; WebP and JPEG
    # only, as AVIF saves little on images this small and costs the most to make:
    "portrait": ("format-{webp,jpeg}", "fill-{160x160,320x320}"),  # the author's page
    "bio": ("format-{webp,jpeg}", "fill-{96x96,192x192}"),  # the bio box under a story
    "avatar": ("format-{webp,jpeg}", "fill-{64x64,128x128}"),  # the byline, the authors index
}


def picture_specs(name: str) -> list[str]:
    """Every rendition a picture is made of, as Wagtail's ``{% picture %}`` expands its filters."""
    return Filter.expand_spec(list(PICTURES[name]))


FEED_IMAGE_SPEC = "width-800"  # an image in a story's body as feeds carry it: one <img>, in its own format
LEAD_IMAGE_SPECS = (
    SHARING_IMAGE_SPEC,
    *STRUCTURED_DATA_IMAGE_SPECS,
    *picture_specs("article"),
    *picture_specs("lead"),
    *picture_specs("card"),
)
BODY_IMAGE_SPECS = (FEED_IMAGE_SPEC, *picture_specs("body"))
AUTHOR_PHOTO_SPECS = tuple(
    dict.fromkeys([*picture_specs("portrait"), *picture_specs("bio"), *picture_specs("avatar"), PERSON_IMAGE_SPEC])
)  # the JSON-LD's Person image is the portrait's largest JPEG: named here too, lest the two drift apart


def article_renditions(article) -> list[tuple[int, list[str]]]:
    """(image id, filter specs) for every image the article's page shows: lead, body, bylines' photos."""
    wanted = {}
    if article.lead_image_id:
        wanted.setdefault(article.lead_image_id, []).extend(LEAD_IMAGE_SPECS)
    for block in article.body:
        if block.block_type == "image" and block.value["image"]:
            wanted.setdefault(block.value["image"].pk, []).extend(BODY_IMAGE_SPECS)
    for credit in article.credits.filter(role=CreditRole.WRITER).select_related("author"):
        for image_id, specs in author_renditions(credit.author):
            wanted.setdefault(image_id, []).extend(specs)
    return [(image_id, list(dict.fromkeys(specs))) for image_id, specs in wanted.items()]


def author_renditions(author) -> list[tuple[int, list[str]]]:
    return [(author.photo_id, list(AUTHOR_PHOTO_SPECS))] if author.photo_id else []


def make_renditions(wanted):
    """Make the renditions ``wanted`` names (image id, filter specs); an image deleted since is skipped."""
    images = get_image_model().objects.in_bulk([image_id for image_id, _ in wanted])
    for image_id, specs in wanted:
        if image := images.get(image_id):
            image.get_renditions(*specs)

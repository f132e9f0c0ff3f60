"""The image sizes the templates show, made when a page is published rather than when read.

Wagtail creates a rendition the first time a template asks for it: a database write in a
reader's request. Publishing makes them ahead, so reading never writes: the publish names the
images and sizes (``article_renditions``, ``author_renditions``) and the task worker makes them
(``articles.tasks.make_renditions_task``), so a publish does not wait for the resizing when a worker
runs. Keep these in step with the ``{% image %}`` tags in the templates.
"""

from wagtail.images import get_image_model

LEAD_IMAGE_SPECS = ("width-1200", "fill-320x180", "fill-960x540")  # article page and social cards; cards; the lead
BODY_IMAGE_SPECS = ("width-800",)
AUTHOR_PHOTO_SPECS = ("fill-96x96", "fill-160x160", "fill-64x64")  # bio box, author page, authors index


def article_renditions(article) -> list[tuple[int, list[str]]]:
    """(image id, filter specs) for every image the article's page shows: lead, body, bylines' photos."""
    wanted = {}
    if article.lead_image_id:
        wanted.setdefault(article.lead_image_id, []).extend(LEAD_IMAGE_SPECS)
    for block in article.body:
        if block.block_type == "image" and block.value["image"]:
            wanted.setdefault(block.value["image"].pk, []).extend(BODY_IMAGE_SPECS)
    for byline in article.authors.select_related("author"):
        for image_id, specs in author_renditions(byline.author):
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

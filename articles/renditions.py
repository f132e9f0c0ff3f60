"""The image sizes the templates show, made when a page is published rather than when read.

Wagtail creates a rendition the first time a template asks for it: a database write in a
reader's request. Publishing makes them ahead, so reading never writes. Keep these in step
with the ``{% image %}`` tags in the templates.
"""

LEAD_IMAGE_SPECS = ("width-1200", "fill-320x180")  # article page and social cards; listing cards
BODY_IMAGE_SPECS = ("width-800",)
AUTHOR_PHOTO_SPECS = ("fill-96x96", "fill-160x160", "fill-64x64")  # bio box, author page, authors index


def prepare_article_renditions(article):
    if article.lead_image:
        article.lead_image.get_renditions(*LEAD_IMAGE_SPECS)
    for block in article.body:
        if block.block_type == "image":
            block.value["image"].get_renditions(*BODY_IMAGE_SPECS)
    for byline in article.authors.select_related("author__photo"):
        prepare_author_renditions(byline.author)


def prepare_author_renditions(author):
    if author.photo:
        author.photo.get_renditions(*AUTHOR_PHOTO_SPECS)

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .metadata import credit_line, image_caption

PARAGRAPH_FEATURES = ["bold", "italic", "link"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "newsroom_articles/blocks/quote.html"


class ImageBlockValue(blocks.StructValue):
    @property
    def credit_line(self):
        """The credit readers see: the block's own, else the image's (``articles.metadata.credit_line``)."""
        return credit_line(self["image"], self["credit"]) if self["image"] else ""

    @property
    def caption_line(self):
        return image_caption(self["image"], self["caption"]) if self["image"] else ""


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False, help_text=_("Leave empty to use the image's own credit line."))

    class Meta:
        icon = "image"
        template = "newsroom_articles/blocks/image.html"
        value_class = ImageBlockValue


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="newsroom_articles/blocks/paragraph.html")
    heading = blocks.CharBlock(
        max_length=200,
        form_classname="title",
        icon="title",
        template="newsroom_articles/blocks/heading.html",
        help_text=_("A subheading that breaks a long story into parts."),
    )
    quote = QuoteBlock()
    image = ImageBlock()

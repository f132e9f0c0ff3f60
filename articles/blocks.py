from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "newsroom_articles/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "newsroom_articles/blocks/image.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="newsroom_articles/blocks/paragraph.html")
    heading = blocks.CharBlock(
        max_length=200,
        form_classname="title",
        icon="title",
        template="newsroom_articles/blocks/heading.html",
        help_text="A subheading that breaks a long story into parts.",
    )
    quote = QuoteBlock()
    image = ImageBlock()

"""Lead images and the publisher's logo are images of the site's image model, Newsroom's with their credits on this site
(``newsroom_core`` 0001 brought Wagtail's images over under the same ids); an article's caption and
credit, and a body image's credit, say that empty uses the image's own."""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom_articles', '0019_embargo_and_withdrawals'),
        migrations.swappable_dependency(settings.WAGTAILIMAGES_IMAGE_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='lead_image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAILIMAGES_IMAGE_MODEL),
        ),
        migrations.AlterField(
            model_name='newsroomsettings',
            name='logo',
            field=models.ForeignKey(blank=True, help_text="The publisher's logo, shown by feed readers and search engines.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAILIMAGES_IMAGE_MODEL),
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='body',
            field=wagtail.fields.StreamField([('paragraph', 0), ('heading', 1), ('quote', 4), ('image', 7)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'template': 'newsroom_articles/blocks/paragraph.html'}), 1: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'help_text': 'A subheading that breaks a long story into parts.', 'icon': 'title', 'max_length': 200, 'template': 'newsroom_articles/blocks/heading.html'}), 2: ('wagtail.blocks.TextBlock', (), {}), 3: ('wagtail.blocks.CharBlock', (), {'required': False}), 4: ('wagtail.blocks.StructBlock', [[('text', 2), ('attribution', 3)]], {}), 5: ('wagtail.images.blocks.ImageChooserBlock', (), {}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the image's own credit line.", 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 5), ('caption', 3), ('credit', 6)]], {})}),
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='lead_image_caption',
            field=models.CharField(blank=True, help_text="Leave empty to use the image's own description.", max_length=300, verbose_name='caption'),
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='lead_image_credit',
            field=models.CharField(blank=True, help_text="Leave empty to use the image's own credit line.", max_length=200, verbose_name='credit'),
        ),
    ]

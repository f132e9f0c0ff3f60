"""Authors' photos are images of the site's image model, Newsroom's with their credits on this site
(``newsroom_core`` 0001 brought Wagtail's images over under the same ids)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom_authors', '0002_name_skeleton'),
        migrations.swappable_dependency(settings.WAGTAILIMAGES_IMAGE_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='authorpage',
            name='photo',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAILIMAGES_IMAGE_MODEL),
        ),
    ]

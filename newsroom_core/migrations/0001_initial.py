"""Newsroom's image model, and the images of a site that had Wagtail's own, copied into it."""

import django.db.models.deletion
import modelsearch.index
import newsroom_core.models
import taggit.managers
import wagtail.images.models
import wagtail.models.media
from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations, models

IMAGE_FIELDS_COPIED = (
    "id", "title", "file", "description", "width", "height", "created_at", "focal_point_x", "focal_point_y",
    "focal_point_width", "focal_point_height", "file_size", "file_hash", "collection_id", "uploaded_by_user_id",
)
RENDITION_FIELDS_COPIED = ("filter_spec", "file", "width", "height", "focal_point_key", "image_id")


def copy_wagtails_images(apps, schema_editor):
    """When this site moves from Wagtail's image model to Newsroom's, every image comes along under
    its own id, so that each lead image, author's photo, logo and body image (a StreamField holds
    ids) still points at it; with its file (the same one: nothing is copied in storage), renditions
    and tags. Wagtail's rows stay, unused, so moving back loses nothing uploaded before."""
    if settings.WAGTAILIMAGES_IMAGE_MODEL.lower() != "newsroom_core.newsroomimage":
        return
    OldImage, OldRendition = apps.get_model("wagtailimages", "Image"), apps.get_model("wagtailimages", "Rendition")
    NewImage, NewRendition = apps.get_model("newsroom_core", "NewsroomImage"), apps.get_model("newsroom_core", "NewsroomRendition")
    NewImage.objects.bulk_create(
        (NewImage(**row) for row in OldImage.objects.values(*IMAGE_FIELDS_COPIED).iterator()), batch_size=500
    )
    NewRendition.objects.bulk_create(
        (NewRendition(**row) for row in OldRendition.objects.values(*RENDITION_FIELDS_COPIED).iterator()),
        batch_size=500,
    )
    ContentType, TaggedItem = apps.get_model("contenttypes", "ContentType"), apps.get_model("taggit", "TaggedItem")
    old_type = ContentType.objects.filter(app_label="wagtailimages", model="image").first()
    if old_type is not None:
        new_type, _ = ContentType.objects.get_or_create(app_label="newsroom_core", model="newsroomimage")
        TaggedItem.objects.bulk_create(
            TaggedItem(tag_id=tag_id, object_id=object_id, content_type=new_type)
            for tag_id, object_id in TaggedItem.objects.filter(content_type=old_type).values_list("tag_id", "object_id")
        )
    # Rows written with their ids: the next image must not be given one of them (PostgreSQL's sequence).
    with schema_editor.connection.cursor() as cursor:
        for statement in schema_editor.connection.ops.sequence_reset_sql(no_style(), [NewImage, NewRendition]):
            cursor.execute(statement)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NewsroomImage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('file', wagtail.images.models.WagtailImageField(height_field='height', upload_to=wagtail.images.models.get_upload_to, verbose_name='file', width_field='width')),
                ('description', models.CharField(blank=True, default='', max_length=255, verbose_name='description')),
                ('width', models.IntegerField(editable=False, verbose_name='width')),
                ('height', models.IntegerField(editable=False, verbose_name='height')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='created at')),
                ('focal_point_x', models.PositiveIntegerField(blank=True, null=True)),
                ('focal_point_y', models.PositiveIntegerField(blank=True, null=True)),
                ('focal_point_width', models.PositiveIntegerField(blank=True, null=True)),
                ('focal_point_height', models.PositiveIntegerField(blank=True, null=True)),
                ('file_size', models.PositiveIntegerField(editable=False, null=True)),
                ('file_hash', models.CharField(blank=True, db_index=True, editable=False, max_length=40)),
                ('credit', models.CharField(blank=True, help_text='As readers see it under the photo: "Jane Doe/Reuters". An article may override it.', max_length=255, verbose_name='credit line')),
                ('creator', models.CharField(blank=True, help_text='Who took it, or made it.', max_length=255, verbose_name='photographer')),
                ('copyright_notice', models.CharField(blank=True, help_text='"© 2026 Reuters". Empty: the photo\'s credit stands alone.', max_length=500)),
                ('source', models.CharField(blank=True, help_text='Who supplied it: an agency, a pool, a reader.', max_length=255)),
                ('licence_url', newsroom_core.models.WebAddressField(blank=True, help_text='The address of its licence, or of a page stating its rights.', max_length=500, verbose_name='licence')),
                ('acquire_licence_url', newsroom_core.models.WebAddressField(blank=True, help_text='The page where others can license the photo.', max_length=500, verbose_name='where to license it')),
                ('collection', models.ForeignKey(default=wagtail.models.media.get_root_collection_id, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.collection', verbose_name='collection')),
                ('tags', taggit.managers.TaggableManager(blank=True, help_text=None, through='taggit.TaggedItem', to='taggit.Tag', verbose_name='tags')),
                ('uploaded_by_user', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='uploaded by user')),
            ],
            options={
                'verbose_name': 'image',
                'verbose_name_plural': 'images',
                'abstract': False,
            },
            bases=(wagtail.images.models.ImageFileMixin, modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='NewsroomRendition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('filter_spec', models.CharField(db_index=True, max_length=255)),
                ('file', wagtail.images.models.WagtailImageField(height_field='height', storage=wagtail.images.models.get_rendition_storage, upload_to=wagtail.images.models.get_rendition_upload_to, width_field='width')),
                ('width', models.IntegerField(editable=False)),
                ('height', models.IntegerField(editable=False)),
                ('focal_point_key', models.CharField(blank=True, default='', editable=False, max_length=16)),
                ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='renditions', to='newsroom_core.newsroomimage')),
            ],
            options={
                'unique_together': {('image', 'filter_spec', 'focal_point_key')},
            },
            bases=(wagtail.images.models.ImageFileMixin, models.Model),
        ),
        migrations.RunPython(copy_wagtails_images, migrations.RunPython.noop),
    ]

from django.db import migrations, models

from newsroom_core.names import name_skeleton


def fill_name_skeletons(apps, schema_editor):
    AuthorPage = apps.get_model("newsroom_authors", "AuthorPage")
    for author in AuthorPage.objects.only("pk", "title"):
        AuthorPage.objects.filter(pk=author.pk).update(name_skeleton=name_skeleton(author.title))


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom_authors", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="authorpage",
            name="name_skeleton",
            field=models.CharField(
                db_index=True,
                default="",
                editable=False,
                help_text="What the name looks like (Unicode's confusables), to tell look-alike names apart.",
                max_length=255,
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_name_skeletons, migrations.RunPython.noop),
    ]

import uuid

from django.db import migrations, models


def give_the_version_a_shared_token(apps, schema_editor):
    apps.get_model("newsroom_articles", "ContentVersion").objects.update(shared_token=uuid.uuid4().hex)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom_articles", "0012_import_jobs"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="shared_token",
            field=models.CharField(
                blank=True,
                help_text="New whenever something every article shows beside its own revision changes: author "
                "pages, sections, outlets, copyright notices, settings, corrections, images, sites, privacy.",
                max_length=32,
            ),
        ),
        migrations.RunPython(give_the_version_a_shared_token, migrations.RunPython.noop),
    ]

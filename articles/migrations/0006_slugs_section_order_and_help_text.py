from django.db import migrations, models
from django.utils.text import slugify

SLUG_HELP = "Used in the address; made from the name when left empty."


def give_outlets_slugs_and_sections_an_order(apps, schema_editor):
    Outlet = apps.get_model("newsroom_articles", "Outlet")
    taken = set()
    for outlet in Outlet.objects.order_by("pk"):
        base = slugify(outlet.name, allow_unicode=True)[:96].strip("-") or "outlet"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        Outlet.objects.filter(pk=outlet.pk).update(slug=slug)
    Section = apps.get_model("newsroom_articles", "Section")
    for position, section in enumerate(Section.objects.order_by("name")):
        Section.objects.filter(pk=section.pk).update(sort_order=position)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom_articles", "0005_corrections_approval_and_confirmed_credit"),
    ]

    operations = [
        migrations.AddField(
            model_name="outlet",
            name="slug",
            # No index yet: the unique one below makes its own (on PostgreSQL two would share a name).
            field=models.SlugField(
                allow_unicode=True, blank=True, db_index=False, default="", max_length=100, help_text=SLUG_HELP
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="section",
            name="sort_order",
            field=models.IntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(give_outlets_slugs_and_sections_an_order, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outlet",
            name="slug",
            field=models.SlugField(allow_unicode=True, blank=True, max_length=100, unique=True, help_text=SLUG_HELP),
        ),
        migrations.AlterField(
            model_name="section",
            name="slug",
            field=models.SlugField(allow_unicode=True, blank=True, max_length=100, unique=True, help_text=SLUG_HELP),
        ),
        migrations.AlterModelOptions(
            name="section",
            options={"ordering": ["sort_order", "name"]},
        ),
        migrations.AlterField(
            model_name="articlepage",
            name="is_headline_proposed",
            field=models.BooleanField(
                default=False,
                help_text="Ticked by the importer when a story file has no headline and one is drawn from the lede: "
                "review the headline, then untick this.",
                verbose_name="headline proposed by the importer",
            ),
        ),
    ]

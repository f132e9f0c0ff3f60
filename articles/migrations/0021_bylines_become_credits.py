"""An article's byline authors become its credits, each in a role: every byline author a writer, in the
same order. The table is renamed, not copied, so no byline is lost; the revisions (drafts, scheduled
and past versions) name the relation ``credits`` too, or a draft's byline would read as the live one,
and so do Wagtail's references from articles to author pages (the admin's "Usage" of an author)."""

import uuid

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

BATCH = 500
# Wagtail's ReferenceIndex._get_content_path_hash, which a migration's historical model lacks.
CONTENT_PATH_NAMESPACE = uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86")


def article_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    article_type = ContentType.objects.filter(app_label="newsroom_articles", model="articlepage").first()
    if article_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type_id=article_type.pk)


def rewrite_revisions(apps, rewrite):
    Revision = apps.get_model("wagtailcore", "Revision")
    changed = []
    for revision in article_revisions(apps).only("pk", "content").iterator(chunk_size=BATCH):
        if rewrite(revision.content):
            changed.append(revision)
        if len(changed) == BATCH:
            Revision.objects.bulk_update(changed, ["content"])
            changed = []
    Revision.objects.bulk_update(changed, ["content"])


def bylines_to_writer_credits(content):
    if "authors" not in content:
        return False
    content["credits"] = [{**byline, "role": "writer"} for byline in content.pop("authors")]
    return True


def writer_credits_to_bylines(content):
    if "credits" not in content:
        return False
    credits = content.pop("credits")
    content["authors"] = [
        {key: value for key, value in credit.items() if key != "role"}
        for credit in credits
        if credit.get("role") == "writer"
    ]
    return True


def rename_references(apps, old: str, new: str):
    """The reference index's paths through the article's relation ``old`` go through ``new``."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    article_type = ContentType.objects.filter(app_label="newsroom_articles", model="articlepage").first()
    if article_type is None:
        return
    references = ReferenceIndex.objects.filter(content_type_id=article_type.pk, model_path__startswith=f"{old}.")
    for reference in references.iterator(chunk_size=BATCH):
        reference.model_path = new + reference.model_path.removeprefix(old)
        reference.content_path = new + reference.content_path.removeprefix(old)
        reference.content_path_hash = uuid.uuid5(CONTENT_PATH_NAMESPACE, reference.content_path)
        reference.save(update_fields=["model_path", "content_path", "content_path_hash"])


def forwards(apps, schema_editor):
    rewrite_revisions(apps, bylines_to_writer_credits)
    rename_references(apps, "authors", "credits")


def backwards(apps, schema_editor):
    """Back to bylines: the writers stay; the other credits have nowhere to go."""
    apps.get_model("newsroom_articles", "ArticleCredit").objects.exclude(role="writer").delete()
    rewrite_revisions(apps, writer_credits_to_bylines)
    rename_references(apps, "credits", "authors")


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom_articles", "0020_images_with_credits"),
        ("newsroom_authors", "0003_photo_with_credits"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="articlepageauthor", name="unique_byline_author"),
        migrations.RenameModel(old_name="ArticlePageAuthor", new_name="ArticleCredit"),
        migrations.AlterField(
            model_name="articlecredit",
            name="author",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="credits",
                to="newsroom_authors.authorpage",
                verbose_name="person",
            ),
        ),
        migrations.AlterField(
            model_name="articlecredit",
            name="page",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="credits",
                to="newsroom_articles.articlepage",
            ),
        ),
        migrations.AddField(
            model_name="articlecredit",
            name="role",
            field=models.CharField(
                choices=[
                    ("writer", "Writer (in the byline)"),
                    ("additional-reporting", "Additional reporting"),
                    ("contributing", "Contributed to the report"),
                    ("research", "Research"),
                    ("photography", "Photography"),
                    ("video", "Video"),
                    ("graphics", "Graphics"),
                    ("editing", "Editing"),
                    ("translation", "Translation"),
                    ("review", "Review"),
                ],
                default="writer",
                max_length=30,
            ),
        ),
        migrations.AlterModelOptions(
            name="articlecredit",
            options={"ordering": ["sort_order", "pk"], "verbose_name": "credit"},
        ),
        migrations.AddConstraint(
            model_name="articlecredit",
            constraint=models.UniqueConstraint(fields=("page", "author", "role"), name="unique_article_credit"),
        ),
        migrations.RunPython(forwards, backwards),
    ]

from django.db import migrations
from django.utils import timezone


def create_the_content_version(apps, schema_editor):
    """The one row readers' caches and feeds take their version from (a site that has served a
    request since 0002 has it already), with the expiries and go-live times already set."""
    ContentVersion = apps.get_model("newsroom_articles", "ContentVersion")
    if ContentVersion.objects.exists():
        return
    now = timezone.now()
    Page, Revision = apps.get_model("wagtailcore", "Page"), apps.get_model("wagtailcore", "Revision")
    expiries = Page.objects.filter(live=True, expire_at__gt=now).values_list("expire_at", flat=True)
    go_lives = Revision.objects.filter(approved_go_live_at__gt=now).values_list("approved_go_live_at", flat=True)
    upcoming = [time.isoformat() for time in sorted({*expiries, *go_lives})[:100]]
    ContentVersion.objects.create(upcoming_changes=upcoming)


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom_articles', '0010_originally_published_at'),
    ]

    operations = [
        migrations.RunPython(create_the_content_version, migrations.RunPython.noop),
    ]

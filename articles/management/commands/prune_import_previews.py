from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from articles.staging import PREVIEW_MAX_AGE, remove_expired_previews


class Command(BaseCommand):
    @property
    def help(self):
        # argparse rewraps the description with re, which takes a str, not a lazy translation
        return gettext(
            "Remove the admin import's previews older than an hour (the files an editor previewed and "
            "never imported, with their text). Run it with publish_scheduled; a new preview also removes them."
        )

    def handle(self, *args, **options):
        removed = remove_expired_previews()
        self.stdout.write(f"removed {removed} import preview(s) older than {PREVIEW_MAX_AGE}")

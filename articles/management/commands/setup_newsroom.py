from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from articles.site_setup import SetupError, create_local_admin, setup_newsroom


class Command(BaseCommand):
    @property
    def help(self):
        # argparse rewraps the description with re, which takes a str, not a lazy translation
        return gettext("Create the newsroom's page tree and site settings where missing (safe to run again).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-name",
            help=gettext("Names a new site's home page and the default copyright holder (default: WAGTAIL_SITE_NAME)."),
        )
        parser.add_argument(
            "--site-url",
            help=gettext("The site's public address, e.g. https://news.example.com: absolute links in feeds use it."),
        )
        parser.add_argument(
            "--sections",
            metavar="NAMES",
            default="",
            help=gettext(
                'Comma-separated sections to create where missing, e.g. "World, Politics, Sport" '
                "(a new newsroom starts with a few anyway)."
            ),
        )
        parser.add_argument(
            "--local-admin",
            action="store_true",
            help=gettext(
                "Also create or reset the 'admin' superuser with a new random password and print it. "
                "Only with DEBUG on: it is for trying the site on your own machine."
            ),
        )

    def handle(self, *args, site_name=None, site_url=None, sections="", local_admin=False, **options):
        if local_admin and not settings.DEBUG:
            raise CommandError("--local-admin is for local use and needs DEBUG=1.")
        try:
            names = [name.strip() for name in sections.split(",") if name.strip()]
            done = setup_newsroom(site_name=site_name, site_url=site_url, sections=names)
        except SetupError as error:
            raise CommandError(f"Newsroom is not set up: {error}.") from error
        for line in done:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS("Newsroom is set up." if done else "Newsroom was already set up."))
        if local_admin:
            username, password = create_local_admin()
            self.stdout.write(
                self.style.WARNING(f"Admin login (local use only): user {username!r}, password {password!r}")
            )

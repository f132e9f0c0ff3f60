from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from taggit.models import Tag
from wagtail.models import Site

from articles.feed_checks import check_feed
from articles.feed_formats import FEED_FORMATS
from articles.models import ArticlePage, Section
from articles.urls.feeds import feed_url
from authors.models import AuthorPage


class Command(BaseCommand):
    help = "Fetch every feed of every site and check it is valid; exit non-zero listing the problems."

    def handle(self, *args, **options):
        failures = 0
        for site in Site.objects.select_related("root_page"):
            client = Client(HTTP_HOST=site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}")
            for url in feed_urls(site):
                response = client.get(url, secure=site.port == 443)
                problems = [f"HTTP {response.status_code}"] if response.status_code != 200 else []
                problems = problems or check_feed(response.content, response["Content-Type"])
                if problems:
                    failures += 1
                    self.stderr.write(self.style.ERROR(f"{site.root_url}{url}"))
                    for problem in problems:
                        self.stderr.write(f"  {problem}")
                else:
                    self.stdout.write(f"ok {site.root_url}{url}")
        if failures:
            raise CommandError(f"{failures} feed(s) have problems.")
        self.stdout.write(self.style.SUCCESS("All feeds are valid."))


def feed_urls(site):
    """Every feed a reader of ``site`` can subscribe to, in every format."""
    articles = ArticlePage.objects.visible_to_readers().in_site(site)
    authors = AuthorPage.objects.live().public().in_site(site)
    tags = Tag.objects.filter(articlepage__in=articles).distinct()
    subjects = [("latest", None)]
    subjects += [("author", slug) for slug in authors.values_list("slug", flat=True)]
    subjects += [("section", slug) for slug in Section.objects.values_list("slug", flat=True)]
    subjects += [("tag", slug) for slug in tags.values_list("slug", flat=True)]
    for kind, slug in subjects:
        for format_name in FEED_FORMATS:
            yield feed_url(kind, format_name, slug)

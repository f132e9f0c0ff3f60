import io
from urllib.parse import unquote_to_bytes

from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.core.management.base import BaseCommand, CommandError
from django.http import HttpResponse
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import Site

from articles.feed_checks import check_feed, check_hub_discovery
from articles.feed_formats import FEED_FORMATS
from articles.models import ArticlePage, Section
from articles.urls.feeds import feed_url
from articles.websub import hub_urls
from authors.models import AuthorPage


class Command(BaseCommand):
    @property
    def help(self):
        # argparse rewraps the description with re, which takes a str, not a lazy translation
        return gettext("Fetch every feed of every site and check it is valid; exit non-zero listing the problems.")

    def handle(self, *args, **options):
        failures, hubs = 0, hub_urls()
        handler = BaseHandler()
        handler.load_middleware()
        for site in Site.objects.select_related("root_page"):
            for url in feed_urls(site):
                response = render_feed(handler, site, url)
                if response.status_code != 200:
                    problems = [f"HTTP {response.status_code}"]
                else:
                    problems = check_feed(response.content, response["Content-Type"])
                    if hubs:
                        link = response.get("Link", "")
                        problems += check_hub_discovery(response.content, response["Content-Type"], link, hubs)
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


def render_feed(handler: BaseHandler, site, path) -> HttpResponse:
    """The feed at ``path`` as a reader of ``site`` gets it: the request goes through the site's
    middleware and URLs in this process, as a WSGI server would hand it over, but without the
    request signals (they would close the database connection the command is using)."""
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            "PATH_INFO": unquote_to_bytes(path).decode("iso-8859-1"),  # as a WSGI server passes it on
            "HTTP_HOST": host,
            "SERVER_NAME": site.hostname,
            "SERVER_PORT": str(site.port),
            "wsgi.url_scheme": "https" if site.port == 443 else "http",
            "wsgi.input": io.BytesIO(),
        }
    )
    return handler.get_response(request)

"""Making a database ready for the newsroom: the page tree, the site and its settings."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page, Site

from authors.models import AuthorIndexPage

from .models import CopyrightNotice, NewsIndexPage, NewsroomSettings

LOCAL_ADMIN_USERNAME = "admin"


@transaction.atomic
def setup_newsroom(site_name=None, site_url=None) -> list[str]:
    """Create what is missing — news index as the site root, authors index, default copyright.

    ``site_url`` ("https://news.example.com") sets the default site's host name and port, from
    which every absolute link in feeds and metadata is built. Idempotent: run it on every
    deploy; it reports only what it created or changed.
    """
    site_name = site_name or settings.WAGTAIL_SITE_NAME
    done = []
    site = Site.objects.filter(is_default_site=True).first()
    news_index = NewsIndexPage.objects.first()
    if news_index is None:
        news_index = Page.get_first_root_node().add_child(instance=NewsIndexPage(title=site_name, slug="news"))
        done.append(f"created the news index {news_index.title!r}")
    if site is None:
        site = Site.objects.create(
            hostname="localhost", root_page=news_index, is_default_site=True, site_name=site_name
        )
        done.append("created the default site")
    elif site.root_page_id != news_index.pk:
        old_root = site.root_page
        site.root_page = news_index
        site.site_name = site.site_name or site_name
        site.save()
        done.append("made the news index the default site's home page")
        if is_wagtail_welcome_page(old_root):
            old_root.delete()
            done.append("removed Wagtail's placeholder welcome page")

    if site_url and site.root_url != site_url.rstrip("/"):
        parts = urlsplit(site_url)
        site.hostname = parts.hostname
        site.port = parts.port or (443 if parts.scheme == "https" else 80)
        site.save()
        done.append(f"set the default site's address to {site.root_url}")

    if not AuthorIndexPage.objects.descendant_of(news_index).exists():
        news_index.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
        done.append("created the authors index")

    newsroom_settings = NewsroomSettings.for_site(site)
    if newsroom_settings.copyright_notice is None:
        newsroom_settings.copyright_notice, _ = CopyrightNotice.objects.get_or_create(
            holder=site_name, year=None, statement="All rights reserved."
        )
        newsroom_settings.save()
        done.append(f"set the site's default copyright notice: {newsroom_settings.copyright_notice}")
    return done


def is_wagtail_welcome_page(page):
    """The plain page Wagtail's first migration creates, with nothing under it."""
    return page.specific_class is Page and page.depth == 2 and not page.get_children().exists()


def create_local_admin() -> tuple[str, str]:
    """A superuser with a new random password, for trying the site on one's own machine."""
    password = secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(
        username=LOCAL_ADMIN_USERNAME, defaults={"email": "admin@localhost"}
    )
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return LOCAL_ADMIN_USERNAME, password

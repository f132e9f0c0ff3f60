"""Making a database ready for the newsroom: the page tree, the site, its settings and its roles."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page, Site

from authors.models import AuthorIndexPage

from .models import CopyrightNotice, NewsIndexPage, NewsroomSettings, Section
from .roles import setup_roles
from .site_languages import add_languages

LOCAL_ADMIN_USERNAME = "admin"


class SetupError(Exception):
    """The page tree does not let the news index be placed: the message says what to do."""


NEWS_SECTION_TITLE, NEWS_INDEX_SLUG = "News", "news"
# A new newsroom starts with these sections, for editors to rename, reorder or delete.
STARTER_SECTIONS = ("World", "Politics", "Business", "Science", "Culture", "Sport")


@transaction.atomic
def setup_newsroom(site_name=None, site_url=None, sections=()) -> list[str]:
    """Create what is missing — the news index, the authors index under it, their translations into
    each content language (``articles.site_languages``), default copyright, and ``sections``
    (names) that do not exist yet; a new news index comes with starter sections.

    On a new site (no pages but Wagtail's welcome page) the news index becomes the home page. On
    a site with a home page of its own — Newsroom added to an existing Wagtail site — the news
    index goes under that home page, at ``/news/``. ``site_url`` ("https://news.example.com")
    sets the default site's host name and port, from which every absolute link in feeds and
    metadata is built. Idempotent: run it on every deploy; it reports only what it created or
    changed.
    """
    site_name = site_name or settings.WAGTAIL_SITE_NAME
    done = []
    site = Site.objects.filter(is_default_site=True).first()
    is_new_site = site is None or is_wagtail_welcome_page(site.root_page)
    news_index = (NewsIndexPage.objects if is_new_site else NewsIndexPage.objects.in_site(site)).first()
    if news_index is None:
        news_index = add_news_index(
            parent=Page.get_first_root_node() if is_new_site else site.root_page.specific,
            title=site_name if is_new_site else NEWS_SECTION_TITLE,
        )
        where = "" if is_new_site else f" under the home page {site.root_page.title!r}"
        done.append(f"created the news index {news_index.title!r}{where}")
        if not Section.objects.exists():
            sections = (*STARTER_SECTIONS, *sections)
    if site is None:
        site = Site.objects.create(
            hostname="localhost", root_page=news_index, is_default_site=True, site_name=site_name
        )
        done.append("created the default site")
    elif is_new_site:
        old_root = site.root_page
        site.root_page = news_index
        site.site_name = site.site_name or site_name
        site.save()
        old_root.delete()
        done += ["made the news index the default site's home page", "removed Wagtail's placeholder welcome page"]

    done += set_site_address(site, site_url)
    if not AuthorIndexPage.objects.descendant_of(news_index).exists():
        news_index.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
        done.append("created the authors index")

    done += add_languages(news_index)
    done += setup_roles(news_index)
    done += [f"created the section {name!r}" for name in sections if add_section(name)]
    done += set_default_copyright(site, site_name)
    return done


def set_site_address(site, site_url) -> list[str]:
    """Point ``site`` at ``site_url`` ("https://news.example.com") unless it is there already."""
    if not site_url or site.root_url == site_url.rstrip("/"):
        return []
    parts = urlsplit(site_url)
    site.hostname = parts.hostname
    site.port = parts.port or (443 if parts.scheme == "https" else 80)
    site.save()
    return [f"set the default site's address to {site.root_url}"]


def set_default_copyright(site, site_name) -> list[str]:
    """A copyright notice in the site's name for ``site``, where it has none."""
    newsroom_settings = NewsroomSettings.for_site(site)
    if newsroom_settings.copyright_notice is not None:
        return []
    newsroom_settings.copyright_notice, _ = CopyrightNotice.objects.get_or_create(
        holder=site_name, year=None, statement="All rights reserved."
    )
    newsroom_settings.save()
    return [f"set the site's default copyright notice: {newsroom_settings.copyright_notice}"]


def add_section(name) -> bool:
    """Create the section ``name`` unless one of that name exists (ignoring case); whether it did."""
    if Section.objects.filter(name__iexact=name).exists():
        return False
    Section.objects.create(name=name)
    return True


def add_news_index(parent, title):
    if not NewsIndexPage.can_create_at(parent):
        raise SetupError(
            f"a news index may not go under {parent.title!r} ({parent.specific_class._meta.label}): "
            "allow it in NEWSROOM_NEWS_INDEX_PARENT_PAGE_TYPES and that page type's subpage_types, "
            "or add a news index page in the admin"
        )
    if parent.get_children().filter(slug=NEWS_INDEX_SLUG).exists():
        raise SetupError(
            f"{parent.title!r} already has a page at '{NEWS_INDEX_SLUG}/': add a news index page "
            "elsewhere in the admin, then run setup_newsroom again"
        )
    return parent.add_child(instance=NewsIndexPage(title=title, slug=NEWS_INDEX_SLUG))


def is_wagtail_welcome_page(page):
    """The plain page Wagtail's first migration creates, never edited, with nothing under it."""
    return (
        page.specific_class is Page
        and page.depth == 2
        and page.latest_revision_id is None
        and not page.get_children().exists()
    )


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

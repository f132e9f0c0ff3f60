"""Making a database ready for the newsroom: the page tree, the site and its settings."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from authors.models import AuthorIndexPage

from .models import ArticleApprovalTask, CopyrightNotice, NewsIndexPage, NewsroomSettings, Section

LOCAL_ADMIN_USERNAME = "admin"
REPORTERS, EDITORS = "Reporters", "Editors"
WORKFLOW_NAME = "Newsroom moderation"
# What each role may do: on the news and authors pages, on images and documents, and by model.
ROLES = {
    REPORTERS: {
        "pages": ["add_page", "change_page"],
        "collections": ["add_image", "choose_image", "add_document", "choose_document"],
        "models": [
            "wagtailadmin.access_admin",
            "newsroom_articles.view_section",
            "newsroom_articles.view_outlet",
            "newsroom_articles.add_outlet",
            "newsroom_articles.view_copyrightnotice",
            "newsroom_articles.view_correction",
        ],
    },
    EDITORS: {
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collections": [
            "add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document",
        ],
        "models": [
            "wagtailadmin.access_admin",
            *(
                f"newsroom_articles.{action}_{model}"
                for model in ("section", "outlet", "copyrightnotice", "correction")
                for action in ("add", "change", "delete", "view")
            ),
            "newsroom_articles.change_newsroomsettings",
        ],
    },
}  # fmt: skip


class SetupError(Exception):
    """The page tree does not let the news index be placed: the message says what to do."""


NEWS_SECTION_TITLE, NEWS_INDEX_SLUG = "News", "news"
# A new newsroom starts with these sections, for editors to rename, reorder or delete.
STARTER_SECTIONS = ("World", "Politics", "Business", "Science", "Culture", "Sport")


@transaction.atomic
def setup_newsroom(site_name=None, site_url=None, sections=()) -> list[str]:
    """Create what is missing — the news index, the authors index under it, default copyright,
    and ``sections`` (names) that do not exist yet; a new news index comes with starter sections.

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

    if site_url and site.root_url != site_url.rstrip("/"):
        parts = urlsplit(site_url)
        site.hostname = parts.hostname
        site.port = parts.port or (443 if parts.scheme == "https" else 80)
        site.save()
        done.append(f"set the default site's address to {site.root_url}")

    if not AuthorIndexPage.objects.descendant_of(news_index).exists():
        news_index.add_child(instance=AuthorIndexPage(title="Authors", slug="authors"))
        done.append("created the authors index")

    done += setup_roles(news_index)
    done += [f"created the section {name!r}" for name in sections if add_section(name)]

    newsroom_settings = NewsroomSettings.for_site(site)
    if newsroom_settings.copyright_notice is None:
        newsroom_settings.copyright_notice, _ = CopyrightNotice.objects.get_or_create(
            holder=site_name, year=None, statement="All rights reserved."
        )
        newsroom_settings.save()
        done.append(f"set the site's default copyright notice: {newsroom_settings.copyright_notice}")
    return done


def setup_roles(news_index) -> list[str]:
    """The Reporters and Editors groups with their permissions, and the moderation workflow.

    Reporters write and submit for moderation; Editors approve, publish, schedule and manage
    authors, sections, outlets, corrections, copyright and imports. Re-running adds what is
    missing and never removes a permission an administrator granted.
    """
    done = []
    groups = {}
    for name, grants in ROLES.items():
        group, created = Group.objects.get_or_create(name=name)
        groups[name] = group
        if created:
            done.append(f"created the {name} group")
        group.permissions.add(*permissions(grants["models"]))
        for codename in grants["pages"]:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            for page in (news_index, *AuthorIndexPage.objects.descendant_of(news_index)):
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        root_collection = Collection.get_first_root_node()
        for permission in permissions(grants["collections"], app_labels=("wagtailimages", "wagtaildocs")):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = ArticleApprovalTask.objects.create(name="Editor approval")
        task.groups.set([groups[EDITORS]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        done.append(f"created the {WORKFLOW_NAME!r} workflow: an editor approves each article")
    if not WorkflowPage.objects.filter(page=news_index).exists():
        WorkflowPage.objects.create(page=news_index, workflow=workflow)
    return done


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


def permissions(names, app_labels=None):
    """Permission objects from "app_label.codename" names (or bare codenames within ``app_labels``)."""
    found = []
    for name in names:
        app_label, _, codename = name.rpartition(".")
        query = Permission.objects.filter(codename=codename)
        query = query.filter(content_type__app_label=app_label) if app_label else query
        query = query.filter(content_type__app_label__in=app_labels) if app_labels else query
        found.append(query.get())
    return found


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

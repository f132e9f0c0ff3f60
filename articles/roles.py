"""The newsroom's roles: Reporters write and submit, Editors approve and publish, through the
moderation workflow whose approval step is ``ArticleApprovalTask``."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from authors.models import AuthorIndexPage

from .models import ArticleApprovalTask

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


def setup_roles(news_index) -> list[str]:
    """The Reporters and Editors groups with their permissions, and the moderation workflow.

    Reporters write and submit for moderation; Editors approve, publish, schedule, translate and
    manage authors, sections, outlets, corrections, copyright and imports; in every language the
    news index is translated into. Re-running adds what is missing and never removes a permission
    an administrator granted.
    """
    done = []
    groups = {}
    news_indexes = list(news_index.get_translations(inclusive=True))
    indexes = [
        *news_indexes,
        *(authors for index in news_indexes for authors in AuthorIndexPage.objects.descendant_of(index)),
    ]
    for name, grants in ROLES.items():
        group, created = Group.objects.get_or_create(name=name)
        groups[name] = group
        if created:
            done.append(f"created the {name} group")
        group.permissions.add(*permissions(grants["models"]))
        for codename in grants["pages"]:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            for page in indexes:
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        root_collection = Collection.get_first_root_node()
        for permission in permissions(grants["collections"], app_labels=("wagtailimages", "wagtaildocs")):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    if apps.is_installed("wagtail.contrib.simple_translation"):  # "Translate", on a page in the admin
        groups[EDITORS].permissions.add(*permissions(["simple_translation.submit_translation"]))

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = ArticleApprovalTask.objects.create(name="Editor approval")
        task.groups.set([groups[EDITORS]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        done.append(f"created the {WORKFLOW_NAME!r} workflow: an editor approves each article")
    for page in news_indexes:
        if not WorkflowPage.objects.filter(page=page).exists():
            WorkflowPage.objects.create(page=page, workflow=workflow)
    return done


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

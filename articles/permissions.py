"""Who may do what: import stories, and change what readers see.

``import_permissions`` says whether a user may import stories, and publish them as they import.

Wagtail lets whoever uploaded an image or document change or delete it later, whatever it has
become. Once readers can see it — a live page shows it, or a site setting or snippet uses it — its
uploader alone may not: it takes the permission to change images (or documents) itself, which
Newsroom's Editors have and its Reporters do not. A reporter's own upload that nothing public uses
stays theirs to change.
"""

import copy

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from .importing import NewsroomNotSetUpError, find_destination


class PublishedMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        if {"change", "delete"} & set(actions) and is_seen_by_readers(instance):
            unowned = copy.copy(instance)  # judged as if nobody owned it: the uploader's rule stops here
            setattr(unowned, self.owner_field_name, None)
            return super().user_has_any_permission_for_instance(user, actions, unowned)
        return super().user_has_any_permission_for_instance(user, actions, instance)


def is_seen_by_readers(instance) -> bool:
    """Whether a live page, or anything that is not a page (a setting, a snippet), uses ``instance``."""
    references = ReferenceIndex.get_references_to(instance)
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {int(pk) for pk in references.filter(base_content_type=page_type).values_list("object_id", flat=True)}
    return (
        Page.objects.live().filter(pk__in=page_ids).exists() or references.exclude(base_content_type=page_type).exists()
    )


def register_media_permission_policies():
    """Replaces Wagtail's policies for images and documents, which wagtail.images and
    wagtail.documents register as they load: Newsroom's apps load after them (a system check says
    so if they do not)."""
    register_permission_policy(
        get_image_model(),
        PublishedMediaPermissionPolicy(
            get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
        ),
    )
    register_permission_policy(
        get_document_model(),
        PublishedMediaPermissionPolicy(
            get_document_model_string(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
        ),
    )


def import_permissions(user):
    """(may import, may publish) for ``user`` on the default site's news index."""
    try:
        news_index = find_destination().news_index
    except NewsroomNotSetUpError:
        return False, False
    tester = news_index.permissions_for_user(user)
    return tester.can_add_subpage(), tester.can_publish_subpage()

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import AuthorPage


class AuthorPageListingViewSet(PageListingViewSet):
    """Every author in one listing, filtered by contributor type (staff, freelance, guest, wire)."""

    model = AuthorPage
    icon = "user"
    menu_label = _("Authors")
    menu_order = 240  # beside "Import stories"
    add_to_admin_menu = True
    list_filter = ["contributor_type"]


@hooks.register("register_admin_viewset")
def register_author_listing():
    return AuthorPageListingViewSet("newsroom_authors")

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import ImportStoriesView, import_permissions


class ImportStoriesMenuItem(MenuItem):
    def is_shown(self, request):
        can_import, _ = import_permissions(request.user)
        return can_import


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("newsroom/import/", ImportStoriesView.as_view(), name="newsroom_import_stories")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportStoriesMenuItem("Import stories", reverse("newsroom_import_stories"), icon_name="upload", order=250)

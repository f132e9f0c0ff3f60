"""``search/``: readers search the live articles of the site. Named ``newsroom_search:search``."""

from django.urls import path

from ..views import search

app_name = "newsroom_search"

urlpatterns = [path("search/", search, name="search")]

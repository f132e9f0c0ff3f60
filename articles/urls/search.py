"""``search/``: readers search the live articles of the site."""

from django.urls import path

from ..views import search

urlpatterns = [path("search/", search, name="articles_search")]

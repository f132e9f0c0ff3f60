"""The read-only API (Wagtail's API v2): include it under ``api/v2/``."""

from ..api import api_router

app_name = api_router.url_namespace  # the namespace the API's own links are reversed in
urlpatterns = api_router.get_urlpatterns()

"""What every Newsroom page type does, on the example site and inside a host site alike."""

from .app_settings import newsroom_setting


def layout_context() -> dict:
    """The base template Newsroom's templates extend (through ``newsroom_articles/layout.html``)."""
    return {"newsroom_base_template": newsroom_setting("BASE_TEMPLATE")}


class NewsroomPageMixin:
    """For Newsroom's page models: templates that extend the configured base template, and
    responses the reader cache may keep.

    Only Newsroom's own pages opt in to the reader cache (``articles.caching``): its content
    version moves with Newsroom's records, not with whatever else a host site's pages show.
    """

    def get_context(self, request, *args, **kwargs):
        return super().get_context(request, *args, **kwargs) | layout_context()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.reader_cache_tag = "page"
        return response

"""How Newsroom's page templates fit into a host site: each extends ``NEWSROOM_BASE_TEMPLATE``
(through ``newsroom_articles/layout.html``), named in the context they render with."""

from .app_settings import newsroom_setting


def layout_context() -> dict:
    return {"newsroom_base_template": newsroom_setting("BASE_TEMPLATE")}


class NewsroomLayoutMixin:
    """For Newsroom's page models: their templates extend the configured base template."""

    def get_context(self, request, *args, **kwargs):
        return super().get_context(request, *args, **kwargs) | layout_context()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    # A label that will not clash with a host project's own "articles" app.
    label = "newsroom_articles"
    verbose_name = _("Newsroom articles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Both load models, which are ready only now.
        from . import checks, signal_handlers  # noqa: F401
        from .permissions import register_media_permission_policies

        register_media_permission_policies()

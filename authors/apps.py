from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuthorsConfig(AppConfig):
    name = "authors"
    # A label that will not clash with a host project's own "authors" app.
    label = "newsroom_authors"
    verbose_name = _("Newsroom authors")
    default_auto_field = "django.db.models.BigAutoField"

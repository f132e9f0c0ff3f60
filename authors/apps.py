from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "authors"
    # A label that will not clash with a host project's own "authors" app.
    label = "newsroom_authors"
    verbose_name = "Newsroom authors"
    default_auto_field = "django.db.models.BigAutoField"

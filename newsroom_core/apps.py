from django.apps import AppConfig


class NewsroomCoreConfig(AppConfig):
    name = "newsroom_core"
    label = "newsroom_core"
    verbose_name = "Newsroom images"
    default_auto_field = "django.db.models.BigAutoField"

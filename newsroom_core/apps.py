from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomCoreConfig(AppConfig):
    name = "newsroom_core"
    label = "newsroom_core"
    verbose_name = _("Newsroom images")
    default_auto_field = "django.db.models.BigAutoField"

"""System checks for a site that installs Newsroom."""

from django.apps import apps
from django.core import checks
from wagtail.images import get_image_model, get_image_model_string

from newsroom_core.models import ImageRights

LOADED_BEFORE_NEWSROOM = ("wagtailimages", "wagtaildocs")


@checks.register
def newsroom_loads_after_wagtails_media_apps(app_configs, **kwargs):
    """Newsroom replaces the image and document permission policies Wagtail registers as its apps load."""
    labels = [config.label for config in apps.get_app_configs()]
    if "newsroom_articles" not in labels:
        return []
    late = [label for label in LOADED_BEFORE_NEWSROOM if label in labels[labels.index("newsroom_articles") :]]
    if not late:
        return []
    return [
        checks.Error(
            f"Newsroom's apps are listed before {', '.join(late)} in INSTALLED_APPS.",
            hint="List 'articles' and 'authors' after Wagtail's apps, as the README's install section does.",
            id="newsroom.E001",
        )
    ]


@checks.register
def images_carry_their_rights(app_configs, **kwargs):
    """Credits reach the page, JSON-LD, feeds and API from the image record, so the image model must hold them."""
    if issubclass(get_image_model(), ImageRights):
        return []
    return [
        checks.Error(
            f"The image model, {get_image_model_string()}, has no credit or rights fields.",
            hint='Set WAGTAILIMAGES_IMAGE_MODEL = "newsroom_core.NewsroomImage", or add '
            "newsroom_core.models.ImageRights to your own image model, as the README's install section says.",
            id="newsroom.E002",
        )
    ]

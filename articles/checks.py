"""System checks for a site that installs Newsroom."""

from urllib.parse import urlsplit

from django.apps import apps
from django.core import checks
from wagtail.images import get_image_model, get_image_model_string

from newsroom_core.app_settings import newsroom_setting
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


@checks.register
def websub_hubs_are_addresses(app_configs, **kwargs):
    """Every feed names the hubs and the task worker posts to them: a list of absolute http(s) URLs
    (a lone string would be read letter by letter)."""
    hubs = newsroom_setting("WEBSUB_HUBS")
    if hubs is None or (isinstance(hubs, list | tuple) and all(is_web_address(hub) for hub in hubs)):
        return []
    return [
        checks.Error(
            f"NEWSROOM_WEBSUB_HUBS must be a list of absolute http(s) URLs, not {hubs!r}.",
            hint='NEWSROOM_WEBSUB_HUBS = ["https://pubsubhubbub.appspot.com/"]; the example site reads WEBSUB_HUB_URL.',
            id="newsroom.E003",
        )
    ]


def is_web_address(url) -> bool:
    parts = urlsplit(url) if isinstance(url, str) else None
    return parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)

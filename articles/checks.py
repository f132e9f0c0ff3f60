"""System checks for a site that installs Newsroom."""

from django.apps import apps
from django.core import checks

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

"""URL converters for slugs as Wagtail and django-taggit make them: in any script.

Django's ``slug`` converter takes ASCII only, while Wagtail (``WAGTAIL_ALLOW_UNICODE_SLUGS``) and
django-taggit keep letters of every alphabet: "carla-díaz", "παγκόσμια", "пекарня".
"""

from django.urls import register_converter

SLUG = "newsroom_slug"


class UnicodeSlugConverter:
    regex = r"[-\w]+"  # what Django's validate_unicode_slug accepts, as Wagtail and taggit make them

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, SLUG)

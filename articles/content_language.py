"""The language a story is written in, beside the language of the page around it: how each channel
marks it (``lang`` and ``dir`` in HTML, ``xml:lang`` in Atom, ``news:language`` for Google News)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info

from authors.profiles import normalise_language_tag

# Google News names a language by its ISO 639 code alone, but for Chinese in its two scripts.
GOOGLE_NEWS_CHINESE = {"hans": "zh-cn", "cn": "zh-cn", "sg": "zh-cn", "hant": "zh-tw", "tw": "zh-tw", "hk": "zh-tw",
                       "mo": "zh-tw"}  # fmt: skip


def language_tag(code: str) -> str:
    """A Django or Wagtail language code as a BCP 47 tag: "en-us" is "en-US", "zh-hans" "zh-Hans"."""
    try:
        return normalise_language_tag(code)
    except ValidationError:
        return code


def active_language() -> str:
    """The language readers are being answered in: Django's active language, else ``LANGUAGE_CODE``."""
    return language_tag(get_language() or settings.LANGUAGE_CODE)


def is_right_to_left(tag: str) -> bool:
    """Written right to left, as Django knows the language (its base language where Django does not
    know the tag: "ar-EG" is Arabic); False for a language Django does not know."""
    for code in (tag.lower(), tag.lower().split("-")[0]):
        try:
            return bool(get_language_info(code)["bidi"])
        except KeyError:
            continue
    return False


def is_same_language(tag: str, other: str) -> bool:
    """Whether text in ``tag`` needs no marking on a page in ``other``: the same tag, or one that only
    adds to the other ("en-US" on an "en" page)."""
    parts, other_parts = tag.lower().split("-"), other.lower().split("-")
    shorter = min(len(parts), len(other_parts))
    return parts[:shorter] == other_parts[:shorter]


def language_attributes(tag: str, page_language: str) -> SafeString:
    """` lang="fr"` (and ` dir="rtl"`) for an element holding text in ``tag`` on a page in
    ``page_language``; nothing where they agree."""
    if not tag or is_same_language(tag, page_language):
        return SafeString("")
    direction = is_right_to_left(tag)
    if direction == is_right_to_left(page_language):
        return format_html(' lang="{}"', tag)
    return format_html(' lang="{}" dir="{}"', tag, "rtl" if direction else "ltr")


def google_news_language(tag: str) -> str:
    """``news:language``: the ISO 639 code ("fr"), and zh-cn or zh-tw for Chinese (zh-cn unless the
    tag names traditional script or a region that writes it)."""
    language, *rest = tag.lower().split("-")
    if language != "zh":
        return language
    return next((GOOGLE_NEWS_CHINESE[part] for part in rest if part in GOOGLE_NEWS_CHINESE), "zh-cn")

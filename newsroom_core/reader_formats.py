"""How readers see a list of names and a date: in the active language (the request's, under
``LocaleMiddleware``), so the French pages read "A, B et C" and "2 décembre 2026, 14:05 UTC".

English keeps the house style the story files are written in ("A, B and C", "2 December 2026, 14:05 UTC");
every other language follows the Unicode CLDR, through Babel. The story-file writers stay in English
and free of Django: they call ``newsroom_core.names.join_names`` with no language.
"""

from babel.dates import format_date as cldr_date
from babel.dates import format_time as cldr_time
from babel.dates import get_datetime_format
from django.conf import settings
from django.template.defaultfilters import date as django_date
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from .names import cldr_locale, join_names, join_names_html

# The house style of a date, or a date and time, in English: "2 December 2026", "2 December 2026, 14:05 UTC".
ENGLISH_DATE_FORMATS = {"date": "j F Y", "datetime": "j F Y, H:i T"}


def active_language() -> str:
    """The language readers are served in: the active translation's, else the site's."""
    return translation.get_language() or settings.LANGUAGE_CODE


def join_reader_names(names) -> str:
    """Names as readers see them joined, as text: "A, B and C", "A, B et C", "A وB"."""
    return join_names(names, active_language())


def join_reader_names_html(names_html) -> SafeString:
    """``join_reader_names`` for names already escaped (and perhaps linked); the joining words are escaped."""
    return mark_safe(join_names_html(names_html, active_language(), conditional_escape))


def reader_date(value, precision: str = "date") -> str:
    """``value`` (an aware datetime) in the reader's time zone and language; ``precision`` "datetime"
    adds the time and the zone's abbreviation."""
    local = template_localtime(value)
    locale = cldr_locale(active_language())
    if locale is None:
        return django_date(local, ENGLISH_DATE_FORMATS[precision])
    day = cldr_date(local, "long", locale=locale)
    if precision == "date":
        return day
    time = f"{cldr_time(local, 'short', locale=locale)} {django_date(local, 'T')}"
    return get_datetime_format("long", locale=locale).replace("'", "").replace("{1}", day).replace("{0}", time)

"""``setup_newsroom`` and the settings a deployment relies on."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, Site

from articles.models import NewsIndexPage, NewsroomSettings, Section
from articles.site_setup import setup_newsroom
from authors.models import AuthorIndexPage

from .helpers import restore_wagtail_roots


def test_setup_newsroom_makes_the_news_index_the_home_page_with_authors_under_it(db, client):
    call_command("setup_newsroom", "--site-name", "Daily Planet", stdout=None)

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, NewsIndexPage)
    assert AuthorIndexPage.objects.child_of(site.root_page).get().url == "/authors/"
    assert NewsroomSettings.for_site(site).copyright_notice.holder == "Daily Planet"
    assert client.get("/").status_code == 200


def test_setup_newsroom_run_twice_changes_nothing_the_second_time(db, capsys):
    call_command("setup_newsroom")
    capsys.readouterr()

    call_command("setup_newsroom")

    assert capsys.readouterr().out.strip() == "Newsroom was already set up."
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]  # one index of each in each
    assert sorted(NewsIndexPage.objects.values_list("locale__language_code", flat=True)) == sorted(languages)
    assert sorted(AuthorIndexPage.objects.values_list("locale__language_code", flat=True)) == sorted(languages)


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}

    result = subprocess.run(
        [sys.executable, "-c", "import newsroom.settings"], env=env, capture_output=True, text=True, check=False
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_a_new_newsroom_starts_with_sections_and_more_can_be_named(db, capsys):
    call_command("setup_newsroom")

    assert list(Section.objects.values_list("name", flat=True)) == [
        "World", "Politics", "Business", "Science", "Culture", "Sport",
    ]  # fmt: skip
    Section.objects.filter(name="Sport").delete()
    call_command("setup_newsroom", "--sections", "Weather, science, Économie")

    assert "created the section 'Weather'" in capsys.readouterr().out
    assert list(Section.objects.values_list("slug", flat=True)) == [
        "world", "politics", "business", "science", "culture", "weather", "économie",
    ]  # fmt: skip


def test_a_site_without_localisation_gets_no_locale_or_translation_whatever_its_language(db, settings):
    """A host site in French without Wagtail's localisation: its one tree stays in the locale
    Wagtail's first migration made, and nothing is copied (its home page was, twice over)."""
    restore_wagtail_roots()
    settings.WAGTAIL_I18N_ENABLED, settings.LANGUAGE_CODE = False, "fr"

    done = setup_newsroom(site_name="Le Quotidien")

    assert list(Locale.objects.values_list("language_code", flat=True)) == ["en"]
    assert NewsIndexPage.objects.count() == AuthorIndexPage.objects.count() == 1
    assert not [line for line in done if "locale" in line or "translated" in line]

"""A story translated with Wagtail's localisation: an editor presses "Translate" (Wagtail's
simple_translation), edits the French copy and publishes it. The pair link each other with
reciprocal hreflang alternates, each is listed, fed and switched to in its own language only,
and the translation keeps the original's byline, source and rights, with its translator credited.
"""

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page, WorkflowPage

from articles.credits import CreditRole
from articles.models import ArticlePage, NewsIndexPage
from articles.roles import EDITORS
from authors.models import AuthorIndexPage, AuthorPage

from .factories import (
    ArticlePageFactory,
    AuthorPageFactory,
    CopyrightNoticeFactory,
    OutletFactory,
    PageViewRestrictionFactory,
)
from .helpers import member_of, soup_of

FRENCH_TITLE = "Le ministre des Finances démissionne"


def translate(client, page, user, language="fr"):
    """Press "Translate" on ``page`` in the admin as ``user``: the copy, a draft in ``language``."""
    client.force_login(user)
    locale = Locale.objects.get(language_code=language)
    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )
    client.logout()
    assert response.status_code == 302, response.content[:500]
    return page.get_translation(locale).specific


@pytest.fixture
def translator(newsroom):
    """An editor who is also an author of the newsroom, by the name on their account."""
    AuthorPageFactory(parent=newsroom.author_index, title="Camille Lefèvre", live=True)
    user = member_of(EDITORS, "camille")
    user.first_name, user.last_name = "Camille", "Lefèvre"
    user.save()
    return user


@pytest.fixture
def pair(client, newsroom, translator):
    """An English story by Solange Reyner from Reuters, and its French translation, both live."""
    writer = AuthorPageFactory(parent=newsroom.author_index, title="Solange Reyner", live=True)
    original = ArticlePageFactory(
        parent=newsroom.news_index,
        title="The finance minister resigns",
        authors=[writer],
        source=OutletFactory(name="Reuters"),
        copyright_notice=CopyrightNoticeFactory(holder="Reuters", year=2026),
        live=True,
    )
    draft = translate(client, original, translator).get_latest_revision_as_object()
    draft.title = FRENCH_TITLE
    draft.save_revision(user=translator).publish()
    return original, ArticlePage.objects.get(pk=draft.pk)


def hreflangs(client, url):
    soup = soup_of(client.get(url))
    return {link["hreflang"]: link["href"] for link in soup.select("head link[rel=alternate][hreflang]")}


def switcher(client, url):
    soup = soup_of(client.get(url))
    return [
        (link["hreflang"], link["href"], link.get("aria-current"))
        for link in soup.select(".language-switcher a[hreflang]")
    ]


def test_a_translated_pair_links_each_other_with_reciprocal_hreflang(client, pair):
    original, french = pair
    expected = {
        "en": original.get_full_url(),
        "fr": french.get_full_url(),
        "x-default": original.get_full_url(),
    }

    assert french.url.startswith("/fr/")
    assert hreflangs(client, original.url) == expected
    assert hreflangs(client, french.url) == expected


def test_each_translation_appears_only_in_its_own_languages_feeds(client, pair):
    original, _french = pair

    english_feed = feedparser.parse(client.get("/feeds/latest/rss/").content)
    french_feed = feedparser.parse(client.get("/fr/feeds/latest/rss/").content)
    french_atom = BeautifulSoup(client.get("/fr/feeds/latest/atom/").content, "xml")

    assert [entry.title for entry in english_feed.entries] == [original.title]
    assert [entry.title for entry in french_feed.entries] == [FRENCH_TITLE]
    assert (english_feed.feed.language, french_feed.feed.language) == ("en", "fr")
    assert french_atom.find("feed")["xml:lang"] == "fr"
    assert client.get("/fr/feeds/latest/json/").json()["language"] == "fr"


def test_each_translation_is_listed_on_its_own_languages_front_page_and_both_in_the_sitemap(client, pair):
    original, french = pair

    english_front = client.get("/").content.decode()
    french_front = client.get("/fr/").content.decode()
    sitemap = BeautifulSoup(client.get("/sitemap-pages.xml").content, "xml")

    assert original.title in english_front and FRENCH_TITLE not in english_front
    assert FRENCH_TITLE in french_front and original.title not in french_front
    assert {original.get_full_url(), french.get_full_url()} <= {loc.get_text() for loc in sitemap.find_all("loc")}


def test_the_translation_keeps_the_byline_source_and_rights_and_credits_its_translator(client, pair):
    original, french = pair

    page = soup_of(client.get(french.url))

    credits = [(credit.author.title, credit.role) for credit in french.credits.all()]
    assert credits == [("Solange Reyner", CreditRole.WRITER), ("Camille Lefèvre", CreditRole.TRANSLATION)]
    assert (french.source_id, french.copyright_notice_id) == (original.source_id, original.copyright_notice_id)
    assert "Par Solange Reyner" in " ".join(page.select_one(".byline-row").get_text().split())
    assert "Camille Lefèvre" in page.get_text()
    assert "© 2026 Reuters" in page.get_text()
    assert page.html["lang"] == "fr"


def test_an_editor_without_an_author_page_is_not_credited_as_translator(client, newsroom):
    editor = member_of(EDITORS, "nameless")
    original = ArticlePageFactory(parent=newsroom.news_index, title="A story", live=True)

    french = translate(client, original, editor)

    assert [credit.role for credit in french.get_latest_revision_as_object().credits.all()] == []


def test_the_language_switcher_goes_to_the_translation_else_to_that_languages_home(client, pair):
    original, french = pair

    assert switcher(client, original.url) == [("en", original.url, "true"), ("fr", french.url, None)]
    assert switcher(client, french.url) == [("en", original.url, None), ("fr", french.url, "true")]
    assert switcher(client, "/search/") == [("en", "/", "true"), ("fr", "/fr/", None)]


@pytest.mark.parametrize("hide", ["private", "embargoed", "unpublished"])
def test_a_translation_readers_may_not_see_is_never_linked(client, pair, hide):
    original, french = pair
    if hide == "private":
        PageViewRestrictionFactory(page=french)
    elif hide == "embargoed":
        ArticlePage.objects.filter(pk=french.pk).update(embargo_until=timezone.now() + timezone.timedelta(hours=2))
    else:
        french.unpublish()

    page = client.get(original.url).content.decode()

    assert hreflangs(client, original.url) == {}
    assert french.url not in page  # the same slug as the original's, under /fr/
    assert switcher(client, original.url)[1] == ("fr", "/fr/", None)


def test_the_address_alone_sets_the_language(client, newsroom):
    french = client.get("/fr/")
    english_for_a_french_browser = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")

    assert soup_of(french).html["lang"] == "fr"
    assert french["Content-Language"] == "fr"
    assert soup_of(english_for_a_french_browser).html["lang"] == "en"
    for response in (french, english_for_a_french_browser):
        assert "accept-language" not in response.get("Vary", "").lower()


def test_a_french_page_leaves_the_threads_language_as_it_found_it(client, newsroom):
    """The address's language is the request's alone: the next request the thread serves, or a
    test after it, does not inherit French."""
    with translation.override("en"):
        client.get("/fr/")

        assert translation.get_language() == "en"


def test_the_authors_page_in_french_lists_the_stories_translated_for_them(client, pair, translator):
    original, _french = pair
    writer = AuthorPage.objects.get(title="Solange Reyner")
    translate(client, writer, translator).get_latest_revision().publish()

    page = client.get("/fr/authors/solange-reyner/").content.decode()

    assert FRENCH_TITLE in page and original.title not in page


def test_setup_gives_each_language_its_live_indexes_with_the_editors_permissions_and_workflow(newsroom):
    french = Locale.objects.get(language_code="fr")
    news_index = NewsIndexPage.objects.get(locale=french)
    authors_index = AuthorIndexPage.objects.get(locale=french)

    assert news_index.live and authors_index.live
    assert news_index.url == "/fr/" and authors_index.url == "/fr/authors/"
    assert WorkflowPage.objects.filter(page=news_index).exists()
    assert news_index.group_permissions.filter(group__name=EDITORS, permission__codename="publish_page").exists()
    assert Page.objects.filter(locale=french).count() == 2

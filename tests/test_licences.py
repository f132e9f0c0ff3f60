"""Which licence a story carries — the site's, its credited outlet's or its own — as readers see it
on the page, and the copy whose terms forbid publishing it."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from articles.licences import Licence
from articles.models import ArticlePage, Outlet, SourceRelationship

from .factories import ArticlePageFactory, AuthorPageFactory, OutletFactory
from .helpers import SEED_FILE, messages_of, post_editor_form, set_site_rights

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def licence_line(client, article):
    """The article footer's rights line, and where its licence link points ("" without one)."""
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    line = soup.select_one(".article-footer .copyright")
    link = line.select_one("a[rel=license]") if line else None
    return (" ".join(line.get_text().split()) if line else ""), (link["href"] if link else "")


@pytest.fixture
def byline(newsroom):
    return [AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)]


def test_licence_urls_and_names_are_creative_commons_4_0():
    assert Licence.CC_BY_NC_ND.url == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    assert Licence.CC_BY_NC_ND.short_name == "CC BY-NC-ND 4.0"
    assert Licence.NO_REPUBLICATION.url == ""
    assert [licence.allows_republication for licence in Licence] == [False, False, False] + [True] * 6


def test_story_of_our_own_carries_the_sites_default_licence(client, newsroom, byline):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY)
    article = ArticlePageFactory(parent=newsroom.news_index, authors=byline, live=True)

    text, link = licence_line(client, article)

    assert text.endswith("Licensed under CC BY 4.0.")
    assert link == CC_BY


def test_a_new_site_reserves_all_rights(client, seed_article):
    text, link = licence_line(client, seed_article)

    assert text == "© 2026 Newsmax. All rights reserved."
    assert link == ""


def test_wire_copy_carries_its_outlets_licence(client, newsroom, byline):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY)
    wire = OutletFactory(name="Wire Agency", licence=Licence.NO_REPUBLICATION)
    article = ArticlePageFactory(
        parent=newsroom.news_index, authors=byline, source=wire, source_relationship=SourceRelationship.WIRE, live=True
    )

    text, link = licence_line(client, article)

    assert text.endswith("May not be republished.")
    assert link == ""


def test_wire_copy_of_an_outlet_without_terms_reserves_all_rights(client, newsroom, byline):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        authors=byline,
        source=OutletFactory(name="Wire Agency"),
        source_relationship=SourceRelationship.WIRE,
        live=True,
    )

    assert licence_line(client, article)[1] == ""


def test_a_story_drawing_on_an_outlets_reporting_keeps_the_sites_licence(client, newsroom, byline):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        authors=byline,
        source=OutletFactory(name="Fox News"),
        source_relationship=SourceRelationship.VIA,
        live=True,
    )

    assert licence_line(client, article)[1] == CC_BY


def test_additional_reporting_by_an_outlet_with_terms_keeps_the_sites_licence(client, newsroom, byline):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        authors=byline,
        source=OutletFactory(name="Partner", licence=Licence.NO_REPUBLICATION),
        source_relationship=SourceRelationship.ADDITIONAL_REPORTING,
        live=True,
    )

    assert licence_line(client, article)[1] == CC_BY


def test_an_articles_own_licence_wins_over_its_outlets(client, newsroom, byline):
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        authors=byline,
        source=OutletFactory(name="Partner", licence=Licence.NO_REPUBLICATION),
        source_relationship=SourceRelationship.ORIGINALLY_PUBLISHED_BY,
        licence=Licence.CC_BY_ND,
        live=True,
    )

    assert licence_line(client, article)[1] == "https://creativecommons.org/licenses/by-nd/4.0/"


def test_copy_not_for_publication_is_refused_saying_why(client, editor, newsroom, byline):
    wire = OutletFactory(name="Wire Agency", licence=Licence.NOT_FOR_PUBLICATION)
    article = ArticlePageFactory(
        parent=newsroom.news_index, authors=byline, source=wire, source_relationship=SourceRelationship.WIRE
    )
    client.force_login(editor)

    response = post_editor_form(client, article, "action-publish")

    assert not ArticlePage.objects.get().live
    assert any("“Wire Agency” sends its copy not for publication" in message for message in messages_of(response))


def test_an_article_marked_not_for_publication_is_refused(client, editor, newsroom, byline):
    article = ArticlePageFactory(parent=newsroom.news_index, authors=byline)
    client.force_login(editor)

    response = post_editor_form(client, article, "action-publish", licence=Licence.NOT_FOR_PUBLICATION)

    assert not ArticlePage.objects.get().live
    assert any("The story's licence says “not for publication”" in message for message in messages_of(response))


def test_an_editor_who_has_permission_publishes_copy_not_for_publication_under_its_own_licence(
    client, editor, newsroom, byline
):
    wire = OutletFactory(name="Wire Agency", licence=Licence.NOT_FOR_PUBLICATION)
    article = ArticlePageFactory(
        parent=newsroom.news_index, authors=byline, source=wire, source_relationship=SourceRelationship.WIRE
    )
    client.force_login(editor)

    post_editor_form(client, article, "action-publish", licence=Licence.ALL_RIGHTS_RESERVED)

    assert ArticlePage.objects.get().live


def test_import_with_publish_refuses_copy_of_an_outlet_not_for_publication(newsroom):
    Outlet.objects.create(name="Fox News", licence=Licence.NOT_FOR_PUBLICATION)
    out = io.StringIO()

    call_command("import_story", "--publish", str(SEED_FILE), stdout=out)

    assert "not published: “Fox News” sends its copy not for publication" in out.getvalue()
    assert not ArticlePage.objects.get().live

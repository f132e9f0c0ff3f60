"""The Wagtail admin screens editors use for articles, authors and the copyright settings."""

import hashlib
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from articles.models import ArticlePage, Outlet, Section

from .factories import ArticlePageFactory, AuthorPageFactory, SectionFactory
from .helpers import SEED_FILE


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "password")
    client.force_login(user)
    return client


def test_article_editor_shows_the_byline_credit_and_copyright_panels(editor_client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe", live=True)
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[author], is_headline_proposed=True)

    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Byline", "Source credit", "Copyright notice", "Headline proposed by the importer"):
        assert label in html


def test_author_editor_opens(editor_client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe")

    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[author.pk]))

    assert response.status_code == 200
    assert "Bio" in response.content.decode()


def test_newsroom_settings_screen_offers_the_default_copyright_notice(editor_client, newsroom):
    url = reverse("wagtailsettings:edit", args=["newsroom_articles", "newsroomsettings"])
    response = editor_client.get(url, follow=True)

    assert response.status_code == 200
    assert "Copyright notice" in response.content.decode()


def test_article_editor_shows_the_imported_files_provenance(editor_client, newsroom):
    call_command("import_story", str(SEED_FILE), stdout=io.StringIO())
    article = ArticlePage.objects.get()

    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    html = response.content.decode()
    assert "Provenance" in html
    assert str(SEED_FILE) in html
    assert hashlib.sha256(SEED_FILE.read_bytes()).hexdigest() in html
    assert "Solange Reyner ✉" in html  # the original text, signature line included


@pytest.mark.parametrize(
    ("model", "name", "slug"), [("section", "Économie", "économie"), ("outlet", "Le Monde", "le-monde")]
)
def test_a_section_or_outlet_needs_only_its_name_and_gets_a_slug_from_it(editor_client, newsroom, model, name, slug):
    add_url = reverse(f"wagtailsnippets_newsroom_articles_{model}:add")

    response = editor_client.post(add_url, {"name": name, "slug": "", "description": "", "url": ""})

    assert response.status_code == 302, response.content.decode()[:2000]
    record = {"section": Section, "outlet": Outlet}[model].objects.get(name=name)
    assert record.slug == slug


def test_two_sections_whose_names_make_the_same_slug_get_two_slugs(newsroom):
    first, second = SectionFactory(name="Santé"), SectionFactory(name="Santé!")

    assert (first.slug, second.slug) == ("santé", "santé-2")


def test_sections_are_ordered_by_dragging_in_the_snippets_list(editor_client, newsroom):
    sport = Section.objects.get(name="Sport")
    reorder = reverse("wagtailsnippets_newsroom_articles_section:reorder", args=[sport.pk])

    response = editor_client.post(f"{reorder}?position=0")  # what the list's drag and drop sends

    assert response.status_code == 200
    assert list(Section.objects.values_list("name", flat=True))[:2] == ["Sport", "World"]


def test_an_imported_article_can_be_copied_as_a_new_story(editor_client, seed_article):
    copy_url = reverse("wagtailadmin_pages:copy", args=[seed_article.pk])

    response = editor_client.post(
        copy_url, {"new_title": "A copy", "new_slug": "a-copy", "new_parent_page": seed_article.get_parent().pk}
    )

    assert response.status_code == 302
    copy = ArticlePage.objects.get(slug="a-copy")
    assert copy.story_key is None
    assert [link.author.title for link in copy.credits.all()] == ["Solange Reyner"]
    assert ArticlePage.objects.get(pk=seed_article.pk).story_key  # the original stays the imported story

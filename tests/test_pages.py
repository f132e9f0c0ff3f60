"""The reader's pages, asserted on the rendered HTML an anonymous reader gets."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticlePage, CopyrightNotice, Section
from articles.models.pages import remember_parent
from authors.models import AuthorPage

from .factories import ArticlePageFactory, AuthorPageFactory, CopyrightNoticeFactory, OutletFactory, SectionFactory
from .helpers import SEED_FILE, post_editor_form, queries_for


@pytest.fixture
def editor_client(newsroom):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.com", "password"))
    return client


SEED_HEADLINE = "Russia is threatening to leave an American astronaut stranded in space"


def get_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(soup, selector):
    return " ".join(soup.select_one(selector).get_text(" ", strip=True).split())


def test_article_page_shows_headline_byline_date_body_credit_bio_and_copyright(client, seed_article):
    soup = get_soup(client, seed_article.url)

    assert text_of(soup, "h1") == SEED_HEADLINE
    byline = soup.select_one(".byline a[rel=author]")
    assert byline.get_text() == "Solange Reyner"
    assert byline["href"] == "/authors/solange-reyner/"
    assert soup.select_one(".article-dates time")["datetime"].startswith(str(seed_article.first_published_at.year))
    paragraphs = soup.select(".article-body p")
    assert len(paragraphs) == 8
    assert paragraphs[0].get_text().endswith("reports Fox News.")
    assert text_of(soup, ".source-credit") == "Source: Fox News"
    assert text_of(soup, ".bio-box .bio-text").startswith("Solange Reyner is a writer and editor for Newsmax.")
    assert text_of(soup, ".article-footer .copyright") == "© 2026 Newsmax. All rights reserved."
    assert len(soup.select(".copyright")) == 1  # the site's own notice gives way to the article's


def test_article_body_never_shows_signature_bio_or_copyright_lines(client, seed_article):
    body = text_of(get_soup(client, seed_article.url), ".article-body")

    assert "✉" not in body
    assert "is a writer and editor for Newsmax" not in body
    assert "All rights reserved" not in body


def test_author_page_shows_the_bio_and_lists_the_article(client, seed_article):
    soup = get_soup(client, "/authors/solange-reyner/")

    assert text_of(soup, "h1") == "Solange Reyner"
    assert "15 years in the journalism industry" in text_of(soup, ".bio-text")
    link = soup.select_one(".listing .card-headline a")
    assert link.get_text() == SEED_HEADLINE
    assert link["href"] == seed_article.url


def test_home_page_lists_live_articles_newest_first_and_hides_drafts(client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe", live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Older story", authors=[author], live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Newer story", authors=[author], live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Unpublished draft", authors=[author])

    soup = get_soup(client, "/")

    headlines = [a.get_text() for a in soup.select(".card-headline a")]
    assert headlines == ["Newer story", "Older story"]


def test_home_page_is_paginated(client, newsroom, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for number in range(3):
        ArticlePageFactory(parent=newsroom.news_index, title=f"Story {number}", live=True)

    first = get_soup(client, "/")
    second = get_soup(client, "/?page=2")

    assert [a.get_text() for a in first.select(".card-headline a")] == ["Story 2", "Story 1"]
    assert [a.get_text() for a in second.select(".card-headline a")] == ["Story 0"]


def headlines_and_links(client, url):
    soup = get_soup(client, url)
    for block in soup.select(".section-block"):  # the front page's blocks of each section's stories
        block.decompose()
    links = {link["rel"][0]: link["href"] for link in soup.select(".pagination a")}
    return [a.get_text() for a in soup.select(".card-headline a")], links


@pytest.mark.parametrize("listing", ["/", "/section/science/", "/tag/harbour/", "/authors/ann-poe/"])
def test_older_and_newer_walk_a_listing_by_where_each_page_starts(client, newsroom, settings, listing):
    settings.NEWSROOM_PAGE_SIZE = 2
    science = SectionFactory(name="Science")
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe", live=True)
    published = timezone.now() - timedelta(hours=1)
    for number in range(5):  # two stories at the same time: the id orders them
        moment = published + timedelta(minutes=number if number != 3 else 2)
        article = ArticlePageFactory(parent=newsroom.news_index, title=f"Story {number}", section=science,
                                     authors=[author], first_published_at=moment, live=True)  # fmt: skip
        article.tags.add("harbour")
        article.save()

    first, links = headlines_and_links(client, listing)
    second, second_links = headlines_and_links(client, listing + links["next"])
    third, third_links = headlines_and_links(client, listing + second_links["next"])

    assert [first, second, third] == [["Story 4", "Story 3"], ["Story 2", "Story 1"], ["Story 0"]]
    assert "prev" not in links and "next" not in third_links
    assert "before=" in links["next"] and "page=2" in links["next"]
    back, back_links = headlines_and_links(client, listing + third_links["prev"])
    assert back == ["Story 2", "Story 1"]
    assert back_links["prev"] == "./"
    # A story published meanwhile shifts page 1, never the pages already linked.
    ArticlePageFactory(parent=newsroom.news_index, title="Breaking", section=science, authors=[author], live=True)
    assert headlines_and_links(client, listing + links["next"])[0] == ["Story 2", "Story 1"]


def test_walking_a_listing_lists_a_live_page_that_has_no_publication_time_once(client, newsroom, settings):
    """A page made live without Wagtail's publish has no first publication time: the database puts
    it first or last, and walking the pages either way shows it exactly once."""
    settings.NEWSROOM_PAGE_SIZE = 2
    for number in range(5):
        ArticlePageFactory(parent=newsroom.news_index, title=f"Story {number}", live=True)
    ArticlePage.objects.filter(title="Story 2").update(first_published_at=None)

    forward, links = headlines_and_links(client, "/")
    while "next" in links:
        last_url = "/" + links["next"]
        headlines, links = headlines_and_links(client, last_url)
        forward += headlines
    backward, links = headlines_and_links(client, last_url)
    while links["prev"] != "./":
        headlines, links = headlines_and_links(client, "/" + links["prev"])
        backward = headlines + backward
    backward = headlines_and_links(client, "/")[0] + backward

    assert sorted(forward) == [f"Story {number}" for number in range(5)]
    assert backward == forward


@pytest.mark.parametrize("cursor", ["before=abc", "after=1.", "before=99999999999999999999.1", "after=1.2.3"])
def test_a_listing_cursor_that_is_no_story_key_is_not_found(client, seed_article, cursor):
    assert client.get(f"/?{cursor}").status_code == 404
    assert client.get(f"{seed_article.credits.first().author.url}?{cursor}").status_code == 404


def test_a_deep_page_seeks_to_its_key_instead_of_counting_past_the_pages_before(client, newsroom, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for number in range(5):
        ArticlePageFactory(parent=newsroom.news_index, title=f"Story {number}", live=True)
    _, links = headlines_and_links(client, "/")

    queries = queries_for(client, "/" + links["next"])

    listing = [sql for sql in queries if "ORDER BY" in sql and "first_published_at" in sql]
    assert listing and not any("OFFSET" in sql for sql in listing)
    # A plain range: pages with no publication time are asked for apart (a union in the same query
    # made SQLite sort every older story: 144 ms for page 2,000 of 100,000 in make bench-scale).
    assert not any('"first_published_at" IS NULL' in sql for sql in listing)


@pytest.mark.parametrize(
    ("page", "status"),
    [("99999999999999999999", 404), ("9" * 5000, 404), ("100001", 404), ("²", 200), ("abc", 200), ("0", 200)],
)
def test_any_page_number_gets_a_listing_or_not_found_never_an_error(client, seed_article, page, status):
    author_url = seed_article.credits.first().author.url

    assert client.get("/", {"page": page}).status_code == status
    assert client.get(author_url, {"page": page}).status_code == status


def test_section_listing_shows_only_that_section(client, newsroom):
    science = SectionFactory(name="Science")
    ArticlePageFactory(parent=newsroom.news_index, title="Space story", section=science, live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Sports story", live=True)

    soup = get_soup(client, "/section/science/")

    assert text_of(soup, "h1") == "Science"
    assert [a.get_text() for a in soup.select(".card-headline a")] == ["Space story"]
    assert client.get("/section/no-such-section/").status_code == 404


def test_draft_article_is_not_served_to_readers(client, newsroom):
    draft = ArticlePageFactory(parent=newsroom.news_index, title="Secret draft")

    assert client.get(f"/{draft.slug}/").status_code == 404


def test_footer_shows_the_site_default_notice_where_an_article_has_none(client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)

    soup = get_soup(client, article.url)

    year = timezone.localdate().year
    assert text_of(soup, ".copyright") == f"© {year} Test Newsroom. All rights reserved."


def test_article_notice_wins_over_the_site_default(client, newsroom):
    notice = CopyrightNoticeFactory(holder="Example Media", year=2025)
    article = ArticlePageFactory(parent=newsroom.news_index, copyright_notice=notice, live=True)

    soup = get_soup(client, article.url)

    assert text_of(soup, ".copyright") == "© 2025 Example Media. All rights reserved."
    assert text_of(get_soup(client, "/"), ".site-footer .copyright").endswith("Test Newsroom. All rights reserved.")


def test_byline_names_several_authors_in_order(client, newsroom):
    authors = [
        AuthorPageFactory(parent=newsroom.author_index, title=name, live=True)
        for name in ("Jane Doe", "John Roe", "Ann Poe")
    ]
    article = ArticlePageFactory(parent=newsroom.news_index, authors=authors, live=True)

    soup = get_soup(client, article.url)

    assert text_of(soup, ".byline") == "By Jane Doe , John Roe and Ann Poe"
    assert [a.get_text() for a in soup.select(".byline a")] == ["Jane Doe", "John Roe", "Ann Poe"]
    assert len(soup.select(".bio-box")) == 3


def test_editor_supplied_text_is_escaped_on_the_page(client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="<script>alert('name')</script>", live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        title="</title><script>alert('headline')</script>",
        dek="<img src=x onerror=alert(1)>",
        source=OutletFactory(name="<b>Outlet</b>"),
        authors=[author],
        live=True,
    )

    html = client.get(article.url).content.decode()

    assert "<script>alert(" not in html
    assert "<img src=x" not in html
    assert "<b>Outlet</b>" not in html
    assert "&lt;/title&gt;&lt;script&gt;alert(&#x27;headline&#x27;)&lt;/script&gt;" in html


def test_author_index_lists_live_authors(client, newsroom):
    AuthorPageFactory(parent=newsroom.author_index, title="Live Author", live=True)
    AuthorPageFactory(parent=newsroom.author_index, title="Draft Author")

    soup = get_soup(client, "/authors/")

    assert [a.get_text() for a in soup.select(".author-list a")] == ["Live Author"]


def test_unknown_address_gives_the_not_found_page(client, newsroom):
    response = client.get("/no-such-story/")

    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_copyright_notice_without_year_shows_the_current_year():
    notice = CopyrightNotice(holder="Newsroom", year=None, statement="All rights reserved.")

    assert notice.text == f"© {timezone.localdate().year} Newsroom. All rights reserved."


def test_author_of_a_draft_only_is_not_public(client, newsroom):
    call_command("import_story", str(SEED_FILE), stdout=None)

    assert not AuthorPage.objects.get().live
    assert client.get("/authors/solange-reyner/").status_code == 404


def test_section_labels_link_to_their_listing_on_the_article_and_its_cards(client, newsroom):
    economy = SectionFactory(name="Économie")
    article = ArticlePageFactory(parent=newsroom.news_index, title="Prices rise", section=economy, live=True)

    label = get_soup(client, article.url).select_one(".article-header .kicker a")
    card_label = get_soup(client, "/").select_one(".card .kicker a")

    assert label.get_text() == "Économie"
    assert label["href"] == card_label["href"] == "/section/%C3%A9conomie/"
    assert text_of(get_soup(client, label["href"]), "h1") == "Économie"


def test_the_header_lists_the_sections_in_the_editors_order(client, newsroom):
    Section.objects.filter(name="Science").update(sort_order=-1)  # an editor dragged it to the top

    soup = get_soup(client, "/authors/")

    names = [link.get_text() for link in soup.select(".site-sections a")]
    assert names == ["Science", "World", "Politics", "Business", "Culture", "Sport"]
    assert soup.select_one(".site-sections a")["href"] == "/section/science/"


def test_a_new_section_appears_in_the_header_at_once(client, newsroom):
    get_soup(client, "/")  # cached for readers

    SectionFactory(name="Weather")

    assert [a.get_text() for a in get_soup(client, "/").select(".site-sections a")][-1] == "Weather"


def test_a_co_author_without_a_bio_gets_no_empty_bio_box(client, newsroom):
    with_bio = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)
    without = AuthorPageFactory(parent=newsroom.author_index, title="John Roe", bio="", live=True)
    with_role = AuthorPageFactory(
        parent=newsroom.author_index, title="Ann Poe", bio="<p></p>", role="Intern", live=True
    )
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[with_bio, without, with_role], live=True)

    boxes = get_soup(client, article.url).select(".bio-box")

    assert [box.select_one(".bio-name").get_text() for box in boxes] == ["Jane Doe", "Ann Poe"]
    assert not boxes[1].select(".bio-text")
    assert text_of(boxes[1], ".bio-role") == "Intern"


def test_rich_text_saved_in_the_page_editor_carries_no_editor_markers_to_readers(client, editor_client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, live=True)
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[author], live=True)
    post_editor_form(editor_client, article, "action-publish")
    stored = ArticlePage.objects.get().body[0].value.source
    assert "data-block-key" in stored  # what Wagtail's editor keeps

    urls = [article.url, "/feeds/latest/rss/", "/feeds/latest/atom/", "/feeds/latest/json/"]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert b"data-block-key" not in response.content, url
    assert "The story's first paragraph." in client.get(article.url).content.decode()


def test_pages_remembered_parent_is_what_wagtail_gives_without_a_query(seed_article, django_assert_num_queries):
    """Pins what ``remember_parent`` relies on: Wagtail's ``Page.route`` and treebeard's ``get_parent``
    share the parent kept in ``_cached_parent_obj`` (Wagtail 8.0, django-treebeard 4.x)."""
    news_index = seed_article.get_parent().specific
    routed = news_index.get_children().specific().get(pk=seed_article.pk)
    remember_parent(routed, news_index)
    with django_assert_num_queries(0):
        assert routed.get_parent() is news_index

    generic = Page.objects.get(pk=news_index.pk)
    served = generic.route(RequestFactory().get(seed_article.url), [seed_article.slug]).page
    with django_assert_num_queries(0):
        assert served.get_parent() == generic


def test_lead_and_body_images_show_their_caption_and_the_credit_on_their_records(client, credited_story):
    soup = BeautifulSoup(client.get(credited_story.url).content, "html.parser")

    lead, inline = soup.select("figure figcaption")
    assert lead.get_text(" ", strip=True) == "Firefighters on the ridge above Malibu. Jane Doe/Reuters"
    assert lead.select_one(".credit").get_text() == "Jane Doe/Reuters"
    assert inline.get_text(" ", strip=True) == "The crowd at the harbour AP"


def test_the_articles_own_image_credit_wins_over_the_images(client, credited_story):
    credited_story.lead_image_credit = "Pool photo"
    credited_story.save_revision().publish()

    soup = BeautifulSoup(client.get(credited_story.url).content, "html.parser")

    assert soup.select_one(".lead-image .credit").get_text() == "Pool photo"


def test_hostile_image_credit_and_caption_are_text_on_the_page(client, credited_story):
    hostile = '<img src=x onerror="alert(1)">'
    image = credited_story.lead_image
    image.credit = image.description = hostile
    image.save()

    soup = BeautifulSoup(client.get(credited_story.url).content, "html.parser")

    assert soup.select_one(".lead-image .credit").get_text() == hostile
    assert soup.select_one(".lead-image img")["alt"] == hostile
    assert not soup.select("img[onerror]")

"""The "Republish this story" box: offered only where the licence allows it, with the story as HTML
that keeps the byline, the credit, the licence and a link back, and never lets its text loose."""

from bs4 import BeautifulSoup

from articles.licences import Licence
from articles.models import SourceRelationship

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory, OutletFactory
from .helpers import set_site_rights

HOSTILE = '</textarea><script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes"'


def republish_box(client, article):
    """The box on the article's page (None without one), and the HTML it offers, parsed."""
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    box = soup.select_one("details.republish")
    if box is None:
        return None, None
    return box, BeautifulSoup(box.textarea.string, "html.parser")


def test_republishable_story_offers_its_html_with_byline_credit_licence_and_link_back(client, newsroom):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY_ND)
    author = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        title="Harbour bridge reopens",
        authors=[author],
        source=OutletFactory(name="Fox News", url="https://www.foxnews.com/"),
        body=[("paragraph", '<p>The bridge <a href="/traffic/">reopened</a> on Tuesday.</p>'), ("heading", "Delays")],
        live=True,
    )

    box, story = republish_box(client, article)

    assert box.summary.get_text(strip=True) == "Republish this story"
    assert box.select_one("a[rel=license]")["href"] == "https://creativecommons.org/licenses/by-nd/4.0/"
    assert box.textarea.has_attr("readonly")
    assert story.h1.get_text() == "Harbour bridge reopens"
    assert story.select_one(".byline").get_text(" ", strip=True) == "By Jane Doe"
    assert story.select_one(".byline a")["href"] == "http://localhost/authors/jane-doe/"
    assert story.select_one(".source-credit").get_text(" ", strip=True) == "Source: Fox News"
    assert story.find("a", string="reopened")["href"] == "http://localhost/traffic/"
    assert story.h2.get_text() == "Delays"
    assert story.select_one("a[rel=license]")["href"] == "https://creativecommons.org/licenses/by-nd/4.0/"
    assert story.find("a", string="Test Newsroom")["href"] == article.get_full_url()
    assert "© 2025 Example Media" not in story.get_text()  # the site's notice, as the page shows it
    assert story.find(string=lambda text: "Test Newsroom. All rights reserved." in text)


def test_republished_html_leaves_out_images(client, newsroom):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY)
    image = ImageFactory()
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        lead_image=image,
        body=[("paragraph", "<p>Text.</p>"), ("image", {"image": image, "caption": "A photo", "credit": "Agency"})],
        live=True,
    )

    _, story = republish_box(client, article)

    assert story.find("img") is None
    assert "A photo" not in story.get_text()


def test_wire_copy_that_may_not_be_republished_offers_no_box(client, newsroom):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY)
    wire = OutletFactory(name="Wire Agency", licence=Licence.NO_REPUBLICATION)
    article = ArticlePageFactory(
        parent=newsroom.news_index, source=wire, source_relationship=SourceRelationship.WIRE, live=True
    )

    box, _ = republish_box(client, article)

    assert box is None
    assert "Republish this story" not in client.get(article.url).content.decode()


def test_a_story_whose_rights_are_reserved_offers_no_box(client, seed_article):
    assert republish_box(client, seed_article)[0] is None


def test_hostile_text_in_the_box_stays_text(client, newsroom):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY)
    author = AuthorPageFactory(parent=newsroom.author_index, title=HOSTILE, live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        title=HOSTILE,
        authors=[author],
        source=OutletFactory(name=HOSTILE),
        usage_terms=HOSTILE,
        live=True,
    )

    html = client.get(article.url).content.decode()
    box, story = republish_box(client, article)

    page = BeautifulSoup(html, "html.parser")
    assert [script["type"] for script in page.select("script")] == ["application/ld+json"]
    assert not page.select("img[onerror]")
    assert box.select_one(".usage-terms").get_text() == HOSTILE
    assert story.h1.get_text() == HOSTILE  # the copy holds the text, escaped once more for its own page
    assert story.select_one(".byline").get_text(" ", strip=True) == f"By {HOSTILE}"
    assert not story.select("script, img, textarea")

"""schema.org JSON-LD on the article, author and home pages, read by a real extractor (extruct)."""

import json

from bs4 import BeautifulSoup

from articles.licences import Licence
from articles.models import NewsroomSettings, SourceRelationship
from newsroom_core.rich_text_conversion import text_to_html

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory, OutletFactory, SectionFactory
from .helpers import SEED_URL, extract, json_ld_of_type, open_graph, set_site_rights, unknown_schema_org_terms

HOSTILE = "</script><script>alert(1)</script><!-- \u2028\u2029"


def test_seed_article_states_its_attribution_in_json_ld(client, seed_article):
    settings = NewsroomSettings.for_site(seed_article.get_site())
    settings.publisher_name = "Test Newsroom Media"
    settings.logo = ImageFactory()
    settings.save()
    seed_article.section = SectionFactory(name="Science")
    seed_article.lead_image = ImageFactory()
    seed_article.tags.add("space")
    seed_article.save_revision().publish()
    seed_article.refresh_from_db()

    article = json_ld_of_type(extract(client, seed_article.url), "NewsArticle")

    assert article["headline"] == "Russia is threatening to leave an American astronaut stranded in space"
    assert article["description"].startswith(
        "Russia is threatening to leave an American astronaut stranded in space as"
    )
    assert article["datePublished"] == seed_article.first_published_at.isoformat()
    assert article["dateModified"] == seed_article.last_published_at.isoformat()
    assert article["author"] == [
        {"@type": "Person", "name": "Solange Reyner", "url": "http://localhost/authors/solange-reyner/"}
    ]
    assert article["publisher"]["@type"] == "NewsMediaOrganization"
    assert article["publisher"]["name"] == "Test Newsroom Media"
    assert article["publisher"]["url"] == "http://localhost/"
    assert article["publisher"]["logo"]["url"].startswith("http://localhost/media/original_images/")
    assert article["copyrightHolder"] == {"@type": "Organization", "name": "Newsmax"}
    assert article["copyrightYear"] == 2026
    assert article["copyrightNotice"] == "© 2026 Newsmax. All rights reserved."
    assert article["isBasedOn"]["publisher"] == {"@type": "Organization", "name": "Fox News"}
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": SEED_URL}
    assert article["image"][0]["url"].startswith("http://localhost/media/images/")
    assert article["articleSection"] == "Science"
    assert article["keywords"] == ["space"]
    assert article["license"] == {"@type": "CreativeWork", "name": "All rights reserved"}
    assert unknown_schema_org_terms(article) == set()


def test_both_authors_are_named_when_an_article_has_two(client, newsroom):
    authors = [
        AuthorPageFactory(parent=newsroom.author_index, title=name, live=True) for name in ("Jane Doe", "John Roe")
    ]
    article = ArticlePageFactory(parent=newsroom.news_index, authors=authors, live=True)

    data = extract(client, article.url)

    assert [author["name"] for author in json_ld_of_type(data, "NewsArticle")["author"]] == ["Jane Doe", "John Roe"]
    assert [value for prop, value in open_graph(data) if prop == "article:author"] == [
        "http://localhost/authors/jane-doe/",
        "http://localhost/authors/john-roe/",
    ]


def test_hostile_headline_author_and_bio_give_valid_json_ld_and_no_script(client, newsroom):
    # The bio as rich text holds it: the importer and the editor both store text, escaped.
    author = AuthorPageFactory(parent=newsroom.author_index, title=HOSTILE, bio=text_to_html(HOSTILE), live=True)
    article = ArticlePageFactory(parent=newsroom.news_index, title=HOSTILE, dek=HOSTILE, authors=[author], live=True)

    html = client.get(article.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.select("script")

    assert [script["type"] for script in scripts] == ["application/ld+json"]
    data = json.loads(scripts[0].string)
    assert data["headline"] == HOSTILE
    assert data["author"][0]["name"] == HOSTILE
    assert "alert(1)</script>" not in scripts[0].string
    assert soup.select_one("meta[property='og:title']")["content"] == HOSTILE
    author_data = json.loads(BeautifulSoup(client.get(author.url).content, "html.parser").select_one("script").string)
    assert author_data["mainEntity"]["description"] == " ".join(HOSTILE.split())


def test_author_page_is_a_profile_page_about_a_person(client, newsroom):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe", role="Science editor", live=True)

    profile = json_ld_of_type(extract(client, author.url), "ProfilePage")

    assert profile["mainEntity"] == {
        "@type": "Person",
        "name": "Ann Poe",
        "url": "http://localhost/authors/ann-poe/",
        "jobTitle": "Science editor",
        "description": "Ann Poe writes about science.",
    }


def test_home_page_describes_the_website_and_its_publisher(client, newsroom):
    data = extract(client, "/")

    [graph] = [item for item in data["json-ld"] if "@graph" in item]
    website = next(node for node in graph["@graph"] if node["@type"] == "WebSite")
    assert website["url"] == "http://localhost/"
    assert website["publisher"]["name"] == "Test Newsroom"
    assert website["publisher"]["@type"] == "NewsMediaOrganization"
    assert unknown_schema_org_terms(graph) == set()


def test_licensed_story_states_its_licence_terms_and_licensing_page_in_json_ld(client, newsroom):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY_ND, licence_page="https://example.com/licensing/")
    author = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index, authors=[author], usage_terms="Keep the byline and the link.", live=True
    )

    data = json_ld_of_type(extract(client, article.url), "NewsArticle")

    assert data["license"] == "https://creativecommons.org/licenses/by-nd/4.0/"
    assert data["usageInfo"] == {"@type": "CreativeWork", "text": "Keep the byline and the link."}
    assert data["acquireLicensePage"] == "https://example.com/licensing/"
    assert unknown_schema_org_terms(data) == set()


def test_wire_copy_names_its_licence_and_the_outlets_licensing_page_in_json_ld(client, newsroom):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY, licence_page="https://example.com/licensing/")
    wire = OutletFactory(
        name="Wire Agency",
        licence=Licence.NO_REPUBLICATION,
        usage_terms="For subscribers only.",
        licence_page="https://wire.example/licensing/",
    )
    author = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        authors=[author],
        source=wire,
        source_relationship=SourceRelationship.WIRE,
        live=True,
    )

    data = json_ld_of_type(extract(client, article.url), "NewsArticle")

    assert data["license"] == {"@type": "CreativeWork", "name": "May not be republished"}
    assert data["usageInfo"]["text"] == "For subscribers only."
    assert data["acquireLicensePage"] == "https://wire.example/licensing/"
    assert unknown_schema_org_terms(data) == set()


def test_a_credited_lead_image_is_an_image_object_in_each_aspect_ratio_with_its_rights(client, credited_story):
    data = extract(client, credited_story.url)
    article = json_ld_of_type(data, "NewsArticle")

    *lead, inline = article["image"]
    assert [(image["width"], image["height"]) for image in lead] == [(1200, 675), (1200, 900), (1200, 1200)]
    for image in lead:
        assert image["@type"] == "ImageObject"
        assert image["url"].startswith("http://localhost/media/images/")
        assert image["creditText"] == "Jane Doe/Reuters"
        assert image["creator"] == {"@type": "Person", "name": "Jane Doe"}
        assert image["copyrightNotice"] == "© 2026 Thomson Reuters"
        assert image["license"] == "https://www.reuters.com/licensing/"
        assert image["acquireLicensePage"] == "https://pictures.reuters.com/buy"
        assert image["caption"] == "Firefighters on the ridge above Malibu."
    assert inline["url"].startswith("http://localhost/media/original_images/")
    assert (inline["creditText"], inline["copyrightNotice"], inline["caption"]) == (
        "AP",
        "© 2026 AP",
        "The crowd at the harbour",
    )
    assert unknown_schema_org_terms(data["json-ld"]) == set()


def test_the_seed_storys_json_ld_holds_only_schema_org_terms(client, seed_article):
    seed_article.lead_image = ImageFactory()
    seed_article.save_revision().publish()

    assert unknown_schema_org_terms(extract(client, seed_article.url)["json-ld"]) == set()


def test_a_hostile_image_credit_stays_text_in_json_ld(client, credited_story):
    image = credited_story.lead_image
    image.credit = image.creator = HOSTILE
    image.save()

    soup = BeautifulSoup(client.get(credited_story.url).content, "html.parser")
    script = soup.select_one("script[type='application/ld+json']").string

    assert "alert(1)</script>" not in script
    image_object = json.loads(script)["image"][0]
    assert image_object["creditText"] == HOSTILE.strip()  # the credit line as printed, without its edges
    assert image_object["creator"]["name"] == HOSTILE


def test_licensed_story_with_a_credited_image_holds_only_schema_org_terms(client, newsroom, credited_story):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY, licence_page="https://example.com/licensing/")

    data = extract(client, credited_story.url)
    article = json_ld_of_type(data, "NewsArticle")

    assert article["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert article["acquireLicensePage"] == "https://example.com/licensing/"
    assert {image["creditText"] for image in article["image"]} == {"Jane Doe/Reuters", "AP"}
    assert all(image["license"] for image in article["image"][:3])  # the photo's own licence, not the story's
    assert unknown_schema_org_terms(data["json-ld"]) == set()

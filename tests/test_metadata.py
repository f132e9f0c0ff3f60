"""Machine-readable attribution: JSON-LD, Open Graph, sitemaps and robots.txt, read by real extractors."""

import io
import json
from datetime import timedelta

import extruct
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage, NewsroomSettings, Outlet, SourceRelationship
from newsroom_core.rich_text_conversion import text_to_html

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory, SectionFactory
from .helpers import SEED_FILE

SEED_URL = "http://localhost/russia-is-threatening-to-leave-an-american-astronaut-stranded-in-space/"
HOSTILE = "</script><script>alert(1)</script><!-- \u2028\u2029"


def extract(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return extruct.extract(response.content.decode(), base_url=url, syntaxes=["json-ld", "opengraph"])


def json_ld_of_type(data, schema_type):
    [found] = [item for item in data["json-ld"] if item.get("@type") == schema_type]
    return found


def open_graph(data):
    return data["opengraph"][0]["properties"]


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
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["name"] == "Test Newsroom Media"
    assert article["publisher"]["url"] == "http://localhost/"
    assert article["publisher"]["logo"]["url"].startswith("http://localhost/media/original_images/")
    assert article["copyrightHolder"] == {"@type": "Organization", "name": "Newsmax"}
    assert article["copyrightYear"] == 2026
    assert article["copyrightNotice"] == "© 2026 Newsmax. All rights reserved."
    assert article["isBasedOn"]["publisher"] == {"@type": "Organization", "name": "Fox News"}
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": SEED_URL}
    assert article["image"][0].startswith("http://localhost/media/images/")
    assert article["articleSection"] == "Science"
    assert article["keywords"] == ["space"]


def test_seed_article_has_open_graph_twitter_canonical_and_description(client, seed_article):
    seed_article.section = SectionFactory(name="Science")
    seed_article.tags.add("space")
    seed_article.save_revision().publish()
    seed_article.refresh_from_db()

    response = client.get(seed_article.url)
    properties = open_graph(extract(client, seed_article.url))
    soup = BeautifulSoup(response.content, "html.parser")

    assert ("og:type", "article") in properties
    assert ("og:url", SEED_URL) in properties
    assert ("article:published_time", seed_article.first_published_at.isoformat()) in properties
    assert ("article:modified_time", seed_article.last_published_at.isoformat()) in properties
    assert ("article:author", "http://localhost/authors/solange-reyner/") in properties
    assert ("article:section", "Science") in properties
    assert ("article:tag", "space") in properties
    assert soup.select_one("meta[name='twitter:card']")["content"] == "summary"
    assert soup.select_one("link[rel=canonical]")["href"] == SEED_URL
    assert soup.select_one("meta[name=description]")["content"].endswith("…")


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


def test_seo_title_and_description_win_over_the_fallbacks(client, newsroom):
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        title="A long headline for the page",
        dek="The standfirst.",
        seo_title="Short SEO title",
        search_description="Written for search engines.",
        live=True,
    )

    soup = BeautifulSoup(client.get(article.url).content, "html.parser")

    assert soup.title.string.startswith("Short SEO title")
    assert soup.select_one("meta[property='og:title']")["content"] == "Short SEO title"
    assert soup.select_one("meta[name=description]")["content"] == "Written for search engines."


def test_description_falls_back_to_the_standfirst(client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, dek="The standfirst.", live=True)

    soup = BeautifulSoup(client.get(article.url).content, "html.parser")

    assert soup.select_one("meta[name=description]")["content"] == "The standfirst."


def test_republished_story_points_its_canonical_link_at_the_original(client, seed_article):
    seed_article.source_relationship = SourceRelationship.ORIGINALLY_PUBLISHED_BY
    seed_article.canonical_url = "https://www.foxnews.com/science/russia-astronaut"
    seed_article.save_revision().publish()

    response = client.get(seed_article.url)
    soup = BeautifulSoup(response.content, "html.parser")
    article = json_ld_of_type(extract(client, seed_article.url), "NewsArticle")

    assert soup.select_one("link[rel=canonical]")["href"] == "https://www.foxnews.com/science/russia-astronaut"
    assert article["isBasedOn"]["url"] == "https://www.foxnews.com/science/russia-astronaut"
    assert soup.select_one(".source-credit").get_text(" ", strip=True) == "Originally published by Fox News"


def test_importer_reuses_the_outlet_record_matched_by_name(newsroom, tmp_path):
    Outlet.objects.create(name="FOX NEWS", url="https://www.foxnews.com/")

    call_command("import_story", str(SEED_FILE), stdout=io.StringIO())

    assert Outlet.objects.count() == 1
    assert ArticlePage.objects.get().source.url == "https://www.foxnews.com/"


def test_outlet_url_is_linked_from_the_credit(client, seed_article):
    Outlet.objects.filter(name="Fox News").update(url="https://www.foxnews.com/")

    credit = BeautifulSoup(client.get(seed_article.url).content, "html.parser").select_one(".source-credit a")

    assert (credit.get_text(), credit["href"]) == ("Fox News", "https://www.foxnews.com/")


def news_sitemap_titles(client):
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "xml")
    return [title.get_text() for title in soup.find_all("news:title")]


def test_google_news_sitemap_lists_recent_live_articles_with_publication(client, seed_article):
    response = client.get("/sitemap-news.xml")
    soup = BeautifulSoup(response.content, "xml")

    assert soup.find("loc").get_text() == SEED_URL
    assert soup.find("news:name").get_text() == "Test Newsroom"
    assert soup.find("news:language").get_text() == "en"
    assert soup.find("news:publication_date").get_text() == seed_article.first_published_at.isoformat()
    assert news_sitemap_titles(client) == [seed_article.title]


def test_google_news_sitemap_excludes_drafts_private_and_older_articles(client, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, title="Fresh story", live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Draft story")
    private = ArticlePageFactory(parent=newsroom.news_index, title="Private story", live=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    old = ArticlePageFactory(parent=newsroom.news_index, title="Old story", live=True)
    ArticlePage.objects.filter(pk=old.pk).update(first_published_at=timezone.now() - timedelta(days=2, minutes=1))

    assert news_sitemap_titles(client) == ["Fresh story"]


def test_sitemap_lists_live_pages_with_their_last_publication_date(client, seed_article, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, title="Draft story")

    soup = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    entries = {url.find("loc").get_text(): url.find("lastmod") for url in soup.find_all("url")}

    assert entries[SEED_URL].get_text() == seed_article.last_published_at.date().isoformat()
    assert not any("draft-story" in location for location in entries)


def test_robots_txt_points_at_both_sitemaps(client, newsroom):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        "Sitemap: http://localhost/sitemap.xml",
        "Sitemap: http://localhost/sitemap-news.xml",
    ]

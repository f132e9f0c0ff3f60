"""The headless API under /api/v2/: attribution as the page states it, and only what readers may see."""

from datetime import timedelta

from django.utils import timezone

from articles.licences import Licence
from articles.models import ArticlePage, SourceRelationship

from .factories import ArticlePageFactory, OutletFactory, PageViewRestrictionFactory
from .helpers import set_site_rights

ARTICLES = "/api/v2/pages/?type=newsroom_articles.ArticlePage"
ATTRIBUTION = "fields=byline,byline_text,source_credit,copyright,licence,modified_at,section_name,tags,corrections,body"


def api(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, url):
    return [item["title"] for item in api(client, url)["items"]]


def test_api_gives_the_seed_storys_byline_credit_and_copyright(client, seed_article):
    [item] = api(client, f"{ARTICLES}&{ATTRIBUTION}")["items"]

    assert item["title"] == "Russia is threatening to leave an American astronaut stranded in space"
    assert item["byline"] == [{"name": "Solange Reyner", "url": "http://localhost/authors/solange-reyner/"}]
    assert item["byline_text"] == "Solange Reyner"
    assert item["source_credit"] == {"name": "Fox News", "url": None, "relationship": "via", "text": "Source: Fox News"}
    assert item["copyright"] == {"holder": "Newsmax", "year": 2026, "notice": "© 2026 Newsmax. All rights reserved."}
    assert item["licence"]["name"] == "All rights reserved"
    assert item["meta"]["first_published_at"].startswith(str(seed_article.first_published_at.year))
    assert item["modified_at"] == seed_article.last_published_at.isoformat()
    assert len(item["body"]) == 8
    assert item["corrections"] == []


def test_article_detail_carries_the_same_attribution(client, seed_article):
    item = api(client, f"/api/v2/pages/{seed_article.pk}/")

    assert item["byline"][0]["name"] == "Solange Reyner"
    assert item["source_credit"]["name"] == "Fox News"
    assert item["dek"] == ""


def test_api_never_shows_drafts_private_scheduled_or_expired_pages(client, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, title="Visible story", live=True)
    ArticlePageFactory(parent=newsroom.news_index, title="Draft story")
    private = ArticlePageFactory(parent=newsroom.news_index, title="Private story", live=True)
    PageViewRestrictionFactory(page=private, password="secret")
    scheduled = ArticlePageFactory(parent=newsroom.news_index, title="Scheduled story")
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    expired = ArticlePageFactory(parent=newsroom.news_index, title="Expired story", live=True)
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    assert titles(client, ARTICLES) == ["Visible story"]
    assert "Draft story" not in str(api(client, "/api/v2/pages/"))
    for hidden in (private, scheduled, expired):
        assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404


def test_api_filters_articles_by_author_section_and_tag(client, jane_science_story):
    assert titles(client, f"{ARTICLES}&author=jane-doe") == ["Jane's science story"]
    assert titles(client, f"{ARTICLES}&section=science") == ["Jane's science story"]
    assert titles(client, f"{ARTICLES}&tag=space") == ["Jane's science story"]
    assert titles(client, f"{ARTICLES}&author=nobody") == []


def test_article_filters_need_the_article_type(client, newsroom):
    response = client.get("/api/v2/pages/?author=jane-doe")

    assert response.status_code == 400
    assert "type=newsroom_articles.ArticlePage" in response.json()["message"]


def test_author_pages_are_in_the_api_with_their_bio(client, seed_article):
    [author] = api(client, "/api/v2/pages/?type=newsroom_authors.AuthorPage&fields=role,bio")["items"]

    assert author["title"] == "Solange Reyner"
    assert author["bio"].startswith("<p>Solange Reyner is a writer and editor for Newsmax.")


def test_api_gives_each_articles_licence_and_terms(client, newsroom):
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY, licence_page="https://example.com/licensing/")
    wire = OutletFactory(name="Wire Agency", licence=Licence.NO_REPUBLICATION, usage_terms="For subscribers only.")
    ArticlePageFactory(parent=newsroom.news_index, title="Ours", live=True)
    ArticlePageFactory(
        parent=newsroom.news_index, title="Wire", source=wire, source_relationship=SourceRelationship.WIRE, live=True
    )

    items = {item["title"]: item["licence"] for item in api(client, f"{ARTICLES}&fields=licence")["items"]}

    assert items["Ours"] == {
        "id": "cc-by",
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "allows_republication": True,
        "usage_terms": None,
        "licence_page": "https://example.com/licensing/",
    }
    assert items["Wire"] == {
        "id": "no-republication",
        "name": "May not be republished",
        "url": None,
        "allows_republication": False,
        "usage_terms": "For subscribers only.",
        "licence_page": None,
    }


def test_api_gives_the_lead_image_with_its_renditions_and_credit(client, credited_story):
    [item] = api(client, f"{ARTICLES}&fields=lead_image")["items"]

    image = item["lead_image"]
    assert {key: value for key, value in image.items() if key != "renditions"} == {
        "title": "Ridge",
        "caption": "Firefighters on the ridge above Malibu.",
        "credit": "Jane Doe/Reuters",
        "creator": "Jane Doe",
        "copyright_notice": "© 2026 Thomson Reuters",
        "source": "Reuters",
        "licence_url": "https://www.reuters.com/licensing/",
        "acquire_licence_url": "https://pictures.reuters.com/buy",
    }
    assert [(r["width"], r["height"]) for r in image["renditions"]] == [(1200, 675), (1200, 900), (1200, 1200)]
    assert all(r["url"].startswith("http://localhost/media/images/") for r in image["renditions"])


def test_api_gives_the_articles_own_credit_for_its_lead_image(client, credited_story):
    credited_story.lead_image_credit = "Pool photo"
    credited_story.save_revision().publish()

    item = api(client, f"/api/v2/pages/{credited_story.pk}/")

    assert item["lead_image"]["credit"] == "Pool photo"

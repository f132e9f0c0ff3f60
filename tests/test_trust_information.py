"""The publisher's policies: pages editors write, named in the site settings, linked in the footer and
beside corrections, and stated on the publisher's JSON-LD as the Trust Project's indicators ask."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import POLICY_KINDS, ArticlePage, NewsroomSettings, PolicyPage

from .factories import ArticlePageFactory, CorrectionFactory, PageViewRestrictionFactory, PolicyPageFactory
from .helpers import extract, json_ld_of_type, queries_for, unknown_schema_org_terms

SCHEMA_PROPERTIES = {
    "publishing_principles": "publishingPrinciples",
    "corrections_policy": "correctionsPolicy",
    "ethics_policy": "ethicsPolicy",
    "masthead": "masthead",
    "ownership_funding": "ownershipFundingInfo",
    "feedback_policy": "actionableFeedbackPolicy",
    "fact_checking_policy": "verificationFactCheckingPolicy",
    "unnamed_sources_policy": "unnamedSourcesPolicy",
}


def choose_policies(newsroom, **pages):
    """Name ``pages`` (setting name: page) in the site's Newsroom settings."""
    site_settings = NewsroomSettings.for_site(newsroom.news_index.get_site())
    for name, page in pages.items():
        setattr(site_settings, name, page)
    site_settings.save()


def every_policy(newsroom, **page_fields):
    """A live policy page for each kind, chosen in the settings: {setting name: page}."""
    pages = {
        kind.field_name: PolicyPageFactory(
            parent=newsroom.news_index, title=kind.label.capitalize(), slug=kind.field_name.replace("_", "-"), live=True
        )
        for kind in POLICY_KINDS
    }
    choose_policies(newsroom, **pages)
    return pages


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def footer_policies(client, url="/"):
    return [(a.get_text(), a["href"]) for a in soup(client, url).select(".site-footer .footer-policies a")]


def home_publishers(client):
    [graph] = [item for item in extract(client, "/")["json-ld"] if "@graph" in item]
    website = next(node for node in graph["@graph"] if node["@type"] == "WebSite")
    organisation = next(node for node in graph["@graph"] if node["@type"] != "WebSite")
    return graph, [website["publisher"], organisation]


def test_a_policy_page_is_served_in_the_site_design(client, newsroom):
    page = PolicyPageFactory(
        parent=newsroom.news_index,
        title="Ethics policy",
        slug="ethics",
        body="<h2>Gifts</h2><p>We accept no gifts from the people we cover.</p>",
        search_description="The rules our journalists follow.",
        live=True,
    )

    html = soup(client, "/ethics/")

    assert html.select_one("main h1").get_text() == "Ethics policy"
    assert html.select_one("main .article-body h2").get_text() == "Gifts"
    assert "We accept no gifts" in html.select_one("main .article-body").get_text()
    assert html.select_one('link[rel="canonical"]')["href"] == page.full_url
    assert html.select_one('meta[name="description"]')["content"] == "The rules our journalists follow."
    assert html.select_one(".site-header .site-sections") is not None


def test_a_policy_page_goes_under_the_news_index_and_nothing_goes_under_it(newsroom):
    policy = PolicyPageFactory(parent=newsroom.news_index, live=True)

    assert PolicyPage.can_create_at(newsroom.news_index)
    assert not PolicyPage.can_create_at(newsroom.author_index)
    assert not ArticlePage.can_create_at(policy)


def test_the_settings_screen_offers_a_page_chooser_per_policy(admin_client, newsroom):
    url = reverse("wagtailsettings:edit", args=["newsroom_articles", "newsroomsettings"])

    html = admin_client.get(url, follow=True).content.decode()

    assert "Trust and policies" in html
    assert all(f'name="{kind.field_name}"' in html for kind in POLICY_KINDS)


def test_an_editor_may_add_a_policy_page_under_the_news_index(admin_client, newsroom):
    url = reverse("wagtailadmin_pages:add", args=["newsroom_articles", "policypage", newsroom.news_index.pk])

    response = admin_client.get(url)

    assert response.status_code == 200
    assert 'name="body"' in response.content.decode()


def test_the_article_publisher_is_a_news_media_organization_with_each_policy(client, newsroom):
    pages = every_policy(newsroom)
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)

    publisher = json_ld_of_type(extract(client, article.url), "NewsArticle")["publisher"]

    assert publisher["@type"] == "NewsMediaOrganization"
    for name, schema_property in SCHEMA_PROPERTIES.items():
        assert publisher[schema_property] == pages[name].full_url
    assert pages["ethics_policy"].full_url == "http://localhost/ethics-policy/"
    assert unknown_schema_org_terms(publisher) == set()


def test_the_home_page_publisher_is_a_news_media_organization_with_each_policy(client, newsroom):
    pages = every_policy(newsroom)

    graph, publishers = home_publishers(client)

    for publisher in publishers:
        assert publisher["@type"] == "NewsMediaOrganization"
        assert {schema_property: publisher.get(schema_property) for schema_property in SCHEMA_PROPERTIES.values()} == {
            schema_property: pages[name].full_url for name, schema_property in SCHEMA_PROPERTIES.items()
        }
    assert unknown_schema_org_terms(graph) == set()


def test_without_policies_the_publisher_names_none(client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)

    publisher = json_ld_of_type(extract(client, article.url), "NewsArticle")["publisher"]

    assert publisher["@type"] == "NewsMediaOrganization"
    assert set(SCHEMA_PROPERTIES.values()).isdisjoint(publisher)
    assert footer_policies(client) == []


def test_the_footer_links_the_live_policies_by_their_titles_in_order(client, newsroom):
    every_policy(newsroom)

    assert footer_policies(client) == [
        ("Publishing principles", "/publishing-principles/"),
        ("Corrections policy", "/corrections-policy/"),
        ("Ethics policy", "/ethics-policy/"),
        ("Masthead", "/masthead/"),
        ("Ownership and funding", "/ownership-funding/"),
        ("How to send feedback", "/feedback-policy/"),
        ("Fact-checking policy", "/fact-checking-policy/"),
        ("Unnamed sources policy", "/unnamed-sources-policy/"),
    ]


def test_every_footer_policy_link_answers(client, newsroom):
    every_policy(newsroom)
    links = footer_policies(client, "/authors/")

    assert len(links) == len(POLICY_KINDS)
    for _, href in links:
        assert client.get(href).status_code == 200, href


def test_a_policy_title_is_escaped_in_the_footer(client, newsroom):
    hostile = '<script>alert(1)</script> & "Ethics"'
    choose_policies(newsroom, ethics_policy=PolicyPageFactory(parent=newsroom.news_index, title=hostile, live=True))

    html = client.get("/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert [title for title, _ in footer_policies(client)] == [hostile]


@pytest.mark.parametrize("hidden", ["draft", "private", "unpublished"])
def test_a_policy_readers_may_not_see_is_left_out_of_the_footer_and_json_ld(client, newsroom, hidden):
    shown = PolicyPageFactory(parent=newsroom.news_index, title="Masthead", slug="masthead", live=True)
    ethics = PolicyPageFactory(parent=newsroom.news_index, title="Ethics", slug="ethics", live=hidden != "draft")
    if hidden == "private":
        PageViewRestrictionFactory(page=ethics)
    elif hidden == "unpublished":
        ethics.unpublish()
    choose_policies(newsroom, masthead=shown, ethics_policy=ethics)
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)

    publisher = json_ld_of_type(extract(client, article.url), "NewsArticle")["publisher"]
    _, home = home_publishers(client)

    assert footer_policies(client) == [("Masthead", "/masthead/")]
    assert footer_policies(client, article.url) == [("Masthead", "/masthead/")]
    assert publisher["masthead"] == "http://localhost/masthead/"
    assert "ethicsPolicy" not in publisher
    assert all("ethicsPolicy" not in node and node["masthead"] for node in home)


def test_a_policy_unpublished_leaves_the_footer_on_the_next_request(client, newsroom):
    ethics = PolicyPageFactory(parent=newsroom.news_index, title="Ethics", live=True)
    choose_policies(newsroom, ethics_policy=ethics)
    assert [title for title, _ in footer_policies(client)] == ["Ethics"]

    ethics.unpublish()

    assert footer_policies(client) == []


def test_a_policy_page_deleted_leaves_the_settings_and_the_footer(client, newsroom):
    ethics = PolicyPageFactory(parent=newsroom.news_index, title="Ethics", live=True)
    choose_policies(newsroom, ethics_policy=ethics)
    ethics.delete()

    assert NewsroomSettings.objects.get().ethics_policy is None
    assert footer_policies(client) == []


def test_the_corrections_box_and_listing_link_the_corrections_policy(client, newsroom):
    policy = PolicyPageFactory(parent=newsroom.news_index, title="How we correct", slug="corrections-policy", live=True)
    choose_policies(newsroom, corrections_policy=policy)
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)
    CorrectionFactory(article=article)

    box = soup(client, article.url).select_one(".corrections .corrections-policy a")
    listing = soup(client, "/corrections/").select_one(".listing-header .corrections-policy a")

    assert (box.get_text(), box["href"]) == ("How we correct", "/corrections-policy/")
    assert (listing.get_text(), listing["href"]) == ("How we correct", "/corrections-policy/")


def test_without_a_corrections_policy_the_corrections_box_links_none(client, newsroom):
    choose_policies(newsroom, ethics_policy=PolicyPageFactory(parent=newsroom.news_index, live=True))
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)
    CorrectionFactory(article=article)

    assert soup(client, article.url).select_one(".corrections .corrections-policy") is None
    assert soup(client, "/corrections/").select_one(".corrections-policy") is None


@pytest.mark.parametrize("url", ["article", "/", "/corrections/"])
def test_policies_cost_a_page_no_query(client, newsroom, url):
    article = ArticlePageFactory(parent=newsroom.news_index, live=True)
    url = article.url if url == "article" else url
    without = len(queries_for(client, url))
    every_policy(newsroom)

    assert len(queries_for(client, url)) == without

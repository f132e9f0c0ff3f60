"""What surrounds every page: the header (the site's name, its sections, search and the feed), the
footer (sections, journalists, corrections, feeds, the copyright notice), and the error pages in
the same design."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from .factories import ArticlePageFactory


def soup(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


@pytest.mark.parametrize("url", ["/", "/authors/", "/search/", "/corrections/", "/section/science/"])
def test_every_page_links_the_sections_search_and_the_feed_in_its_header(client, newsroom, url):
    header = soup(client, url).select_one(".site-header")

    assert [a.get_text() for a in header.select(".site-sections a")][:2] == ["World", "Politics"]
    tools = {a.get_text(): a["href"] for a in header.select(".site-tools a")}
    assert tools == {"Search": "/search/", "RSS": "/feeds/latest/rss/"}
    assert header.select_one(".site-name")["href"] == "/"


def test_the_footer_links_the_sections_journalists_corrections_and_feed_and_gives_the_notice(client, newsroom):
    footer = soup(client, "/").select_one(".site-footer")

    links = {a.get_text(): a["href"] for a in footer.select(".footer-links a")}
    assert links == {
        "Our journalists": "/authors/",
        "Corrections": "/corrections/",
        "RSS feed": "/feeds/latest/rss/",
        "Search": "/search/",
    }
    assert "/section/science/" in {a["href"] for a in footer.select(".footer-sections a")}
    assert "All rights reserved" in footer.select_one(".copyright").get_text()


def test_every_footer_link_answers(client, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, live=True)
    footer = soup(client, "/").select_one(".site-footer")

    for link in footer.select("a"):
        assert client.get(link["href"]).status_code == 200, link["href"]


def test_a_page_not_found_is_in_the_site_design_and_offers_search(client, newsroom):
    response = client.get("/no-such-story/")
    page = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 404
    assert page.select_one(".site-header .site-sections") is not None
    assert page.select_one("form.search-form[role=search]")["action"] == "/search/"
    assert any("newsroom.css" in link["href"] for link in page.select("link[rel=stylesheet]"))


def test_the_server_error_page_renders_without_a_request_or_the_database():
    html = render_to_string("500.html")  # no database access is allowed here: a query would fail the test

    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("h1").get_text() == "Something went wrong"
    assert [link["href"].split("/")[-1].split(".")[0] for link in page.select("link[rel=stylesheet]")] == [
        "site",
        "newsroom",
    ]

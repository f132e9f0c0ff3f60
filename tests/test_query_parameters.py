"""Control characters in query strings: a 400 or nothing, never a server error, on either database."""

import pytest

URLS = [
    ("/search/?q=a%00b", 200),
    ("/search/?q=%1b%5b31m", 200),
    ("/api/v2/pages/?search=a%00b", 400),
    ("/api/v2/pages/?type=newsroom_articles.ArticlePage&author=a%00b", 400),
    ("/api/v2/pages/find/?html_path=/a%00b/", 400),
    ("/api/v2/pages/?type=newsroom_articles.ArticlePage&tag=%07", 400),
    ("/api/v2/pages/1/?fields=%00", 400),
    ("/?page=%00", 200),
]


@pytest.mark.parametrize(("url", "status"), URLS)
def test_a_control_character_in_a_query_parameter_is_ignored_or_refused(client, seed_article, url, status):
    assert client.get(url).status_code == status


def test_search_ignores_the_control_characters_and_finds_the_words(client, seed_article):
    response = client.get("/search/?q=astro%00naut")

    assert "1 result for “astronaut”" in " ".join(response.content.decode().split())

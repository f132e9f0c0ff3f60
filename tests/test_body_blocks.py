"""The blocks an editor builds a story's body from, as readers and feed readers get them:
paragraphs, subheadings and pull quotes, with everything the editor typed escaped."""

import feedparser
from bs4 import BeautifulSoup

from .factories import ArticlePageFactory

HOSTILE = '<script>alert("x")</script> & co'


def long_read(newsroom):
    return ArticlePageFactory(
        parent=newsroom.news_index,
        title="How the harbour bridge was mended",
        live=True,
        body=[
            ("paragraph", "<p>Work began in the spring.</p>"),
            ("heading", f"What went wrong {HOSTILE}"),
            ("paragraph", "<p>The cables had rusted.</p>"),
            ("quote", {"text": f"It will last a century {HOSTILE}", "attribution": f"The engineer {HOSTILE}"}),
        ],
    )


def test_a_subheading_is_a_second_level_heading_between_the_paragraphs(client, newsroom):
    page = BeautifulSoup(client.get(long_read(newsroom).url).content, "html.parser")

    body = page.select_one(".article-body")
    assert [element.name for element in body.find_all(["p", "h2"], recursive=False)] == ["p", "h2", "p"]
    assert body.select_one("h2.article-subhead").get_text() == f"What went wrong {HOSTILE}"
    assert "<script>" not in str(body)


def test_a_pull_quote_is_a_figure_with_its_attribution(client, newsroom):
    page = BeautifulSoup(client.get(long_read(newsroom).url).content, "html.parser")

    quote = page.select_one(".article-body figure.quote")
    assert quote.blockquote.get_text(strip=True) == f"It will last a century {HOSTILE}"
    assert quote.figcaption.get_text() == f"The engineer {HOSTILE}"


def test_feeds_carry_the_subheading_and_the_quote(client, newsroom):
    long_read(newsroom)

    content = feedparser.parse(client.get("/feeds/latest/atom/").content).entries[0].content[0].value

    item = BeautifulSoup(content, "html.parser")
    assert item.h2.get_text() == f"What went wrong {HOSTILE}"
    assert item.blockquote.get_text(strip=True) == f"It will last a century {HOSTILE}"
    assert "<script>" not in content

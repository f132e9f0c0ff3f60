"""Feed items kept per article revision (``articles.feed_items``): a feed after a new story builds
that story's item and reuses the others, and every change an item shows still reaches it at once.
The reader cache is off here, so each request builds its feed."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles.feed_formats import ItemMarkupFeed
from articles.models import ArticlePage, ContentVersion

from .factories import ArticlePageFactory, CorrectionFactory

FEED = "/feeds/latest/rss/"


@pytest.fixture(autouse=True)
def reader_cache_off(settings):
    settings.NEWSROOM_CACHE_SECONDS = 0


def entries(client, url=FEED):
    return feedparser.parse(client.get(url).content).entries


def titles(client, url=FEED):
    return [entry.title for entry in entries(client, url)]


def test_a_new_story_builds_its_own_item_and_reuses_the_others(client, newsroom_with_articles):
    newsroom, newest, _ = newsroom_with_articles
    before = titles(client)
    # Behind the feeds' back (no revision, no signal): only a rebuilt item could show it.
    ArticlePage.objects.filter(pk=newest.pk).update(title="Changed without a revision")
    ArticlePageFactory(parent=newsroom.news_index, title="A story just published").save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        after = titles(client)

    assert after == ["A story just published", *before]
    assert "Changed without a revision" not in after
    fetched = [
        query["sql"] for query in queries.captured_queries if '"newsroom_articles_articlepage"."body"' in query["sql"]
    ]
    assert len(fetched) == 1  # the new story's item was built; the 25 others came from the cache


def test_an_items_own_new_revision_is_rebuilt(client, newsroom_with_articles):
    _, newest, _ = newsroom_with_articles
    titles(client)
    newest.title = "A corrected headline"
    newest.slug = "a-corrected-headline"
    newest.save_revision().publish()

    first = entries(client)[0]
    assert first.title == "A corrected headline"
    assert first.link.endswith("/a-corrected-headline/")


@pytest.fixture
def markup_written(monkeypatch):
    """The items whose markup was written (their titles), as feeds write them."""
    written = []
    write = ItemMarkupFeed.item_markup

    def spy(feed, item):
        written.append(item["title"])
        return write(feed, item)

    monkeypatch.setattr(ItemMarkupFeed, "item_markup", spy)
    return written


@pytest.mark.parametrize("url", [FEED, "/feeds/latest/atom/"])
def test_after_a_new_story_a_feed_writes_the_markup_of_that_item_alone(
    client, newsroom_with_articles, markup_written, url
):
    newsroom, _, authors = newsroom_with_articles
    client.get(url)
    ArticlePageFactory(parent=newsroom.news_index, title="A story just published").save_revision().publish()
    markup_written.clear()

    client.get(url)
    assert markup_written == ["A story just published"]
    markup_written.clear()
    client.get(f"/feeds/authors/{authors[0].slug}/{url.split('/')[-2]}/")  # its items are in the latest feed
    assert markup_written == []


@pytest.mark.parametrize("url, django_feed", [(FEED, Rss201rev2Feed), ("/feeds/latest/atom/", Atom1Feed)])
def test_a_feed_written_from_kept_markup_is_the_feed_django_writes(
    client, newsroom_with_articles, monkeypatch, url, django_feed
):
    client.get(url)  # the markup kept
    from_markup = client.get(url).content
    monkeypatch.setattr(ItemMarkupFeed, "write_items", django_feed.write_items)  # element by element

    assert client.get(url).content == from_markup


@pytest.mark.parametrize("url", [FEED, "/feeds/latest/atom/", "/feeds/latest/json/"])
def test_an_author_renamed_is_renamed_in_every_item(client, newsroom_with_articles, url):
    _, _, authors = newsroom_with_articles
    titles(client, url)
    authors[0].title = "Renée Dupré-Łukasiewicz"
    authors[0].save_revision().publish()

    body = client.get(url).content.decode()
    assert body.count("Renée Dupré-Łukasiewicz") >= 25
    assert authors[0].slug in body  # the byline link, unchanged


def test_a_correction_reaches_its_item_at_once(client, newsroom_with_articles):
    _, _, _ = newsroom_with_articles
    article = ArticlePage.objects.order_by("first_published_at").first()
    titles(client)
    CorrectionFactory(article=article, text="An earlier version misnamed the harbour.")

    assert "An earlier version misnamed the harbour." in client.get(FEED).content.decode()


def test_only_changes_to_something_beside_an_article_give_a_new_shared_token(db):
    ContentVersion.bump()
    token = ContentVersion.current().shared_token

    ContentVersion.bump(article_only=True)
    assert ContentVersion.current().shared_token == token
    ContentVersion.bump()
    assert ContentVersion.current().shared_token not in {token, ""}

"""Under an article, the related stories: others in its section or with one of its tags, newest
first, never the story itself nor one readers may not see; and the byline shows the authors' photos."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import ArticlePage

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory, PageViewRestrictionFactory, SectionFactory


def related(client, article):
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    return [link.get_text() for link in page.select(".related-stories .related-headline")]


def story(newsroom, title, minutes_ago, tags=(), **fields):
    article = ArticlePageFactory(parent=newsroom.news_index, title=title, live=True, **fields)
    for tag in tags:
        article.tags.add(tag)
    article.save_revision().publish()
    published = timezone.now() - timedelta(minutes=minutes_ago)
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published)
    return article


def test_related_stories_share_the_section_or_a_tag_newest_first_and_never_the_story_itself(client, newsroom):
    science, sport = SectionFactory(name="Astronomy"), SectionFactory(name="Rowing")
    article = story(newsroom, "The comet returns", 1, tags=["comets"], section=science)
    story(newsroom, "Telescopes booked out", 30, section=science)
    story(newsroom, "Comet dust on the regatta course", 20, tags=["comets"], section=sport)
    story(newsroom, "Regatta results", 10, section=sport)

    assert related(client, article) == ["Comet dust on the regatta course", "Telescopes booked out"]


def test_related_stories_are_at_most_four(client, newsroom):
    section = SectionFactory(name="Astronomy")
    article = story(newsroom, "The comet returns", 1, section=section)
    for number in range(6):
        story(newsroom, f"Sky notes {number}", 10 + number, section=section)

    assert related(client, article) == [f"Sky notes {number}" for number in range(4)]


def test_related_stories_never_show_one_readers_may_not_see(client, newsroom):
    section = SectionFactory(name="Astronomy")
    article = story(newsroom, "The comet returns", 1, section=section)
    ArticlePageFactory(parent=newsroom.news_index, title="Draft sky notes", section=section, live=False)
    private = story(newsroom, "Private sky notes", 5, section=section)
    PageViewRestrictionFactory(page=private)
    expired = story(newsroom, "Expired sky notes", 6, section=section)
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    assert related(client, article) == []
    assert "sky notes" not in client.get(article.url).content.decode()


def test_a_story_with_neither_section_nor_tags_has_no_related_stories(client, newsroom):
    article = story(newsroom, "A lone story", 1)
    story(newsroom, "Another lone story", 5)

    assert related(client, article) == []


def test_the_byline_shows_each_authors_photo(client, newsroom):
    with_photo = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", photo=ImageFactory(), live=True)
    without = AuthorPageFactory(parent=newsroom.author_index, title="John Roe", live=True)
    with_photo.save_revision().publish()  # its photo's sizes are made at publish
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[with_photo, without], live=True)

    header = BeautifulSoup(client.get(article.url).content, "html.parser").select_one(".article-header")

    photos = header.select(".byline-row img.byline-photo")
    assert len(photos) == 1
    assert photos[0]["alt"] == "" and photos[0]["width"] == "64"

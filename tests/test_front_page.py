"""The front page: the lead (the first pinned story, else the newest), the other pinned stories,
the latest, a block per section in the editors' order, and the breaking-news banner while it
lasts; no story twice, and never one readers may not see."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page, Site

from articles.models import ArticlePage, NewsIndexPage, NewsroomSettings, PinnedStory, Section

from .factories import ArticlePageFactory, SectionFactory, SiteFactory
from .helpers import make_user, queries_for


def front(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def headlines(page, selector):
    return [link.get_text() for link in page.select(f"{selector} .card-headline a")]


def story(newsroom, title, minutes_ago, **fields):
    article = ArticlePageFactory(parent=newsroom.news_index, title=title, live=True, **fields)
    type(article).objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return article


def pin(newsroom, *articles):
    for order, article in enumerate(articles):
        PinnedStory.objects.create(page=newsroom.news_index, article=article, sort_order=order)
    newsroom.news_index.save_revision().publish()  # as an editor saves the front page's pins


@pytest.fixture
def desk(newsroom):
    """Stories in two sections (Science, then Sport, in the editors' order) and one in none."""
    science, sport = Section.objects.get(name="Science"), Section.objects.get(name="Sport")
    stories = {
        "Oldest science": story(newsroom, "Oldest science", 60, section=science),
        "Older science": story(newsroom, "Older science", 50, section=science),
        "Sport story": story(newsroom, "Sport story", 40, section=sport),
        "Loose story": story(newsroom, "Loose story", 30),
        "Newest science": story(newsroom, "Newest science", 10, section=science),
    }
    return stories


def test_without_pins_the_newest_story_leads_and_the_rest_follow_newest_first(client, desk):
    page = front(client)

    assert headlines(page, ".lead-story") == ["Newest science"]
    assert headlines(page, ".listing") == ["Loose story", "Sport story", "Older science", "Oldest science"]
    assert page.select_one(".lead-story .kicker a")["href"] == "/section/science/"


def test_an_editors_pins_lead_in_their_order_and_show_once(client, newsroom, desk):
    pin(newsroom, desk["Oldest science"], desk["Sport story"])

    page = front(client)

    assert headlines(page, ".lead-story") == ["Oldest science"]
    assert headlines(page, ".top-stories") == ["Sport story"]
    everything = headlines(page, "main")
    assert len(everything) == len(set(everything))  # no story twice on the page


def test_a_pinned_story_readers_may_not_see_is_left_out(client, newsroom, desk):
    pin(newsroom, desk["Older science"])
    desk["Older science"].unpublish()

    page = front(client)

    assert "Older science" not in page.get_text()
    assert headlines(page, ".lead-story") == ["Newest science"]


def test_section_blocks_follow_the_editors_order_and_repeat_no_story_above(client, newsroom, desk, settings):
    settings.NEWSROOM_PAGE_SIZE = 2  # the latest list holds the two newest after the lead
    Section.objects.filter(name="Sport").update(sort_order=-1)  # an editor dragged Sport to the top
    for number in range(6):
        story(newsroom, f"Science archive {number}", 100 + number, section=Section.objects.get(name="Science"))

    page = front(client)

    blocks = {block.select_one(".block-heading").get_text(): block for block in page.select(".section-block")}
    assert list(blocks) == ["Sport", "Science"]
    assert headlines(blocks["Sport"], "") == ["Sport story"]
    assert headlines(blocks["Science"], "") == [
        "Older science", "Oldest science", "Science archive 0", "Science archive 1",
    ]  # fmt: skip
    assert blocks["Science"].select_one(".block-heading a")["href"] == "/section/science/"


def test_the_second_page_is_the_plain_listing(client, newsroom, desk, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    older = front(client).select_one("a[rel=next]")["href"]

    page = BeautifulSoup(client.get(f"/{older}").content, "html.parser")

    assert page.select_one(".lead-story") is None
    assert headlines(page, ".listing") == ["Sport story", "Older science"]


def breaking(newsroom, text, story=None, until=None):
    site_settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.breaking_news, site_settings.breaking_news_story = text, story
    site_settings.breaking_news_until = until
    site_settings.save()


def test_the_breaking_news_banner_links_its_story_and_goes_at_its_time(client, newsroom, desk):
    until = timezone.now() + timedelta(hours=1)
    breaking(newsroom, "Polls close <early> & counting begins", desk["Sport story"], until)

    banner = front(client).select_one(".breaking-news")
    assert banner.select_one("a").get_text() == "Polls close <early> & counting begins"
    assert banner.select_one("a")["href"] == desk["Sport story"].url

    with time_machine.travel(until + timedelta(seconds=1)):
        assert front(client).select_one(".breaking-news") is None  # the reader cache held the page before


def test_the_banner_of_a_story_readers_may_not_see_is_not_shown(client, newsroom, desk):
    breaking(newsroom, "Something happened", desk["Loose story"])
    desk["Loose story"].unpublish()

    assert front(client).select_one(".breaking-news") is None


def test_without_a_line_there_is_no_banner(client, newsroom, desk):
    breaking(newsroom, "", desk["Loose story"])

    assert front(client).select_one(".breaking-news") is None


def test_the_front_page_stays_within_fourteen_queries_with_pins_sections_and_a_banner(client, newsroom, desk):
    pin(newsroom, desk["Oldest science"], desk["Sport story"])
    for name in ("World", "Politics", "Business", "Culture"):
        story(newsroom, f"{name} story", 5, section=Section.objects.get(name=name))
    breaking(newsroom, "Polls close", desk["Loose story"])
    SectionFactory(name="Weather")

    # 12 for a listing; the front adds its pins, the section blocks and their stories' bylines and images.
    assert len(queries_for(client, "/")) <= 14


def test_editors_pin_stories_on_the_home_pages_edit_form(client, newsroom):
    client.force_login(make_user("editor", superuser=True))

    response = client.get(f"/admin/pages/{newsroom.news_index.pk}/edit/")

    assert response.status_code == 200
    assert "Pinned stories" in response.content.decode()


def test_the_front_page_shows_the_sites_name_once_and_keeps_its_heading_for_screen_readers(client, desk, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    page = front(client)

    assert page.select_one("h1")["class"] == ["visually-hidden"]
    older = page.select_one("a[rel=next]")["href"]
    assert "class" not in BeautifulSoup(client.get(f"/{older}").content, "html.parser").select_one("h1").attrs


def test_a_story_pinned_twice_shows_once(client, newsroom, desk):
    pin(newsroom, desk["Sport story"], desk["Sport story"])

    everything = headlines(front(client), "main")

    assert everything.count("Sport story") == 1


def test_newer_from_the_second_page_is_the_listing_not_a_short_front_page(client, newsroom, desk, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    older = front(client).select_one("a[rel=next]")["href"]
    newer = BeautifulSoup(client.get(f"/{older}").content, "html.parser").select_one("a[rel=prev]")["href"]

    assert newer == "./"  # the first page is the front page's own address
    # "Newer" from further back that finds less than a page of newer stories: their listing, not a front page.
    newest = headlines(front(client), ".lead-story")[0]
    landing = BeautifulSoup(client.get(f"/{older.replace('before', 'after')}").content, "html.parser")
    assert landing.select_one(".lead-story") is None
    assert headlines(landing, ".listing")[0] == newest


def test_a_story_slugged_corrections_leaves_the_corrections_page_in_place(client, newsroom):
    ArticlePageFactory(parent=newsroom.news_index, title="Corrections", slug="corrections", live=False)

    response = client.get("/corrections/")

    assert response.status_code == 200
    assert "No corrections have been published." in response.content.decode()


def test_a_news_index_that_is_not_the_sites_home_is_a_plain_listing(client, newsroom, settings):
    settings.ALLOWED_HOSTS = ["testserver", "gazette.example"]
    home = Page.objects.get(depth=1).add_child(instance=Page(title="Harbour Gazette", slug="harbour-gazette"))
    desk_index = home.add_child(instance=NewsIndexPage(title="Local news", slug="local"))
    SiteFactory(hostname="gazette.example", root_page=home)
    for number in range(3):
        ArticlePageFactory(parent=desk_index, title=f"Local story {number}", live=True)
    PinnedStory.objects.create(page=desk_index, article=ArticlePage.objects.child_of(desk_index).first())
    desk_index.save_revision().publish()

    response = client.get("/local/", HTTP_HOST="gazette.example")

    listing = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert listing.select(".lead-story, .front-latest, .section-block") == []
    assert sorted(headlines(listing, ".listing")) == ["Local story 0", "Local story 1", "Local story 2"]
    assert listing.h1.get_text() == "Local news" and "visually-hidden" not in listing.h1.get("class", [])

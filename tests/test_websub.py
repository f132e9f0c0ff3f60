"""WebSub: every feed names the hub, and each change readers see tells a real hub (an HTTP server of
the test's own, ``tests.websub_hub``) of exactly the feeds the story is in, once, from the task
worker (``db_worker``, run here as production runs it); drafts, embargoed and private stories
tell it nothing, and a hub that hangs or is down never holds up or breaks an editor's publish."""

import datetime
import io
import json
import logging
import time

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from articles.checks import websub_hubs_are_addresses
from articles.models import ArticlePage, WithdrawalKind
from articles.withdrawals import restore_article, withdraw_article

from .factories import (
    ArticlePageFactory,
    AuthorPageFactory,
    CorrectionFactory,
    PageViewRestrictionFactory,
    SectionFactory,
)
from .helpers import post_editor_form
from .serving import free_port
from .websub_hub import running_hub

FORMATS = ("rss", "atom", "json")
NOTIFY_TASK = "articles.tasks.notify_hubs_task"
transactional = pytest.mark.django_db(transaction=True)  # the worker runs what was committed


def feeds(*subjects, prefix=""):
    """The addresses of the feeds ``subjects`` ("latest", "authors/jane-doe" …), in every format."""
    return {f"http://localhost{prefix}/feeds/{subject}/{name}/" for subject in subjects for name in FORMATS}


@pytest.fixture
def queued_tasks(settings):
    """Tasks queued in the database for the worker, as ``TASK_QUEUE=database`` has them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def hub(settings, queued_tasks):
    with running_hub() as hub:
        settings.NEWSROOM_WEBSUB_HUBS = [hub.url]
        yield hub


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())


def told(hub) -> list[str]:
    """Every feed the hub has been told of since it last forgot, once the worker ran, as often as it
    was told (a feed told of twice shows twice); then it forgets."""
    run_worker()
    topics = sorted(hub.topics())
    hub.forget()
    return topics


def notices_queued():
    return DBTaskResult.objects.filter(task_path=NOTIFY_TASK).count()


@pytest.fixture
def story(newsroom, hub):
    """Jane Doe's live story in Science, tagged "space"; what its publish told the hub forgotten."""
    jane = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", slug="jane-doe", live=True)
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[jane], section=SectionFactory(name="Science"))
    article.tags.add("space")
    article.save_revision().publish()
    told(hub)
    return ArticlePage.objects.get(pk=article.pk)


STORY_FEEDS = ("latest", "authors/jane-doe", "sections/science", "tags/space")


@transactional
def test_a_first_publish_tells_the_hub_of_every_feed_the_story_is_in_once(client, newsroom, hub):
    jane = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", slug="jane-doe", live=True)
    ann = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe", slug="ann-poe")  # goes live with it
    article = ArticlePageFactory(
        parent=newsroom.news_index, authors=[jane, ann], section=SectionFactory(name="Science"), title="Harbour"
    )
    article.tags.add("space", "harbours")
    article.save_revision()  # a draft saved: nothing to tell
    assert told(hub) == []

    article.save_revision().publish()

    assert hub.topics() == []  # the publish queued it; the worker sends it
    assert notices_queued() == 1
    topics = told(hub)
    assert topics == sorted(feeds("latest", "authors/jane-doe", "authors/ann-poe", "sections/science",
                                  "tags/space", "tags/harbours"))  # fmt: skip
    for topic in topics:  # each is a feed readers get, naming itself as the hub was told of it
        response = client.get(topic.removeprefix("http://localhost"))
        assert response.status_code == 200, topic
        assert response["Link"] == f'<{hub.url}>; rel="hub", <{topic}>; rel="self"'
        assert "Harbour" in response.content.decode()


@transactional
def test_each_notice_is_a_form_encoded_publish_of_one_feed(newsroom, hub):
    ArticlePageFactory(parent=newsroom.news_index, live=True)
    run_worker()

    assert sorted(notice["hub.url"][0] for notice in hub.notices) == sorted(feeds("latest"))
    for notice in hub.notices:
        assert notice["hub.mode"] == ["publish"]
        assert len(notice["hub.url"]) == 1
        assert notice["content-type"] == ["application/x-www-form-urlencoded"]


@transactional
def test_an_update_tells_the_hub_of_the_feeds_the_story_left_and_joined(story, hub):
    draft = story.get_latest_revision_as_object()
    draft.tags.remove("space")
    draft.tags.add("moon")
    draft.section = SectionFactory(name="Politics")
    draft.save_revision().publish()

    assert notices_queued() == 2  # its first publish's, and this one's
    assert told(hub) == sorted(feeds("latest", "authors/jane-doe", "sections/science", "sections/politics",
                                     "tags/space", "tags/moon"))  # fmt: skip


@transactional
def test_a_correction_tells_the_hub_of_the_storys_feeds_and_the_corrections_feed(story, hub):
    correction = CorrectionFactory(article=story)
    assert told(hub) == sorted(feeds(*STORY_FEEDS, "corrections"))

    correction.text = "An earlier version misspelt the minister's name."
    correction.save()
    assert told(hub) == sorted(feeds(*STORY_FEEDS, "corrections"))

    correction.delete()  # the corrections feed drops it, though the story has none left
    assert told(hub) == sorted(feeds(*STORY_FEEDS, "corrections"))


@transactional
def test_a_withdrawal_and_a_restoration_each_tell_the_hub_once(story, hub):
    CorrectionFactory(article=story)
    told(hub)
    before = notices_queued()

    withdraw_article(story, WithdrawalKind.KILL, reason="Legal: the court ordered it.")

    assert notices_queued() == before + 1  # the withdrawal, not the unpublish it makes as well
    assert told(hub) == sorted(feeds(*STORY_FEEDS, "corrections"))
    restore_article(story)  # the feeds drop the notice
    assert told(hub) == sorted(feeds(*STORY_FEEDS, "corrections"))


@transactional
def test_unpublishing_or_deleting_a_story_tells_the_hub_of_its_feeds(story, newsroom, hub):
    story.unpublish()
    assert told(hub) == sorted(feeds(*STORY_FEEDS))

    other = ArticlePageFactory(parent=newsroom.news_index, live=True, section=SectionFactory(name="Science"))
    CorrectionFactory(article=other)
    told(hub)
    other.delete()
    assert notices_queued() == 5  # two publishes, a correction, the unpublish and the deletion
    assert told(hub) == sorted(feeds("latest", "sections/science", "corrections"))


@transactional
def test_feeds_of_slugs_in_any_script_are_announced_at_the_address_they_name_themselves_by(client, newsroom, hub):
    article = ArticlePageFactory(parent=newsroom.news_index, section=SectionFactory(name="Économie"))
    article.tags.add("Παγκόσμια")
    article.save_revision().publish()

    topics = told(hub)
    assert "http://localhost/feeds/sections/%C3%A9conomie/atom/" in topics
    assert "http://localhost/feeds/tags/%CF%80%CE%B1%CE%B3%CE%BA%CF%8C%CF%83%CE%BC%CE%B9%CE%B1/rss/" in topics
    for topic in topics:
        response = client.get(topic.removeprefix("http://localhost"))
        assert response["Link"].endswith(f'<{topic}>; rel="self"'), topic
        own = BeautifulSoup(response.content, "xml").find("link", rel="self") if "json" not in topic else None
        assert own is None or own["href"] == topic


@transactional
def test_a_french_story_is_announced_in_the_french_feeds_only(client, story, hub):
    french = story.copy_for_translation(Locale.objects.get(language_code="fr"))
    told(hub)  # a translation made: a draft, nothing to tell

    french.save_revision().publish()

    topics = told(hub)
    assert topics == sorted(feeds(*STORY_FEEDS, prefix="/fr"))
    assert all(client.get(topic.removeprefix("http://localhost")).status_code == 200 for topic in topics)


@transactional
def test_drafts_embargoed_and_private_stories_tell_the_hub_nothing(newsroom, hub):
    secret = SectionFactory(name="Mergers")
    draft = ArticlePageFactory(parent=newsroom.news_index, section=secret)
    draft.tags.add("acme-takeover")
    draft.save_revision()
    CorrectionFactory(article=draft)
    withdraw_article(draft, WithdrawalKind.WITHDRAW, reason="Never ran.")

    embargoed = ArticlePageFactory(parent=newsroom.news_index, section=secret)
    embargoed.embargo_until = timezone.now() + datetime.timedelta(days=1)
    embargoed.save_revision().publish()  # scheduled for the embargo's end
    live_round_it = ArticlePageFactory(parent=newsroom.news_index, section=secret)
    live_round_it.embargo_until = timezone.now() + datetime.timedelta(days=1)
    live_round_it.save_revision(clean=False).publish()  # made live, as a script might: readers still do not see it
    assert ArticlePage.objects.get(pk=live_round_it.pk).live

    private = ArticlePageFactory(parent=newsroom.news_index, section=secret)
    PageViewRestrictionFactory(page=private)
    private.save_revision().publish()
    CorrectionFactory(article=private)

    assert told(hub) == []
    assert notices_queued() == 0


@transactional
def test_an_embargoed_story_is_announced_when_it_goes_live(newsroom, hub):
    article = ArticlePageFactory(parent=newsroom.news_index, section=SectionFactory(name="Science"))
    end = timezone.now() + datetime.timedelta(hours=1)
    article.embargo_until = end
    article.save_revision().publish()
    assert told(hub) == []

    with time_machine.travel(end + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
        assert told(hub) == sorted(feeds("latest", "sections/science"))


@transactional
def test_an_editors_publish_does_not_wait_for_a_hub_that_hangs(settings, newsroom, admin_client, queued_tasks, caplog):
    settings.NEWSROOM_WEBSUB_TIMEOUT = 1
    article = ArticlePageFactory(
        parent=newsroom.news_index, authors=[AuthorPageFactory(parent=newsroom.author_index, live=True)]
    )
    with running_hub(hanging=True) as hub:
        settings.NEWSROOM_WEBSUB_HUBS = [hub.url]
        started = time.monotonic()
        response = post_editor_form(admin_client, article, "action-publish")
        publishing = time.monotonic() - started

        assert response.status_code == 200
        assert ArticlePage.objects.get(pk=article.pk).live
        assert hub.notices == []  # the request never called the hub
        assert publishing < 10, publishing

        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="articles.websub"):
            run_worker()
        # The first feed's notice timed out; the rest were not sent to a hub that does not answer.
        assert len(hub.notices) == 1
        assert time.monotonic() - started < 10
    assert f"WebSub hub {hub.url} did not answer" in caplog.text
    assert "6 changed feed(s) not announced" in caplog.text  # the one that timed out, and the five after it
    assert DBTaskResult.objects.filter(task_path=NOTIFY_TASK).get().status == "SUCCESSFUL"


@transactional
def test_a_hub_that_is_down_never_breaks_publishing(settings, newsroom, caplog):
    """With tasks run at once (``TASK_QUEUE=immediate``, development), the notice is sent in the
    publishing process, after the commit: a hub refusing connections is logged, the story is out."""
    settings.NEWSROOM_WEBSUB_HUBS = [f"http://127.0.0.1:{free_port()}/"]
    with caplog.at_level(logging.WARNING, logger="articles.websub"):
        article = ArticlePageFactory(parent=newsroom.news_index, live=True)
    assert ArticlePage.objects.get(pk=article.pk).live
    assert "did not answer" in caplog.text


@transactional
def test_a_hub_refusing_a_feed_is_logged_and_the_others_still_sent(settings, newsroom, caplog):
    with running_hub() as hub, running_hub() as second:
        settings.NEWSROOM_WEBSUB_HUBS = [hub.url, second.url]
        with caplog.at_level(logging.WARNING, logger="articles.websub"):
            ArticlePageFactory(parent=newsroom.news_index, live=True)
        assert sorted(hub.topics()) == sorted(second.topics()) == sorted(feeds("latest"))


# --- discovery: what the feeds say


@pytest.fixture
def named_hub(settings):
    settings.NEWSROOM_WEBSUB_HUBS = ["https://hub.example/", "https://second-hub.example/websub"]
    return settings.NEWSROOM_WEBSUB_HUBS


def test_every_feed_names_the_hubs_and_itself_in_its_link_header(client, jane_science_story, named_hub):
    paths = ["/feeds/latest/", "/feeds/authors/jane-doe/", "/feeds/sections/science/", "/feeds/tags/space/",
             "/feeds/corrections/", "/fr/feeds/latest/"]  # fmt: skip
    for path in paths:
        for name in FORMATS:
            url = f"{path}{name}/"
            response = client.get(url, HTTP_HOST="testserver")  # not the request's host: the site's
            assert response.status_code == 200, url
            assert response["Link"] == (
                '<https://hub.example/>; rel="hub", <https://second-hub.example/websub>; rel="hub", '
                f'<http://localhost{url}>; rel="self"'
            )


def test_rss_and_atom_name_the_hubs_beside_their_self_link(client, jane_science_story, named_hub):
    rss = BeautifulSoup(client.get("/feeds/latest/rss/").content, "xml")
    links = [(link["rel"], link["href"]) for link in rss.channel.find_all("atom:link", recursive=False)]
    assert links == [
        ("self", "http://localhost/feeds/latest/rss/"),
        ("hub", "https://hub.example/"),
        ("hub", "https://second-hub.example/websub"),
    ]
    atom = BeautifulSoup(client.get("/feeds/tags/space/atom/").content, "xml")
    assert [link["href"] for link in atom.feed.find_all("link", rel="hub", recursive=False)] == named_hub
    assert atom.feed.find("link", rel="self", recursive=False)["href"] == "http://localhost/feeds/tags/space/atom/"


def test_json_feed_names_the_hubs(client, jane_science_story, named_hub):
    feed = json.loads(client.get("/feeds/corrections/json/").content)
    assert feed["hubs"] == [{"type": "WebSub", "url": hub} for hub in named_hub]


def test_without_a_hub_the_feeds_say_nothing_of_websub(client, jane_science_story):
    for name in FORMATS:
        response = client.get(f"/feeds/latest/{name}/")
        assert not response.has_header("Link")
        assert b"hub" not in response.content


def test_check_feeds_finds_the_hubs_named_by_every_feed(newsroom_with_articles, named_hub):
    out = io.StringIO()
    call_command("check_feeds", stdout=out, stderr=io.StringIO())
    assert "All feeds are valid." in out.getvalue()


def test_hubs_that_are_not_addresses_are_refused_at_start_up(settings):
    for wrong in ("https://hub.example/", ["hub.example"], ["ftp://hub.example/"]):
        settings.NEWSROOM_WEBSUB_HUBS = wrong
        assert [error.id for error in websub_hubs_are_addresses(None)] == ["newsroom.E003"]
    settings.NEWSROOM_WEBSUB_HUBS = ["https://hub.example/"]
    assert websub_hubs_are_addresses(None) == []

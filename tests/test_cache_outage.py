"""Redis as production runs it, and Redis gone: readers are still served, editors still work, and
the cache comes back by itself. The outage is real: the test's own redis-server is killed."""

import io
import logging

import pytest
import redis
from django.contrib.auth import get_user_model
from django.core.management import call_command

from newsroom.settings import redis_caches

from .serving import RedisServer, free_port

READER_URLS = ["/", "/feeds/latest/rss/", "/authors/", "/search/?q=astronaut", "/api/v2/pages/"]
SECOND_STORY = """\
Ferry timetable changes from Monday
By Jane Doe
The harbour ferry will run every half hour from Monday, the operator said on Friday.
Evening sailings will end at ten instead of midnight until the spring, it added.
"""


@pytest.fixture
def redis_cache(settings):
    server = RedisServer(free_port()).start()
    settings.CACHES = redis_caches(server.url)
    settings.NEWSROOM_CACHE_IS_SHARED = True
    yield server
    if server.process.poll() is None:
        server.stop()


def test_readers_and_editors_carry_on_while_redis_is_down_and_the_cache_returns(
    redis_cache, seed_article, client, caplog, tmp_path
):
    urls = [seed_article.url, *READER_URLS]
    assert all(client.get(url).status_code == 200 for url in urls)
    assert redis.Redis(port=redis_cache.port).dbsize() > 0  # the pages went into Redis

    redis_cache.stop()
    caplog.set_level(logging.WARNING, logger="newsroom.cache")
    during = [client.get(url).status_code for url in urls * 2]
    get_user_model().objects.create_superuser("editor", "editor@example.com", "a-long-password")
    login = client.post("/admin/login/", {"username": "editor", "password": "a-long-password"})
    story = tmp_path / "ferry.txt"
    story.write_text(SECOND_STORY)
    call_command("import_story", "--publish", str(story), stdout=io.StringIO())

    assert during == [200] * len(urls) * 2
    assert login.status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    assert "Ferry timetable changes from Monday" in client.get("/").content.decode()
    warnings = [record for record in caplog.records if record.name == "newsroom.cache"]
    assert len(warnings) == 1
    assert warnings[0].levelname == "WARNING" and "The cache is unreachable" in warnings[0].getMessage()

    redis_cache.start()  # Redis is back, empty as after a restart
    assert all(client.get(url).status_code == 200 for url in urls)
    assert redis.Redis(port=redis_cache.port).dbsize() > 0


def test_the_admin_login_page_answers_with_redis_never_reachable(settings, newsroom, client):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    settings.NEWSROOM_CACHE_IS_SHARED = True

    assert client.get("/admin/login/").status_code == 200
    assert client.get("/").status_code == 200

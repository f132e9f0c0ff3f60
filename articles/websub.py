"""WebSub (https://www.w3.org/TR/websub/): the hubs a site names, how its feeds name them, and how
a hub is told that a feed changed.

Every feed names each hub of ``NEWSROOM_WEBSUB_HUBS`` and its own address, the topic a reader
subscribes to (WebSub §4, discovery): in an HTTP ``Link`` header, whatever the format, and inside
the feed as RSS's and Atom's ``<atom:link rel="hub">`` and JSON Feed's ``hubs``. Without a hub
configured the feeds say nothing of WebSub and nothing is ever sent.

When a feed changes (``articles.feed_announcements`` says which), the task worker tells each hub
with a form-encoded POST of ``hub.mode=publish`` and ``hub.url=<the feed>``. WebSub leaves the
publisher's notice to the hub; this one is PubSubHubbub's, which the public hubs take (Google's,
Superfeedr, WebSub.rocks). One feed a request: PubSubHubbub 0.3 allowed several ``hub.url`` in one
POST, but not every hub reads more than the first. The requests to a hub share one connection. A
hub that does not answer within ``NEWSROOM_WEBSUB_TIMEOUT`` seconds is given up for the rest of the
change and logged, and one that refuses a feed is logged: publishing never waits on a hub or fails
because of one, and subscribers' readers still poll.
"""

import logging

import requests
from django.utils.encoding import escape_uri_path

from newsroom_core.app_settings import newsroom_setting

logger = logging.getLogger(__name__)

USER_AGENT = "Newsroom (WebSub publisher)"


def hub_urls() -> list[str]:
    """The configured hubs, in order; empty when WebSub is off."""
    return list(newsroom_setting("WEBSUB_HUBS") or ())


def topic_url(site, request) -> str:
    """A feed's own address, its ``rel="self"`` and WebSub topic: the path asked for, on the Wagtail
    site's configured root URL (never the request's Host). Percent-encoded, as ``reverse`` gives it
    and the hubs are told of it: a hub matches topics character for character, an HTTP header holds
    no "é", and a tag's or section's slug may ("économie")."""
    return site.root_url + escape_uri_path(request.path)


def discovery_links(topic: str, hubs: list[str]) -> str:
    """The ``Link`` header of a feed: each hub, then the feed itself (WebSub §4)."""
    return ", ".join([*(f'<{hub}>; rel="hub"' for hub in hubs), f'<{topic}>; rel="self"'])


def notify_hubs(topics: list[str]) -> dict[str, int]:
    """Tell every hub that each feed of ``topics`` changed: how many feeds each hub took, by hub."""
    return {hub: notify_hub(hub, topics) for hub in hub_urls()}


def notify_hub(hub: str, topics: list[str]) -> int:
    """POST each topic to ``hub``; the number it took (answered 2xx). A hub that does not answer is
    not asked again for this change."""
    taken = 0
    with requests.Session() as session:
        session.headers["User-Agent"] = USER_AGENT
        for number, topic in enumerate(topics):
            try:
                response = session.post(
                    hub,
                    data={"hub.mode": "publish", "hub.url": topic},
                    timeout=newsroom_setting("WEBSUB_TIMEOUT"),
                    allow_redirects=False,  # a redirected POST would arrive as a GET, without the form
                )
            except requests.RequestException as error:
                left = len(topics) - number
                logger.warning("WebSub hub %s did not answer (%s): %d changed feed(s) not announced", hub, error, left)
                break
            if 200 <= response.status_code < 300:
                taken += 1
            else:
                logger.warning("WebSub hub %s refused %s: HTTP %s", hub, topic, response.status_code)
    return taken

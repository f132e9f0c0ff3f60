"""The feed checks (``check_feeds``) on hand-made feeds: what strict validators warn about is caught."""

import json

from articles.feed_checks import check_feed, check_hub_discovery

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>News</title><link>https://news.example/</link>
<description>Latest</description>{self_link}<lastBuildDate>Wed, 02 Dec 2026 01:01:15 +0000</lastBuildDate>
<item><title>A story</title><link>https://news.example/a/</link>{item}
<guid isPermaLink="false">urn:uuid:e6f399eb-9c4f-44a6-91b9-bee22e4a20dd</guid><dc:creator>Jane Doe</dc:creator></item>
</channel></rss>"""
SELF_LINK = '<atom:link href="https://news.example/feeds/latest/rss/" rel="self"/>'
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>https://news.example/</id>
<updated>2026-12-02T01:01:15+00:00</updated><link href="https://news.example/feeds/latest/atom/" rel="self"/>
{entries}</feed>"""
ENTRY = """<entry><title>Story {n}</title><link href="https://news.example/{n}/"/><id>urn:uuid:{n}</id>
<updated>{updated}</updated><content type="html">{content}</content></entry>"""


def rss(item, self_link=SELF_LINK):
    return RSS.format(item=item, self_link=self_link).encode()


def test_a_sound_rss_item_passes():
    item = "<description>The lede.</description><content:encoded>&lt;p&gt;The lede.&lt;/p&gt;</content:encoded>"

    assert check_feed(rss(item), "application/rss+xml") == []


def test_full_content_without_a_description_before_it_is_a_problem():
    missing = "<content:encoded>&lt;p&gt;The lede.&lt;/p&gt;</content:encoded>"
    after = "<content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded><description>The lede.</description>"

    for item in (missing, after):
        assert check_feed(rss(item), "application/rss+xml") == ["item 1: description does not precede content:encoded"]


def test_an_item_saying_the_same_thing_twice_is_a_problem():
    source = '<source url="https://other.example/rss">Other</source><dc:source>Other</dc:source>'
    item = f"<description>x</description>{source}<content:encoded>x</content:encoded>"

    assert check_feed(rss(item), "application/rss+xml") == ["item 1: both source and dc:source"]


def test_editor_markers_scripts_and_relative_links_in_item_html_are_problems():
    html = '&lt;p data-block-key="x1"&gt;&lt;a href="/relative/"&gt;a&lt;/a&gt;&lt;script&gt;&lt;/script&gt;&lt;/p&gt;'
    item = f"<description>The lede.</description><content:encoded>{html}</content:encoded>"

    assert check_feed(rss(item), "application/rss+xml") == [
        "item 1: content:encoded: HTML <p> has a data-block-key attribute",
        "item 1: content:encoded: HTML <a> has a relative href '/relative/'",
        "item 1: content:encoded: HTML has a <script> element",
    ]


def test_a_feed_without_a_self_link_is_a_problem():
    item = "<description>x</description><content:encoded>x</content:encoded>"

    assert check_feed(rss(item, self_link=""), "application/rss+xml") == ["no link to the feed itself (rel=self)"]


def test_atom_entries_with_the_same_updated_time_and_aria_wiring_are_problems():
    same = "2026-12-02T01:01:15+00:00"
    entries = ENTRY.format(n=1, updated=same, content="&lt;section aria-labelledby='h'&gt;&lt;/section&gt;")
    entries += ENTRY.format(n=2, updated=same, content="&lt;p&gt;ok&lt;/p&gt;")

    assert check_feed(ATOM.format(entries=entries).encode(), "application/atom+xml") == [
        "entry 1: HTML <section> has a aria-labelledby attribute",
        f"two entries have the same updated time {same!r}",
    ]


HUB = "https://hub.example/"
SELF_HEADER = '<https://news.example/feeds/latest/rss/>; rel="self"'


def test_a_feed_naming_its_hub_in_the_feed_and_the_link_header_passes():
    hub_link = f'<atom:link href="{HUB}" rel="hub"/>'
    feed = rss("<description>x</description><content:encoded>x</content:encoded>", SELF_LINK + hub_link)

    assert check_hub_discovery(feed, "application/rss+xml", f'<{HUB}>; rel="hub", {SELF_HEADER}', [HUB]) == []


def test_a_hub_missing_from_the_feed_or_its_link_header_is_a_problem():
    feed = rss("<description>x</description><content:encoded>x</content:encoded>")

    assert check_hub_discovery(feed, "application/rss+xml", "", [HUB]) == [
        f"no Link header naming the hub {HUB}",
        "no Link header naming the feed itself (rel=self)",
        f"the feed does not name the hub {HUB}",
    ]


def test_a_link_header_naming_another_address_as_the_feed_is_a_problem():
    feed = json.dumps({"feed_url": "https://news.example/feeds/latest/json/", "hubs": [{"type": "WebSub", "url": HUB}]})
    header = f'<{HUB}>; rel="hub", <http://internal:8001/feeds/latest/json/>; rel="self"'

    assert check_hub_discovery(feed.encode(), "application/feed+json", header, [HUB]) == [
        "the Link header's rel=self 'http://internal:8001/feeds/latest/json/' is not the feed's own address "
        "'https://news.example/feeds/latest/json/'"
    ]

"""RSS, Atom and JSON Feed, read back as feed readers read them."""

import json
import subprocess
from datetime import timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.feedgenerator import Enclosure

from articles import feeds
from articles.feed_checks import check_feed
from articles.licences import Licence
from articles.models import ArticlePage, NewsroomSettings, SourceRelationship

from .factories import (
    ArticlePageFactory,
    AuthorPageFactory,
    CorrectionFactory,
    ImageFactory,
    OutletFactory,
    PageViewRestrictionFactory,
    SectionFactory,
)
from .helpers import ATOM_SCHEMA, atom_schema_errors, requires_jing, set_site_rights

SEED_HEADLINE = "Russia is threatening to leave an American astronaut stranded in space"
FORMATS = ["rss", "atom", "json"]
CC_BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/"


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response


def parse(client, url):
    parsed = feedparser.parse(fetch(client, url).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def json_feed(client, url):
    response = fetch(client, url)
    assert check_feed(response.content, response["Content-Type"]) == []
    return json.loads(response.content)


def test_rss_item_carries_byline_dates_rights_credit_and_full_body(client, seed_article):
    feed = parse(client, "/feeds/latest/rss/")

    entry = feed.entries[0]
    assert feed.version == "rss20"
    assert entry.title == SEED_HEADLINE
    assert entry.link == "http://localhost/russia-is-threatening-to-leave-an-american-astronaut-stranded-in-space/"
    assert entry.author == "Solange Reyner"
    assert entry.id == f"urn:uuid:{seed_article.translation_key}"
    assert entry.published_parsed[:3] == seed_article.first_published_at.utctimetuple()[:3]
    assert entry.rights == "© 2026 Newsmax. All rights reserved."
    assert "reports Fox News." in entry.content[0].value
    assert "Source: Fox News" in entry.content[0].value
    bio = BeautifulSoup(entry.content[0].value, "html.parser").select_one(".bio-box")
    assert bio.a["href"] == "http://localhost/authors/solange-reyner/"
    assert bio.get_text(" ", strip=True).startswith("Solange Reyner Solange Reyner is a writer and editor for Newsmax.")
    assert feed.feed.rights.endswith("Test Newsroom. All rights reserved.")


def test_rss_names_the_credited_outlet(client, seed_article):
    body = fetch(client, "/feeds/latest/rss/").content.decode()

    assert "<dc:source>Fox News</dc:source>" in body


def test_atom_entry_has_an_author_per_byline_with_their_page(client, newsroom):
    authors = [
        AuthorPageFactory(parent=newsroom.author_index, title=name, live=True) for name in ("Jane Doe", "John Roe")
    ]
    ArticlePageFactory(parent=newsroom.news_index, title="Two bylines", authors=authors, live=True)

    entry = parse(client, "/feeds/latest/atom/").entries[0]

    assert [(author.name, author.href) for author in entry.authors] == [
        ("Jane Doe", "http://localhost/authors/jane-doe/"),
        ("John Roe", "http://localhost/authors/john-roe/"),
    ]


def test_rss_names_all_authors_in_one_creator(client, newsroom):
    authors = [
        AuthorPageFactory(parent=newsroom.author_index, title=name, live=True)
        for name in ("Jane Doe", "John Roe", "Ann Poe")
    ]
    ArticlePageFactory(parent=newsroom.news_index, authors=authors, live=True)

    assert parse(client, "/feeds/latest/rss/").entries[0].author == "Jane Doe, John Roe and Ann Poe"


def test_atom_entry_carries_rights_dates_and_content(client, seed_article):
    feed = parse(client, "/feeds/latest/atom/")

    entry = feed.entries[0]
    assert feed.version == "atom10"
    assert entry.rights == "© 2026 Newsmax. All rights reserved."
    assert entry.published.startswith(seed_article.first_published_at.strftime("%Y-%m-%dT%H:%M"))
    assert entry.updated_parsed is not None
    assert entry.content[0].type == "text/html"
    assert "Vande Hei" in entry.content[0].value


def test_json_feed_follows_the_spec_and_carries_rights_and_credit(client, seed_article):
    feed = json_feed(client, "/feeds/latest/json/")

    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    item = feed["items"][0]
    assert item["id"] == f"urn:uuid:{seed_article.translation_key}"
    assert item["title"] == SEED_HEADLINE
    assert item["authors"] == [{"name": "Solange Reyner", "url": "http://localhost/authors/solange-reyner/"}]
    assert item["date_published"].startswith(seed_article.first_published_at.strftime("%Y-%m-%dT%H:%M"))
    assert item["_newsroom"]["rights"] == "© 2026 Newsmax. All rights reserved."
    assert item["_newsroom"]["source"] == {"name": "Fox News", "url": None}
    assert "Vande Hei" in item["content_html"]


def test_channel_has_title_link_language_self_link_and_logo(client, newsroom):
    settings = NewsroomSettings.for_site(newsroom.news_index.get_site())
    settings.logo = ImageFactory()
    settings.save()
    ArticlePageFactory(parent=newsroom.news_index, live=True)

    rss = parse(client, "/feeds/latest/rss/").feed
    atom = parse(client, "/feeds/latest/atom/").feed
    body = fetch(client, "/feeds/latest/rss/").content.decode()

    assert rss.title == "Test Newsroom"
    assert rss.link == "http://localhost/"
    assert rss.language == "en"  # the site's default language, LANGUAGE_CODE
    assert '<atom:link href="http://localhost/feeds/latest/rss/" rel="self"/>' in body
    assert "<lastBuildDate>" in body
    assert rss.image.href.startswith("http://localhost/media/original_images/")
    assert atom.logo.startswith("http://localhost/media/original_images/")


def test_lead_image_is_an_enclosure_with_length_and_type(client, newsroom):
    image = ImageFactory()
    ArticlePageFactory(parent=newsroom.news_index, lead_image=image, live=True)

    rss_entry = parse(client, "/feeds/latest/rss/").entries[0]
    item = json_feed(client, "/feeds/latest/json/")["items"][0]

    enclosure = rss_entry.enclosures[0]
    assert enclosure.href.startswith("http://localhost/media/original_images/")
    assert enclosure.type == "image/png"
    assert int(enclosure.length) == image.file_size
    assert item["attachments"] == [{"url": enclosure.href, "mime_type": "image/png", "size_in_bytes": image.file_size}]


def test_section_and_tags_are_categories(client, newsroom):
    science = SectionFactory(name="Science")
    article = ArticlePageFactory(parent=newsroom.news_index, section=science, live=True)
    article.tags.add("space", "russia")
    article.save_revision().publish()

    entry = parse(client, "/feeds/latest/atom/").entries[0]

    assert sorted(tag.term for tag in entry.tags) == ["Science", "russia", "space"]


@pytest.mark.parametrize("format_name", FORMATS)
def test_only_live_public_current_articles_appear(client, newsroom, format_name):
    site_root = newsroom.news_index
    ArticlePageFactory(parent=site_root, title="Visible story", live=True)
    ArticlePageFactory(parent=site_root, title="Draft story")
    private = ArticlePageFactory(parent=site_root, title="Private story", live=True)
    PageViewRestrictionFactory(page=private, password="secret")
    scheduled = ArticlePageFactory(parent=site_root, title="Scheduled story")
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    expired = ArticlePageFactory(parent=site_root, title="Expired story", live=True)
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    body = fetch(client, f"/feeds/latest/{format_name}/").content.decode()

    assert "Visible story" in body
    for hidden in ("Draft story", "Private story", "Scheduled story", "Expired story"):
        assert hidden not in body


def test_author_section_and_tag_feeds_list_only_their_articles(client, jane_science_story):
    for url in ("/feeds/authors/jane-doe/rss/", "/feeds/sections/science/atom/", "/feeds/tags/space/rss/"):
        assert [entry.title for entry in parse(client, url).entries] == ["Jane's science story"], url
    assert client.get("/feeds/authors/nobody/rss/").status_code == 404
    assert client.get("/feeds/sections/nothing/json/").status_code == 404


def test_guid_survives_editing_and_renaming(client, seed_article):
    before = parse(client, "/feeds/latest/rss/").entries[0].id
    seed_article.title = "Russia threatens to strand NASA astronaut"
    seed_article.slug = "russia-threatens-nasa-astronaut"
    seed_article.save_revision().publish()

    after = parse(client, "/feeds/latest/rss/").entries[0]

    assert after.title == "Russia threatens to strand NASA astronaut"
    assert after.id == before


@pytest.mark.parametrize("format_name", FORMATS)
def test_hostile_text_stays_well_formed_and_reads_back_as_text(client, newsroom, format_name):
    author = AuthorPageFactory(parent=newsroom.author_index, title="Tom & Jerry <b>", live=True)
    ArticlePageFactory(
        parent=newsroom.news_index,
        title="</script><script>alert(1)</script> ]]> & \x01\x0b end",
        dek="A dek with ]]> and <em>tags</em>",
        body=[("paragraph", "<p>Body ]]&gt; text</p>")],
        source=OutletFactory(name="Outlet & <Co>"),
        authors=[author],
        live=True,
    )

    response = fetch(client, f"/feeds/latest/{format_name}/")

    assert check_feed(response.content, response["Content-Type"]) == []
    if format_name == "json":
        item = json.loads(response.content)["items"][0]
        title, author = item["title"], item["authors"][0]["name"]
    else:
        entry = feedparser.parse(response.content).entries[0]
        title, author = entry.title, entry.author
    assert title == "</script><script>alert(1)</script> ]]> &  end"  # the control characters are dropped
    assert author == "Tom & Jerry <b>"


def test_unchanged_feed_answers_304_and_a_publish_gives_a_fresh_200(client, seed_article, newsroom):
    first = fetch(client, "/feeds/latest/rss/")
    etag, last_modified = first["ETag"], first["Last-Modified"]

    assert client.get("/feeds/latest/rss/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/feeds/latest/rss/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    ArticlePageFactory(parent=newsroom.news_index, title="A newer story", live=True)
    fresh = client.get("/feeds/latest/rss/", HTTP_IF_NONE_MATCH=etag)

    assert fresh.status_code == 200
    assert fresh["ETag"] != etag
    assert "A newer story" in fresh.content.decode()


def test_renaming_an_author_refreshes_the_feed(client, seed_article):
    etag = fetch(client, "/feeds/latest/atom/")["ETag"]
    author = seed_article.credits.get().author
    author.title = "Solange Reyner-Smith"
    author.save_revision().publish()

    fresh = client.get("/feeds/latest/atom/", HTTP_IF_NONE_MATCH=etag)

    assert fresh.status_code == 200
    assert feedparser.parse(fresh.content).entries[0].author == "Solange Reyner-Smith"


def test_unpublishing_removes_the_item_at_once(client, seed_article):
    fetch(client, "/feeds/latest/json/")

    seed_article.unpublish()

    assert json_feed(client, "/feeds/latest/json/")["items"] == []


def test_query_count_does_not_grow_with_items_or_authors(client, newsroom):
    def queries_per_format():
        counts = {}
        for format_name in FORMATS:
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                fetch(client, f"/feeds/latest/{format_name}/")
            counts[format_name] = len(queries)
        return counts

    solo = AuthorPageFactory(parent=newsroom.author_index, live=True)
    ArticlePageFactory(parent=newsroom.news_index, authors=[solo], live=True)
    one_item = queries_per_format()
    authors = [AuthorPageFactory(parent=newsroom.author_index, live=True) for _ in range(3)]
    for _ in range(49):
        ArticlePageFactory(parent=newsroom.news_index, authors=authors, live=True)

    fifty_items = queries_per_format()

    assert fifty_items == one_item


def test_pages_advertise_their_feeds(client, seed_article):
    home = BeautifulSoup(fetch(client, "/").content, "html.parser")
    author = BeautifulSoup(fetch(client, "/authors/solange-reyner/").content, "html.parser")

    assert [link["href"] for link in home.select("link[rel=alternate][type]")] == [
        "/feeds/latest/rss/",
        "/feeds/latest/atom/",
        "/feeds/latest/json/",
    ]
    assert "/feeds/authors/solange-reyner/atom/" in [link["href"] for link in author.select("link[rel=alternate]")]


def test_section_page_advertises_the_section_feed(client, newsroom):
    SectionFactory(name="Science")

    page = BeautifulSoup(fetch(client, "/section/science/").content, "html.parser")

    assert page.select_one("link[type='application/rss+xml']")["href"] == "/feeds/sections/science/rss/"


def test_check_feeds_passes_on_valid_feeds(seed_article, capsys):
    call_command("check_feeds")

    out = capsys.readouterr().out
    assert "ok http://localhost/feeds/latest/atom/" in out
    assert "ok http://localhost/feeds/authors/solange-reyner/json/" in out
    assert "All feeds are valid." in out


def test_check_feeds_fails_listing_the_problems(seed_article, capsys, monkeypatch):
    broken = [Enclosure("/relative.png", "0", "png")]
    monkeypatch.setattr(feeds.ArticlesFeed, "item_enclosures", lambda self, article: broken)

    with pytest.raises(CommandError, match="feed\\(s\\) have problems"):
        call_command("check_feeds")

    err = capsys.readouterr().err
    assert "item 1: enclosure url '/relative.png' is not absolute" in err
    assert "item 1: enclosure length '0' is not a positive number of bytes" in err
    assert "item 1: enclosure type 'png' is not a media type" in err


def test_rss_items_describe_the_story_before_its_full_content(client, seed_article):
    body = fetch(client, "/feeds/latest/rss/").content

    item = ElementTree.fromstring(body).find("channel/item")
    tags = [child.tag for child in item]
    assert tags.index("description") < tags.index("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert item.findtext("description").startswith("Russia is threatening to leave an American astronaut")


def test_rss_credits_the_outlet_once(client, seed_article):
    seed_article.source.url = "https://www.foxnews.com/"
    seed_article.source.save()

    item = ElementTree.fromstring(fetch(client, "/feeds/latest/rss/").content).find("channel/item")

    assert item.findtext("{http://purl.org/dc/elements/1.1/}source") == "Fox News"
    assert item.find("source") is None  # RSS's <source url> names a feed, not the outlet's home page


@pytest.mark.parametrize("format_name", FORMATS)
def test_feeds_of_a_story_with_corrections_pass_the_strict_checks(client, seed_article, format_name):
    CorrectionFactory(article=seed_article, text="An earlier version misstated the mission's length.")

    response = fetch(client, f"/feeds/latest/{format_name}/")

    assert check_feed(response.content, response["Content-Type"]) == []


@pytest.fixture
def licensed_story(newsroom):
    """A story of the site's own under CC BY-ND, beside wire copy that may not be republished."""
    set_site_rights(newsroom.news_index.get_site(), Licence.CC_BY_ND)
    author = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)
    wire = OutletFactory(name="Wire Agency", licence=Licence.NO_REPUBLICATION, usage_terms="For subscribers only.")
    ArticlePageFactory(
        parent=newsroom.news_index,
        title="Wire copy",
        authors=[author],
        source=wire,
        source_relationship=SourceRelationship.WIRE,
        live=True,
    )
    return ArticlePageFactory(parent=newsroom.news_index, title="Our own story", authors=[author], live=True)


def entries_by_title(feed):
    return {entry.title: entry for entry in feed.entries}


def test_rss_items_carry_a_creative_commons_licence_or_say_they_may_not_be_republished(client, licensed_story):
    entries = entries_by_title(parse(client, "/feeds/latest/rss/"))

    assert entries["Our own story"].license == CC_BY_ND
    assert entries["Our own story"].rights.endswith("Licensed under CC BY-ND 4.0.")
    assert "license" not in entries["Wire copy"]
    assert entries["Wire copy"].rights.endswith("May not be republished.")


def test_atom_entries_link_their_licence(client, licensed_story):
    entries = entries_by_title(parse(client, "/feeds/latest/atom/"))

    assert [link.href for link in entries["Our own story"].links if link.rel == "license"] == [CC_BY_ND]
    assert not [link for link in entries["Wire copy"].links if link.rel == "license"]
    assert entries["Wire copy"].rights.endswith("May not be republished.")


@requires_jing
def test_atom_feed_with_licences_is_valid_against_the_rfc_4287_schema(client, licensed_story, tmp_path):
    assert atom_schema_errors(fetch(client, "/feeds/latest/atom/").content, tmp_path) == ""


def test_json_feed_items_carry_their_licence_and_usage_terms(client, licensed_story):
    items = {item["title"]: item for item in json_feed(client, "/feeds/latest/json/")["items"]}

    assert items["Our own story"]["_newsroom"]["licence"] == {
        "name": "CC BY-ND 4.0",
        "url": CC_BY_ND,
        "allows_republication": True,
        "usage_terms": None,
        "licence_page": None,
    }
    assert items["Wire copy"]["_newsroom"]["licence"]["allows_republication"] is False
    assert items["Wire copy"]["_newsroom"]["licence"]["usage_terms"] == "For subscribers only."


@pytest.mark.parametrize("format_name", FORMATS)
def test_feeds_with_licences_pass_the_strict_checks(client, licensed_story, format_name):
    response = fetch(client, f"/feeds/latest/{format_name}/")

    assert check_feed(response.content, response["Content-Type"]) == []


MEDIA = "{http://search.yahoo.com/mrss/}"


@pytest.mark.parametrize("format_name", ["rss", "atom"])
def test_the_lead_images_caption_credit_and_copyright_are_media_rss(client, credited_story, format_name):
    url = f"/feeds/latest/{format_name}/"
    response = fetch(client, url)
    assert check_feed(response.content, response["Content-Type"]) == []
    entry = parse(client, url).entries[0]
    [media] = ElementTree.fromstring(response.content).iter(f"{MEDIA}content")

    assert entry.media_content[0]["url"].startswith("http://localhost/media/original_images/")
    assert entry.media_credit[0]["content"] == "Jane Doe/Reuters"
    assert media.findtext(f"{MEDIA}description") == "Firefighters on the ridge above Malibu."
    assert media.findtext(f"{MEDIA}credit") == "Jane Doe/Reuters"
    assert media.findtext(f"{MEDIA}copyright") == "© 2026 Thomson Reuters"
    assert media.find(f"{MEDIA}copyright").get("url") == "https://www.reuters.com/licensing/"


def test_the_json_feed_carries_the_lead_images_credit_and_rights(client, credited_story):
    [item] = json_feed(client, "/feeds/latest/json/")["items"]

    assert item["_newsroom"]["image"] == {
        "description": "Firefighters on the ridge above Malibu.",
        "credit": "Jane Doe/Reuters",
        "copyright": "© 2026 Thomson Reuters",
        "licence_url": "https://www.reuters.com/licensing/",
    }


def test_a_body_images_caption_and_credit_are_in_the_feeds_content(client, credited_story):
    entry = parse(client, "/feeds/latest/rss/").entries[0]

    figcaption = BeautifulSoup(entry.content[0].value, "html.parser").select_one("figure figcaption")
    assert figcaption.get_text(" ", strip=True) == "The crowd at the harbour AP"


@requires_jing
def test_an_atom_feed_with_credited_images_is_valid_against_the_rfc_4287_schema(client, credited_story, tmp_path):
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(fetch(client, "/feeds/latest/atom/").content)

    result = subprocess.run(["jing", "-c", str(ATOM_SCHEMA), str(feed_file)], capture_output=True, text=True)

    assert result.returncode == 0, (result.stdout, result.stderr)


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_hostile_image_credit_is_text_in_every_feed(client, credited_story, format_name):
    hostile = "<script>alert(1)</script> & Co \x0b"
    image = credited_story.lead_image
    image.credit = image.copyright_notice = image.description = hostile
    image.save()

    body = fetch(client, f"/feeds/latest/{format_name}/").content

    if format_name == "json":
        assert json.loads(body)["items"][0]["_newsroom"]["image"]["credit"] == "<script>alert(1)</script> & Co"
    else:
        [media] = ElementTree.fromstring(body).iter(f"{MEDIA}content")
        assert media.findtext(f"{MEDIA}credit") == "<script>alert(1)</script> & Co"
        assert media.findtext(f"{MEDIA}copyright") == hostile.replace("\x0b", "")
        assert b"<script>" not in body

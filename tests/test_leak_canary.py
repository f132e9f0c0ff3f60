"""Canary: stories readers must not see never show up in any public channel.

A draft (imported by the command and by the admin), a scheduled story (by an author it would be
the first for), a password-protected and a login-only story, an expired story, an embargoed story
(scheduled by its file's embargo line, and one made live round it), a story killed by an agency's
kill advisory, a withdrawn story (whose notice keeps its headline, never its text) and a story on a
second site share their author, section and tag with one public story; drafts re-imported with bios
for the public author, and a draft with a tag of its own, add secrets of their own. An anonymous
reader then walks every public channel of the main site; no canary's headline, body text, author or
bio may appear in any of them. A story that expires while readers have it cached leaves every
channel at its expiry time.
"""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticlePage, Withdrawal
from articles.withdrawals import withdraw_article
from authors.models import AuthorPage

from .factories import (
    ArticlePageFactory,
    CorrectionFactory,
    NewsIndexPageFactory,
    PageViewRestrictionFactory,
    SectionFactory,
    SiteFactory,
)
from .helpers import confirm, make_user, preview

AUTHOR = "Casey Canary"
SECTION = "harbour-news"
SITEMAP_INDEXES = ("/sitemap.xml", "/sitemap-news-index.xml")  # list the sitemaps, not the stories


def story(headline, secret, author=AUTHOR, bio="", advisory=""):
    signature = f"{author} ✉\n{bio}\n" if bio else ""
    return (
        f"{advisory}{headline}\nBy {author}\n"
        f"Officials said on Tuesday that the {secret} bridge would reopen next month after repairs.\n"
        f"Engineers found cracks in two of the supports during a routine inspection.\n{signature}"
        "© 2026 City Times. All rights reserved.\n"
    )


def import_by_command(tmp_path, headline, secret, *options, **story_parts):
    path = tmp_path / f"{secret}.txt"
    path.write_text(story(headline, secret, **story_parts), encoding="utf-8")
    call_command("import_story", *options, str(path), stdout=io.StringIO())
    return ArticlePage.objects.get(title=headline)


def import_by_admin(admin, headline, secret, **fields):
    confirm(admin, preview(admin, (f"{secret}.txt", story(headline, secret).encode())), **fields)
    return ArticlePage.objects.get(title=headline)


def tag_and_republish(article):
    article.tags.add("harbour")
    article.save_revision().publish()


@pytest.fixture
def canaries(newsroom, tmp_path):
    """(public article, {headline: secret word} of every canary)."""
    section = SectionFactory(name="Harbour", slug=SECTION)
    admin = Client()
    admin.force_login(make_user("desk", superuser=True))
    public = import_by_command(tmp_path, "The public harbour story", "pelican", "--publish", "--section", SECTION)
    tag_and_republish(public)
    hidden = {}

    def canary(headline, secret):
        hidden[headline] = secret
        return headline, secret

    import_by_command(tmp_path, *canary("Walrus draft by command", "quokka"), "--section", SECTION)
    import_by_admin(admin, *canary("Walrus draft by admin", "axolotl"), section=section.pk)
    go_live = (timezone.now() + datetime.timedelta(days=2)).isoformat()
    import_by_command(tmp_path, *canary("Walrus scheduled", "okapi"), "--go-live-at", go_live)
    scheduled_author = canary("Walrus scheduled by a new author", "Sam Scheduled")[1]
    import_by_command(tmp_path, "Walrus scheduled by a new author", "ibis", "--go-live-at", go_live,
                      author=scheduled_author, bio=f"{scheduled_author} writes about ibises.")  # fmt: skip
    hidden["ibis"] = "ibis"
    # Draft re-imports of the public story bring the public author a bio: drafts change nothing live.
    import_by_command(tmp_path, "The public harbour story", "pelican", bio=f"{AUTHOR} keeps lemurs.")
    import_by_command(tmp_path, "The public harbour story", "pelican", "--update-bios", bio=f"{AUTHOR} keeps yaks.")
    hidden |= {"lemurs bio": "lemurs", "yaks bio": "yaks"}
    gecko = import_by_command(tmp_path, *canary("Walrus with a tag of its own", "gecko"))
    gecko.tags.add("gecko")
    gecko.save_revision()

    password = import_by_admin(admin, *canary("Walrus password", "narwhal"), section=section.pk, publish="on")
    tag_and_republish(password)
    PageViewRestrictionFactory(page=password, password="s3cret")
    members = import_by_command(tmp_path, *canary("Walrus members only", "pangolin"), "--publish")
    tag_and_republish(members)
    PageViewRestrictionFactory(page=members)

    expired = import_by_command(tmp_path, *canary("Walrus expired", "tapir"), "--publish", "--section", SECTION)
    expired.tags.add("harbour")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=5)
    expired.save_revision().publish()

    embargo = timezone.now() + datetime.timedelta(days=1)
    advisory = f"EMBARGOED UNTIL {embargo:%H:%M} GMT {embargo.day} {embargo:%B %Y}\n"
    import_by_command(tmp_path, *canary("Walrus embargoed", "manatee"), "--publish", advisory=advisory)
    # Made live some way round the embargo (no clean, no check): still nothing public shows it.
    forced = import_by_command(
        tmp_path, *canary("Walrus embargoed but live", "dugong"), "--publish", "--section", SECTION
    )
    forced.tags.add("harbour")
    forced.embargo_until = embargo
    forced.save_revision(clean=False).publish()
    killed = import_by_command(tmp_path, *canary("Walrus killed", "lemming"), "--publish", "--section", SECTION)
    tag_and_republish(killed)
    import_by_command(tmp_path, "Walrus killed", "lemming", advisory="KILL\n")  # the agency's kill advisory
    withdrawn = import_by_command(tmp_path, "The harbour heron story", "otter", "--publish", "--section", SECTION)
    tag_and_republish(withdrawn)
    withdraw_article(withdrawn, "withdraw", reason="It named the wrong otter.", notice="We withdrew this story.")
    hidden["withdrawn story's text"] = "otter"  # its headline stays on its notice, by design; never its text

    other_root = NewsIndexPageFactory(parent=Page.get_first_root_node(), title="Other", slug="other", live=True)
    SiteFactory(hostname="other.example", port=80, root_page=other_root, site_name="Other")
    ArticlePageFactory(
        parent=other_root,
        title=canary("Walrus other site", "wombat")[0],
        section=section,
        body=[("paragraph", "<p>Officials said the wombat bridge would reopen.</p>")],
        authors=[AuthorPage.objects.get(title=AUTHOR)],
        live=True,
    )
    for article in ArticlePage.objects.all():  # the corrections page and feed list each with its story
        CorrectionFactory(article=article, text=f"An earlier version misspelt {article.title}.")
    return public, hidden


def public_urls(public):
    author = AuthorPage.objects.get(title=AUTHOR)
    feeds = [
        f"/feeds/{kind}/{fmt}/"
        for kind in ("latest", f"authors/{author.slug}", f"sections/{SECTION}", "tags/harbour")
        for fmt in ("rss", "atom", "json")
    ] + [f"/feeds/corrections/{fmt}/" for fmt in ("rss", "atom", "json")]
    return [
        "/", f"/section/{SECTION}/", "/tag/harbour/", public.url, author.url, "/authors/", "/corrections/",
        *[f"/search/?q={word}" for word in ("walrus", "harbour", "canary")],
        *feeds, *SITEMAP_INDEXES, "/sitemap-pages.xml", "/sitemap-news.xml", "/robots.txt",
        "/api/v2/pages/?type=newsroom_articles.ArticlePage&fields=*&limit=20",
        "/api/v2/pages/?search=walrus", "/api/v2/pages/?fields=*&limit=20",
        "/syndication/ninjs.json", f"/syndication/{public.pk}.ninjs.json",
        "/syndication/newsml-g2.xml", f"/syndication/{public.pk}.xml",
    ]  # fmt: skip


def test_no_hidden_story_shows_in_any_public_channel(client, canaries):
    public, hidden = canaries
    assert client.get(public.url).status_code == 200  # the reader sees the public story

    for url in public_urls(public):
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        text = response.content.decode()
        if url not in {"/robots.txt", "/authors/", *SITEMAP_INDEXES} and "walrus" not in url:  # never list it
            assert "The public harbour story" in text or public.slug in text, url
        for headline, secret in hidden.items():
            assert headline not in text, f"{headline!r} leaked into {url}"
            assert secret not in text, f"{secret!r} leaked into {url}"


def test_a_tag_only_drafts_carry_has_no_feed(client, canaries):
    for format_name in ("rss", "atom", "json"):
        assert client.get(f"/feeds/tags/gecko/{format_name}/").status_code == 404


def test_the_api_answers_for_the_requests_site_only(client, canaries):
    response = client.get("/api/v2/pages/?site=other.example&fields=*")

    assert response.status_code == 400
    assert b"wombat" not in response.content and b"Walrus" not in response.content


def test_a_story_that_expires_leaves_every_cached_channel_at_its_time(client, canaries):
    public, _ = canaries
    article = ArticlePage.objects.get(title="The public harbour story")
    article.expire_at = timezone.now() + datetime.timedelta(minutes=2)
    article.save_revision().publish()
    urls = [url for url in public_urls(public) if "walrus" not in url and url != "/robots.txt"]
    assert all(client.get(url).status_code == 200 for url in urls)  # cached for readers, with the story

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=3)):
        assert client.get(public.url).status_code == 404
        for url in urls:
            if url == public.url:
                continue
            response = client.get(url)
            assert "The public harbour story" not in response.content.decode(), url
            assert "pelican" not in response.content.decode(), url


def test_hidden_stories_themselves_are_not_served_nor_found_by_the_api(client, canaries):
    _, hidden = canaries

    for headline, secret in hidden.items():
        article = ArticlePage.objects.filter(title=headline).first()
        if article is None:
            continue  # a secret that is not a story of its own (a bio, an author's name)
        page = client.get(f"/{article.slug}/")  # on the main site, whose news index is the root
        assert headline not in page.content.decode() and secret not in page.content.decode(), headline
        gone = Withdrawal.objects.filter(article=article).exists()  # answered with the withdrawal alone
        assert client.get(f"/api/v2/pages/{article.pk}/").status_code == (410 if gone else 404), headline
        for suffix in ("ninjs.json", "xml"):  # a withdrawn one: its canceled item, with nothing of it
            syndicated = client.get(f"/syndication/{article.pk}.{suffix}")
            assert syndicated.status_code == (410 if gone else 404), headline
            assert headline not in syndicated.content.decode() and secret not in syndicated.content.decode(), headline
        found = client.get(f"/api/v2/pages/find/?html_path=/{article.slug}/", follow=True)
        assert found.status_code == (410 if gone else 404), headline
        assert headline not in found.content.decode() and secret not in found.content.decode(), headline

"""Newsroom inside a host Wagtail site: its own home page, its own base template, Newsroom's parts
reused in the host's templates. (``tests/packaging`` installs the built wheel into a new project.)"""

import io
import json
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Page, Site

from articles.importing import find_destination
from articles.models import ArticlePage, NewsIndexPage, NewsroomSettings
from authors.models import AuthorIndexPage

from .factories import ArticlePageFactory, AuthorPageFactory, CopyrightNoticeFactory, ImageFactory
from .helpers import SEED_FILE

HOST_TEMPLATES = Path(__file__).resolve().parent / "templates"


@pytest.fixture
def host_home(db):
    """A site whose home page is the host's own (a page with content under it), not Wagtail's welcome page."""
    home = Page.get_first_root_node().get_children().get()
    home.title = "Host Gazette"
    home.save()
    home.add_child(instance=Page(title="About us", slug="about"))
    return home


@pytest.fixture
def host_newsroom(host_home, capsys):
    call_command("setup_newsroom")
    capsys.readouterr()
    return find_destination()


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_setup_puts_the_news_index_under_the_hosts_home_page(host_home, capsys):
    call_command("setup_newsroom")

    output = capsys.readouterr().out
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == host_home.pk  # the host keeps its home page
    news_index = NewsIndexPage.objects.child_of(host_home).get()
    assert (news_index.title, news_index.url) == ("News", "/news/")
    assert AuthorIndexPage.objects.child_of(news_index).get().url == "/news/authors/"
    assert "created the news index 'News' under the home page 'Host Gazette'" in output

    call_command("setup_newsroom")

    assert capsys.readouterr().out.strip() == "Newsroom was already set up."
    assert Site.objects.get(is_default_site=True).root_page_id == host_home.pk


def test_an_edited_home_page_with_nothing_under_it_is_kept_as_the_home_page(db):
    home = Page.get_first_root_node().get_children().get()
    home.title = "Our own home page"
    home.save_revision().publish()

    call_command("setup_newsroom")

    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert NewsIndexPage.objects.child_of(home).get().url == "/news/"


def test_imported_story_is_read_under_the_hosts_news_section(client, host_newsroom):
    call_command("import_story", "--publish", str(SEED_FILE), stdout=None)

    article = ArticlePage.objects.get()
    assert article.url.startswith("/news/russia-is-threatening")
    soup = soup_of(client.get(article.url))
    assert soup.select_one(".byline a[rel=author]")["href"] == "/news/authors/solange-reyner/"
    feed = client.get("/feeds/latest/rss/").content.decode()
    assert f"<link>http://localhost{article.url}</link>" in feed
    assert "<link>http://localhost/news/</link>" in feed  # the channel links to the news section
    # A news section is not the website: the WebSite structured data stays with the host's home page.
    assert not soup_of(client.get("/news/")).select("script[type='application/ld+json']")


def test_setup_refuses_a_home_page_the_parent_page_types_setting_excludes(host_home, settings):
    settings.NEWSROOM_NEWS_INDEX_PARENT_PAGE_TYPES = ["newsroom_articles.NewsIndexPage"]

    with pytest.raises(CommandError) as refused:
        call_command("setup_newsroom")

    assert str(refused.value) == (
        "Newsroom is not set up: a news index may not go under 'Host Gazette' (wagtailcore.Page): allow it in "
        "NEWSROOM_NEWS_INDEX_PARENT_PAGE_TYPES and that page type's subpage_types, "
        "or add a news index page in the admin."
    )
    assert not NewsIndexPage.objects.exists()


def test_setup_refuses_to_take_a_slug_the_host_already_uses(host_home):
    host_home.add_child(instance=Page(title="Our news", slug="news"))

    with pytest.raises(CommandError, match="'Host Gazette' already has a page at 'news/'"):
        call_command("setup_newsroom")

    assert not NewsIndexPage.objects.exists()


def test_pages_extend_the_configured_base_template(client, settings, host_newsroom):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [HOST_TEMPLATES]}]
    settings.NEWSROOM_BASE_TEMPLATE = "host_base.html"
    call_command("import_story", "--publish", str(SEED_FILE), stdout=None)
    article = ArticlePage.objects.get()

    for url in (article.url, "/news/", "/news/authors/", "/news/authors/solange-reyner/", "/search/?q=space"):
        soup = soup_of(client.get(url))
        assert soup.select_one("#host-navigation") and soup.select_one("#host-footer"), url
        assert not soup.select(".site-header"), url  # nothing left of the example site's base
        stylesheets = [link["href"] for link in soup.select("head link[rel=stylesheet]")]
        assert stylesheets == ["/static/css/host.css", "/static/newsroom_articles/css/newsroom.css"], url
        assert soup.select("head link[rel=alternate][type='application/rss+xml']"), url

    soup = soup_of(client.get(article.url))
    assert soup.title.get_text() == f"{article.title} | Host Gazette"
    assert soup.select_one("head link[rel=canonical]")["href"] == f"http://localhost{article.url}"
    assert soup.select_one("head script[type='application/ld+json']")
    assert soup.select_one(".byline").get_text() == "By Solange Reyner"
    assert soup.select_one(".source-credit").get_text(" ", strip=True) == "Source: Fox News"
    assert soup.select_one(".bio-box .bio-text").get_text().startswith("Solange Reyner is a writer")
    assert soup.select_one("article .copyright").get_text() == "© 2026 Newsmax. All rights reserved."


def test_the_reader_cache_keeps_newsrooms_pages_and_leaves_the_hosts_own(client, settings, host_newsroom):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [HOST_TEMPLATES]}]
    settings.NEWSROOM_BASE_TEMPLATE = "host_base.html"
    about = Page.objects.get(slug="about")
    news_index = host_newsroom.news_index
    client.get("/about/"), client.get("/news/")

    # Changed without the signals that move the content version, as data a host page shows might be.
    Page.objects.filter(pk__in=[about.pk, news_index.pk]).update(title="Changed quietly")

    assert "Changed quietly" in client.get("/about/").content.decode()  # the host's page: rendered afresh
    assert "Changed quietly" not in client.get("/news/").content.decode()  # Newsroom's: from the cache


def render(template, **context):
    request = RequestFactory().get("/")
    return Template("{% load newsroom_tags %}" + template).render(Context({"request": request, **context}))


def test_byline_tag_links_live_authors_in_byline_order(newsroom):
    jane = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)
    new_author = AuthorPageFactory(parent=newsroom.author_index, title="Ann <Lee>")  # no page yet: no link
    omar = AuthorPageFactory(parent=newsroom.author_index, title="Omar Diaz", live=True)
    article = ArticlePageFactory(parent=newsroom.news_index, authors=[jane, new_author, omar])

    html = render("{% newsroom_byline article %}", article=article).strip()

    assert html == (
        '<p class="byline">By <a href="/authors/jane-doe/" rel="author">Jane Doe</a>, Ann &lt;Lee&gt; and '
        '<a href="/authors/omar-diaz/" rel="author">Omar Diaz</a></p>'
    )


def test_copyright_tag_gives_the_articles_notice_else_the_sites(newsroom):
    site_notice = NewsroomSettings.for_site(Site.objects.get(is_default_site=True)).copyright_notice
    own = ArticlePageFactory(
        parent=newsroom.news_index, copyright_notice=CopyrightNoticeFactory(holder="A & B", year=2026)
    )
    plain = ArticlePageFactory(parent=newsroom.news_index)

    assert (
        render("{% newsroom_copyright own %}", own=own).strip()
        == '<p class="copyright"><small><span dir="auto">© 2026 A &amp; B. All rights reserved.</span></small></p>'
    )
    assert render("{% newsroom_copyright plain %}", plain=plain) == render("{% newsroom_copyright %}")
    assert site_notice.text in render("{% newsroom_copyright %}")
    assert Template("{% load newsroom_tags %}{% newsroom_copyright own %}").render(Context({"own": own})) == (
        render("{% newsroom_copyright own %}", own=own)  # without a request: the article's own site
    )


def test_metadata_tag_feeds_newsrooms_includes_in_a_hosts_template(seed_article):
    html = render(
        "{% newsroom_metadata article as meta %}"
        '{% include "newsroom_articles/includes/source_credit.html" with source=meta.source %}'
        '{% for author in meta.authors %}{% include "newsroom_articles/includes/bio_box.html" %}{% endfor %}',
        article=seed_article,
    )

    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".source-credit").get_text(" ", strip=True) == "Source: Fox News"
    assert soup.select_one(".bio-box .bio-name a")["href"] == "/authors/solange-reyner/"
    assert soup.select_one(".bio-box .bio-text").get_text().strip().startswith("Solange Reyner is a writer")


def publisher_in(client, url):
    """The publisher of the article's JSON-LD, and the logo of the RSS feed's channel."""
    soup = soup_of(client.get(url))
    article = json.loads(soup.select_one("script[type='application/ld+json']").string)
    feed = feedparser.parse(client.get("/feeds/latest/rss/").content)
    return article["publisher"], feed.feed.get("image", {}).get("href")


def test_publisher_settings_name_the_publisher_and_its_logo_where_the_site_settings_do_not(
    client, settings, seed_article
):
    settings.NEWSROOM_PUBLISHER_NAME = "Planet Media Group"
    settings.NEWSROOM_PUBLISHER_LOGO_URL = "/static/img/planet.png"

    publisher, feed_logo = publisher_in(client, seed_article.url)
    assert publisher["name"] == "Planet Media Group"
    assert publisher["logo"]["url"] == feed_logo == "http://localhost/static/img/planet.png"

    site_settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.publisher_name = "Daily Planet"
    site_settings.logo = ImageFactory()
    site_settings.save()

    publisher, feed_logo = publisher_in(client, seed_article.url)
    assert publisher["name"] == "Daily Planet"
    assert publisher["logo"]["url"] == feed_logo == f"http://localhost{site_settings.logo.file.url}"


def test_a_host_whose_image_model_holds_no_credits_is_told_how_to_fix_it(settings):
    settings.WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"

    with pytest.raises(SystemCheckError, match=r"newsroom.E002.*wagtailimages.Image, has no credit or rights fields"):
        call_command("check", stdout=io.StringIO())

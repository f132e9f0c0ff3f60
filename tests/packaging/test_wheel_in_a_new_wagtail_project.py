"""Newsroom as a plugin: the built wheel, installed into a project ``wagtail start`` has just made.

Everything happens in a temporary folder: the wheel is built from this checkout, installed into a
fresh virtual environment (with the versions ``requirements.txt`` pins), and the new project is
changed exactly as the README's "Add Newsroom to an existing Wagtail site" says — its settings, URL
and base-template lines are read from the README itself, so the README cannot drift from what
works. Then the seed story is imported and published, and the article page and the feeds are
fetched from the host project's own server. Needs the package index, as installing does.
"""

import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext, pgettext

from ..serving import free_port, runserver

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
SEED_FILE = ROOT / "seeds" / "000_3581a14dfa9c6e0e.txt"
README_SECTION = "## Add Newsroom to an existing Wagtail site"
AUTHOR, AUTHOR_SLUG = "Solange Reyner", "solange-reyner"
BIO_START = "Solange Reyner is a writer and editor for Newsmax."
COPYRIGHT = "© 2026 Newsmax. All rights reserved."


def readme_blocks():
    """The fenced code blocks of the README's plugin section, as (language, code)."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split(README_SECTION, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```(\w+)\n(.*?)^```$", section, flags=re.MULTILINE | re.DOTALL)


def readme_block(language, containing):
    (code,) = [code for lang, code in readme_blocks() if lang == language and containing in code]
    return code


def run(*args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)
    if result.returncode:
        pytest.fail(f"{' '.join(args)} exited with {result.returncode}:\n{result.stdout}{result.stderr}")
    return result


def host_environment():
    """This process's environment less what would point the host project at Newsroom's own settings."""
    leaks = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "NEWSROOM_", "PYTHONPATH", "VIRTUAL_ENV")
    return {name: value for name, value in os.environ.items() if not name.startswith(leaks)}


def insert_before(path, marker, text):
    content = path.read_text()
    assert content.count(marker) == 1, f"{marker!r} in {path}"
    path.write_text(content.replace(marker, text + marker))


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """A new Wagtail project with the Newsroom wheel, set up as the README says, serving the seed story."""
    folder = tmp_path_factory.mktemp("plugin")
    # The source archive first, then the wheel from it in a folder of its own: nothing left over in
    # this checkout's build/ can slip into the wheel, and the archive is shown to be complete.
    run(sys.executable, "-m", "build", "--outdir", str(folder / "dist"), str(ROOT))
    (wheel,) = (folder / "dist").glob("wagtail_newsroom-*-py3-none-any.whl")

    venv = folder / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    python, env = str(venv / "bin" / "python"), host_environment()
    run(python, "-m", "pip", "install", "--quiet", "--constraint", str(ROOT / "requirements.txt"), str(wheel), env=env)
    project = folder / "hostsite"
    project.mkdir()
    run(str(venv / "bin" / "wagtail"), "start", "hostsite", str(project), env=env)

    settings = project / "hostsite" / "settings" / "base.py"
    settings.write_text(
        "\n".join([settings.read_text(), readme_block("python", "INSTALLED_APPS"), readme_block("python", "STORAGES")])
    )
    urls = project / "hostsite" / "urls.py"
    urls.write_text(urls.read_text() + "\n" + readme_block("python", "articles.urls"))
    insert_before(project / "hostsite" / "templates" / "base.html", "    </head>", readme_block("html", "extra_head"))

    base = f"http://127.0.0.1:{free_port()}"
    commands = readme_block("sh", "manage.py migrate")
    for command in ("manage.py migrate", "manage.py setup_newsroom --site-url", "manage.py import_story --publish"):
        assert command in commands, f"the README's commands no longer include {command!r}"

    def manage(*args):
        return run(python, "manage.py", *args, cwd=project, env=env).stdout

    manage("migrate", "--noinput")
    setup = manage("setup_newsroom", "--site-url", base)
    imported = manage("import_story", "--publish", str(SEED_FILE))
    with runserver(python, project, env, base):
        yield {"base": base, "manage": manage, "setup": setup, "imported": imported, "python": python,
               "project": project, "env": env}  # fmt: skip


@pytest.fixture(scope="module")
def french_host(host):
    """The same host site with ``LANGUAGE_CODE = "fr"``, as a French newsroom would set it."""
    (host["project"] / "hostsite" / "settings" / "french.py").write_text('from .dev import *\n\nLANGUAGE_CODE = "fr"\n')
    env = host["env"] | {"DJANGO_SETTINGS_MODULE": "hostsite.settings.french"}
    with runserver(host["python"], host["project"], env, f"http://127.0.0.1:{free_port()}") as base:
        yield base


def fetch(url):
    with urllib.request.urlopen(url, timeout=20) as response:
        assert response.status == 200, url
        return response.read()


def test_setup_adds_the_news_section_under_the_hosts_home_page(host):
    assert "created the news index 'News' under the home page 'Home'" in host["setup"]
    assert "1 created" in host["imported"]
    assert host["manage"]("makemigrations", "--check", "--dry-run").strip() == "No changes detected"
    home = BeautifulSoup(fetch(host["base"] + "/"), "html.parser")
    assert home.title and "Welcome" in home.get_text()  # the host's own home page, untouched


def test_the_readmes_parent_page_types_setting_reaches_the_news_index(host):
    where = (
        "from wagtail.models import Page\n"
        "from home.models import HomePage\n"
        "from articles.models import NewsIndexPage\n"
        "print(NewsIndexPage.can_create_at(HomePage.objects.get()))\n"
        "print(NewsIndexPage.can_create_at(Page.get_first_root_node()))\n"
    )
    assert host["manage"]("shell", "--no-imports", "-c", where).split() == ["True", "False"]


def test_rss_feed_carries_byline_bio_source_credit_and_copyright(host):
    feed = feedparser.parse(fetch(host["base"] + "/feeds/latest/rss/"))

    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = feed.entries
    assert entry.link.startswith(host["base"] + "/news/russia-is-threatening")
    assert entry.author == AUTHOR
    assert entry.rights == COPYRIGHT
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert content.select_one(".source-credit").get_text(" ", strip=True) == "Source: Fox News"
    assert BIO_START in content.select_one(".bio-box").get_text()
    assert content.select_one(".bio-box a")["href"] == f"{host['base']}/news/authors/{AUTHOR_SLUG}/"
    assert content.select_one(".copyright").get_text() == COPYRIGHT


def test_article_page_in_the_hosts_base_template_carries_byline_bio_credit_and_copyright(host):
    feed = feedparser.parse(fetch(host["base"] + "/feeds/latest/rss/"))
    page = BeautifulSoup(fetch(feed.entries[0].link), "html.parser")

    stylesheets = [link["href"] for link in page.select("head link[rel=stylesheet]")]
    assert stylesheets == ["/static/css/hostsite.css", "/static/newsroom_articles/css/newsroom.css"]
    assert page.select_one("script[src='/static/js/hostsite.js']")  # the host's own base template
    byline = page.select_one(".byline a[rel=author]")
    assert (byline.get_text(), byline["href"]) == (AUTHOR, f"/news/authors/{AUTHOR_SLUG}/")
    assert page.select_one(".source-credit").get_text(" ", strip=True) == "Source: Fox News"
    assert page.select_one(".bio-box .bio-text").get_text().strip().startswith(BIO_START)
    assert page.select_one(".copyright").get_text() == COPYRIGHT
    assert page.select_one("head link[rel=canonical]")["href"] == feed.entries[0].link
    assert '"@type": "NewsArticle"' in page.select_one("head script[type='application/ld+json']").string
    assert page.select_one("head link[rel=alternate][type='application/rss+xml']")["href"] == "/feeds/latest/rss/"


def test_author_page_sitemaps_and_stylesheet_are_served(host):
    author = BeautifulSoup(fetch(f"{host['base']}/news/authors/{AUTHOR_SLUG}/"), "html.parser")
    assert author.h1.get_text() == AUTHOR
    assert BIO_START in author.select_one(".bio-text").get_text()
    assert b"/news/russia-is-threatening" in fetch(host["base"] + "/sitemap-news.xml")
    assert f"Sitemap: {host['base']}/sitemap.xml".encode() in fetch(host["base"] + "/robots.txt")
    assert b".byline" in fetch(host["base"] + "/static/newsroom_articles/css/newsroom.css")


def test_a_host_site_in_french_shows_newsroom_in_french(french_host):
    with translation.override("fr"):
        by, source = gettext("By %(names)s") % {"names": AUTHOR}, pgettext("source credit", "Source")
    assert (by, source) != (f"By {AUTHOR}", "Source"), "the French catalogue translates neither"
    feed = feedparser.parse(fetch(french_host + "/feeds/latest/rss/"))
    path = urllib.parse.urlsplit(feed.entries[0].link).path  # the site's address is the first server's
    page = BeautifulSoup(fetch(french_host + path), "html.parser")

    assert page.select_one(".byline").get_text(" ", strip=True) == by
    assert page.select_one(".source-credit").get_text(" ", strip=True).startswith(source)
    assert feed.feed.language == "fr"

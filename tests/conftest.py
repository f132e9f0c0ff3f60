import io

import pytest
from django.core.management import call_command
from wagtail.images.tests.utils import get_test_image_file

from articles.importing import find_destination
from articles.models import ArticlePage
from articles.roles import EDITORS, REPORTERS
from articles.site_setup import setup_newsroom

from .factories import ArticlePageFactory, AuthorPageFactory, CorrectionFactory, ImageFactory, SectionFactory
from .helpers import SEED_FILE, clear_caches, member_of, restore_wagtail_roots


@pytest.fixture(autouse=True)
def fast_and_isolated(settings, tmp_path):
    clear_caches()  # each test starts with no cached pages, feeds or renditions
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP
    # Pages render without a collectstatic run (production's hashed names are tested under gunicorn),
    # and WhiteNoise looks for files when asked instead of warning that STATIC_ROOT was never filled.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture
def newsroom(db):
    """A database set up as ``manage.py setup_newsroom`` leaves it."""
    restore_wagtail_roots()
    setup_newsroom(site_name="Test Newsroom")
    return find_destination()


@pytest.fixture
def seed_article(newsroom):
    """The seed story, imported and published as ``make run`` does."""
    call_command("import_story", "--publish", str(SEED_FILE), stdout=io.StringIO())
    return ArticlePage.objects.get()


@pytest.fixture
def jane_science_story(newsroom):
    """Jane Doe's live article in Science tagged "space", beside someone else's story."""
    jane = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", live=True)
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        title="Jane's science story",
        authors=[jane],
        section=SectionFactory(name="Science"),
        live=True,
    )
    article.tags.add("space")
    article.save_revision().publish()
    ArticlePageFactory(parent=newsroom.news_index, title="Someone else's story", live=True)
    return article


@pytest.fixture
def reporter(newsroom):
    """A member of the Reporters group ``setup_newsroom`` creates."""
    return member_of(REPORTERS, "reporter")


@pytest.fixture
def editor(newsroom):
    """A member of the Editors group ``setup_newsroom`` creates (a module may define its own editor)."""
    return member_of(EDITORS, "editor")


@pytest.fixture
def newsroom_with_articles(newsroom):
    """25 live articles, 5 authors each, in a section, with tags, lead images and a correction."""
    authors = [AuthorPageFactory(parent=newsroom.author_index, live=True, photo=ImageFactory()) for _ in range(5)]
    section = SectionFactory(name="Science")
    image = ImageFactory()
    articles = [
        ArticlePageFactory(parent=newsroom.news_index, authors=authors, section=section, lead_image=image, live=True)
        for _ in range(25)
    ]
    newest = articles[-1]
    newest.tags.add("space", "russia")
    newest.save_revision().publish()
    CorrectionFactory(article=newest, text="An earlier version misstated the date.")
    return newsroom, newest, authors


@pytest.fixture
def credited_story(newsroom):
    """A live story whose lead image and body image carry their credits and rights on their records."""
    lead = ImageFactory(
        title="Ridge",
        file=get_test_image_file(size=(1600, 1200)),
        credit="Jane Doe/Reuters",
        creator="Jane Doe",
        copyright_notice="© 2026 Thomson Reuters",
        source="Reuters",
        licence_url="https://www.reuters.com/licensing/",
        acquire_licence_url="https://pictures.reuters.com/buy",
        description="Firefighters on the ridge above Malibu.",
    )
    inline = ImageFactory(title="Crowd", credit="AP", creator="John Roe", copyright_notice="© 2026 AP")
    body = [("image", {"image": inline, "caption": "The crowd at the harbour", "credit": ""})]
    author = AuthorPageFactory(parent=newsroom.author_index, title="Ann Poe", live=True)
    return ArticlePageFactory(
        parent=newsroom.news_index, title="Fire on the ridge", authors=[author], lead_image=lead, body=body, live=True
    )

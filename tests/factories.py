import factory
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.documents.tests.utils import get_test_document_file
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction, Site

from articles.credits import CreditRole
from articles.models import (
    ArticleCredit,
    ArticlePage,
    CopyrightNotice,
    Correction,
    NewsIndexPage,
    Outlet,
    PolicyPage,
    Section,
)
from authors.models import AuthorPage, AuthorPageProfile
from newsroom_core.rich_text_conversion import text_to_html


class PageFactory(factory.django.DjangoModelFactory):
    """Creates pages in the tree under ``parent`` (a draft unless ``live=True``)."""

    class Meta:
        abstract = True

    live = False

    @classmethod
    def _create(cls, model_class, *args, parent: Page, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if page.live:
            revision.publish()
            page.refresh_from_db()
        return page


class AuthorPageFactory(PageFactory):
    """An author; pass ``profiles=[AuthorPageProfileFactory.build(...), ...]`` for their social profiles."""

    class Meta:
        model = AuthorPage

    title = factory.Faker("name")
    bio = factory.LazyAttribute(lambda author: text_to_html(f"{author.title} writes about science."))


class AuthorPageProfileFactory(factory.django.DjangoModelFactory):
    """A social profile, built (``.build()``) to go in an ``AuthorPageFactory``'s ``profiles``."""

    class Meta:
        model = AuthorPageProfile

    platform = "mastodon"
    url = factory.Sequence(lambda n: f"https://mastodon.social/@reporter{n}")


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Test image {n}")
    file = factory.LazyFunction(get_test_image_file)
    file_size = factory.LazyAttribute(lambda image: image.file.size)  # as the admin's upload form records it
    credit = "Newsroom staff"  # an article may not show an image without one


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Test document {n}")
    file = factory.LazyFunction(get_test_document_file)


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = factory.Sequence(lambda n: f"News index {n}")


class SectionFactory(factory.django.DjangoModelFactory):
    """A section; the one of that name if it exists (a new newsroom starts with a few)."""

    class Meta:
        model = Section
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Section {n}")


class CopyrightNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CopyrightNotice
        django_get_or_create = ("holder", "year", "statement")

    holder = "Example Media"
    year = 2025
    statement = "All rights reserved."


class ArticlePageFactory(PageFactory):
    """An article; pass ``authors=[...]`` (author pages) for its byline's writers, and ``credits=[(author
    page, role), ...]`` for the others credited after them."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Test headline number {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>The story's first paragraph.</p>")])

    @classmethod
    def _create(cls, model_class, *args, authors=(), credits=(), **kwargs):
        people = [(author, CreditRole.WRITER) for author in authors] + list(credits)
        page_credits = [
            ArticleCredit(author=author, role=role, sort_order=i) for i, (author, role) in enumerate(people)
        ]
        return super()._create(model_class, *args, credits=page_credits, **kwargs)


class PolicyPageFactory(PageFactory):
    """One of the publisher's policies; place it under the news index."""

    class Meta:
        model = PolicyPage

    title = factory.Sequence(lambda n: f"Policy {n}")
    body = "<p>How the newsroom works.</p>"


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")


class CorrectionFactory(factory.django.DjangoModelFactory):
    """A correction to ``article`` (required), published now unless ``published_at`` says otherwise."""

    class Meta:
        model = Correction

    text = "An earlier version of this article misstated a figure."


class PageViewRestrictionFactory(factory.django.DjangoModelFactory):
    """Keeps ``page`` (required) from the public: readers must sign in, or give ``password``."""

    class Meta:
        model = PageViewRestriction

    restriction_type = factory.LazyAttribute(
        lambda restriction: PageViewRestriction.PASSWORD if restriction.password else PageViewRestriction.LOGIN
    )
    password = ""


class SiteFactory(factory.django.DjangoModelFactory):
    """Another Wagtail site, rooted at ``root_page`` (required)."""

    class Meta:
        model = Site

    hostname = factory.Sequence(lambda n: f"site{n}.example")
    port = 80
    site_name = factory.Sequence(lambda n: f"Site {n}")


class RedirectFactory(factory.django.DjangoModelFactory):
    """A redirect from ``old_path`` to ``redirect_page`` (both required)."""

    class Meta:
        model = Redirect

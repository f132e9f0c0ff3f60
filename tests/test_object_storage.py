"""Media on object storage: uploads, renditions and documents in an S3 bucket on a real S3-compatible
server (moto's, see tests/object_storage_server.py), and their addresses in what readers get."""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from articles.metadata import STRUCTURED_DATA_IMAGE_SPECS
from articles.models import NewsroomSettings
from articles.renditions import AUTHOR_PHOTO_SPECS, BODY_IMAGE_SPECS, LEAD_IMAGE_SPECS
from newsroom.storage import PUBLIC_CACHE_CONTROL, ObjectStorage, media_url_on_object_storage

from .factories import ArticlePageFactory, AuthorPageFactory, DocumentFactory, ImageFactory
from .helpers import ROOT, SEED_FILE, SEED_URL, extract, json_ld_of_type, open_graph, soup_of
from .object_storage_server import REGION, Bucket, fetch_anonymously, new_bucket, object_storage_server
from .serving import free_port, gunicorn

PDF = b"%PDF-1.4\n% the council's budget\n" + b"0" * 2_000
# The README's deployment steps and an editor's work, in one process (each start costs seconds):
# the seed story published, then given a lead image and published again.
PUBLISH_SEED_WITH_A_LEAD_IMAGE = f"""
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from articles.models import ArticlePage
call_command("migrate", "--noinput", verbosity=0)
call_command("setup_newsroom", "--site-url", "https://news.example.com")
call_command("import_story", "--publish", {str(SEED_FILE)!r})
article = ArticlePage.objects.get()
article.lead_image = get_image_model().objects.create(title="Lead", file=get_test_image_file())
article.save_revision().publish()
"""


@pytest.fixture(scope="session")
def s3_endpoint():
    with object_storage_server() as endpoint_url:
        yield endpoint_url


@pytest.fixture
def bucket(s3_endpoint):
    with new_bucket(s3_endpoint) as bucket:
        yield bucket


@pytest.fixture
def media_on_object_storage(settings, monkeypatch, bucket):
    """The site's media in ``bucket``, as the settings put it there for MEDIA_S3_BUCKET; call it again
    with more of the storage's options (``custom_domain``, ``location``, ``object_acls``)."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):  # read by boto3, as in production
        monkeypatch.setenv(name, bucket.site_environment()[name])

    def configure(object_acls=True, **where):
        where = {"bucket_name": bucket.name, "endpoint_url": bucket.endpoint_url, "region_name": REGION} | where
        options = where | {"object_acls": object_acls}
        settings.STORAGES = settings.STORAGES | {
            "default": {"BACKEND": "newsroom.storage.ObjectStorage", "OPTIONS": options}
        }
        settings.MEDIA_URL = media_url_on_object_storage(**where)
        settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
        return settings.MEDIA_URL

    configure()
    return configure


def png_bytes():
    return get_test_image_file().file.getvalue()


def upload_image(admin_client, title="Harbour"):
    upload = SimpleUploadedFile("harbour.png", png_bytes(), "image/png")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": title, "file": upload})
    assert response.status_code == 302, response.content.decode()
    return get_image_model().objects.get(title=title)


def upload_document(admin_client, title="Budget"):
    upload = SimpleUploadedFile("budget.pdf", PDF, "application/pdf")
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": title, "file": upload})
    assert response.status_code == 302, response.content.decode()
    return get_document_model().objects.get(title=title)


@pytest.fixture
def illustrated_article(newsroom, media_on_object_storage):
    """A live article with a lead image, an image in its body and an author with a photo."""
    author = AuthorPageFactory(parent=newsroom.author_index, title="Jane Doe", photo=ImageFactory(), live=True)
    body = [
        ("paragraph", "<p>The harbour reopened on Monday.</p>"),
        ("image", {"image": ImageFactory(), "caption": "The new quay", "credit": "Port authority"}),
    ]
    return ArticlePageFactory(
        parent=newsroom.news_index, authors=[author], lead_image=ImageFactory(), body=body, live=True
    )


def body_image(article):
    return next(block.value["image"] for block in article.body if block.block_type == "image")


def test_an_image_uploaded_in_the_admin_is_stored_in_the_bucket_for_anyone_to_fetch(
    admin_client, media_on_object_storage, bucket
):
    image = upload_image(admin_client)

    assert image.file.name.startswith("original_images/")
    assert bucket.keys() == [image.file.name]
    assert bucket.fetch_public(image.file.url) == png_bytes()
    assert bucket.head(image.file.name)["CacheControl"] == PUBLIC_CACHE_CONTROL
    assert image.file_size == len(png_bytes())


def media_type(rendition):
    """The type a rendition's file is served with: its format's, from the extension Wagtail gives it."""
    extension = rendition.file.name.rsplit(".", 1)[1]
    return {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "avif": "image/avif"}[extension]


def test_publishing_an_article_makes_its_renditions_in_the_bucket(illustrated_article, bucket):
    article = illustrated_article
    author = article.credits.get().author
    wanted = (
        {(article.lead_image.pk, spec) for spec in LEAD_IMAGE_SPECS}
        | {(body_image(article).pk, spec) for spec in BODY_IMAGE_SPECS}
        | {(author.photo.pk, spec) for spec in AUTHOR_PHOTO_SPECS}
    )
    renditions = get_image_model().get_rendition_model().objects.all()

    assert {(rendition.image_id, rendition.filter_spec) for rendition in renditions} == wanted
    assert bucket.keys("images/") == sorted(rendition.file.name for rendition in renditions)
    for rendition in renditions:
        bucket.fetch_public(rendition.url, content_type=media_type(rendition))


def test_the_article_page_shows_its_images_from_the_bucket(client, illustrated_article, bucket):
    article = illustrated_article
    author = article.credits.get().author

    page = soup_of(client.get(article.url))
    sources = [img["src"] for img in page.select("img")]
    offered = [url for source in page.select("source") for url in source["srcset"].split()[::2]]

    assert sorted(sources) == sorted([
        article.lead_image.get_rendition("format-jpeg|width-480").url,
        body_image(article).get_rendition("format-jpeg|width-480").url,
        author.photo.get_rendition("format-jpeg|fill-64x64").url,  # the byline's photo
        author.photo.get_rendition("format-jpeg|fill-96x96").url,  # the bio box's
    ])  # fmt: skip
    for source in sources:
        bucket.fetch_public(source, content_type="image/jpeg")
    assert offered and all(url.startswith(f"{bucket.endpoint_url}/{bucket.name}/images/") for url in offered)
    for url in offered:
        bucket.fetch_public(url, content_type="image/avif" if url.endswith(".avif") else "image/webp")


def test_the_feeds_carry_the_lead_image_and_body_images_from_the_bucket(client, illustrated_article, bucket):
    article = illustrated_article
    original = article.lead_image.file
    body_source = body_image(article).get_rendition("width-800").url

    rss = feedparser.parse(client.get("/feeds/latest/rss/").content).entries[0]
    atom = feedparser.parse(client.get("/feeds/latest/atom/").content).entries[0]
    item = json.loads(client.get("/feeds/latest/json/").content)["items"][0]

    addresses = [rss.enclosures[0].href, rss.media_content[0]["url"], atom.enclosures[0].href, item["image"]]
    assert addresses == [original.url] * 4
    assert item["attachments"][0]["url"] == original.url
    assert int(rss.enclosures[0].length) == bucket.head(original.name)["ContentLength"]
    assert item["attachments"][0]["size_in_bytes"] == bucket.head(original.name)["ContentLength"]
    assert f'src="{body_source}"' in rss.content[0].value and f'src="{body_source}"' in item["content_html"]
    bucket.fetch_public(original.url)
    bucket.fetch_public(body_source)


def test_json_ld_and_open_graph_name_the_lead_images_sizes_in_the_bucket(client, illustrated_article, bucket):
    data = extract(client, illustrated_article.full_url)
    lead = illustrated_article.lead_image
    sharing = lead.get_rendition("width-1200").url
    ratios = [rendition.url for rendition in lead.get_renditions(*STRUCTURED_DATA_IMAGE_SPECS).values()]

    assert [image["url"] for image in json_ld_of_type(data, "NewsArticle")["image"]][:3] == ratios  # then the body's
    assert [value for prop, value in open_graph(data) if prop == "og:image"] == [sharing]
    for url in (sharing, *ratios):
        bucket.fetch_public(url)


def test_the_api_gives_the_articles_image_in_the_bucket(client, illustrated_article, bucket):
    url = "/api/v2/pages/?type=newsroom_articles.ArticlePage&fields=image"
    [item] = client.get(url).json()["items"]
    sharing = illustrated_article.lead_image.get_rendition("width-1200")

    assert item["image"] == {
        "url": sharing.url,
        "width": sharing.width,
        "height": sharing.height,
        "alt": illustrated_article.lead_image.title,
    }
    bucket.fetch_public(item["image"]["url"])


def test_the_publishers_logo_in_feeds_and_json_ld_is_read_from_the_bucket(client, illustrated_article, bucket):
    site_settings = NewsroomSettings.for_site(illustrated_article.get_site())
    site_settings.logo = ImageFactory()
    site_settings.save()
    logo = site_settings.logo.file.url

    rss = feedparser.parse(client.get("/feeds/latest/rss/").content)
    article = json_ld_of_type(extract(client, illustrated_article.full_url), "NewsArticle")

    assert rss.feed.image.href == logo
    assert article["publisher"]["logo"]["url"] == logo
    bucket.fetch_public(logo)


def test_the_author_page_shows_the_photo_from_the_bucket(client, illustrated_article, bucket):
    author = illustrated_article.credits.get().author

    [photo] = soup_of(client.get(author.url)).select("img.author-photo")

    assert photo["src"] == author.photo.get_rendition("format-jpeg|fill-160x160").url
    for url in [photo["src"], *photo["srcset"].split()[::2]]:
        bucket.fetch_public(url, content_type="image/jpeg")


def test_a_document_is_a_private_object_that_readers_download_through_the_site(
    admin_client, client, media_on_object_storage, bucket
):
    document = upload_document(admin_client)

    response = client.get(document.url)

    assert document.file.name.startswith("documents/")
    assert bucket.keys() == [document.file.name]
    assert fetch_anonymously(bucket.object_url(document.file.name))[0] == 403
    assert document.url == reverse("wagtaildocs_serve", args=[document.pk, "budget.pdf"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_a_document_in_a_private_collection_is_refused_to_anonymous_readers(
    db, client, media_on_object_storage, bucket
):
    collection = Collection.get_first_root_node().add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = DocumentFactory(collection=collection)

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    assert fetch_anonymously(bucket.object_url(document.file.name))[0] == 403


def test_deleting_an_image_removes_its_file_and_renditions_from_the_bucket(
    admin_client, media_on_object_storage, bucket, django_capture_on_commit_callbacks
):
    image = upload_image(admin_client)
    image.get_renditions(*LEAD_IMAGE_SPECS)
    assert len(bucket.keys()) == 1 + len(LEAD_IMAGE_SPECS)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailimages:delete", args=[image.pk]))

    assert response.status_code == 302
    assert not get_image_model().objects.exists()
    assert bucket.keys() == []


def test_with_a_custom_domain_pages_show_media_from_that_domain(client, newsroom, media_on_object_storage, bucket):
    media_url = media_on_object_storage(custom_domain="media.example.com")
    article = ArticlePageFactory(parent=newsroom.news_index, lead_image=ImageFactory(), live=True)
    rendition = article.lead_image.get_rendition("format-jpeg|width-480")

    [lead] = soup_of(client.get(article.url)).select("figure.lead-image img")

    assert media_url == "https://media.example.com/"
    assert lead["src"] == f"https://media.example.com/{rendition.file.name}"
    assert article.lead_image.file.url == f"https://media.example.com/{article.lead_image.file.name}"
    # The domain (a CDN in front of the bucket) serves the bucket's objects under their keys.
    bucket.fetch_public(bucket.object_url(rendition.file.name), content_type="image/jpeg")


def test_under_a_prefix_images_are_public_and_documents_private(db, media_on_object_storage, bucket):
    media_url = media_on_object_storage(location="newsroom")
    image, document = ImageFactory(), DocumentFactory()

    assert bucket.keys() == sorted([f"newsroom/{image.file.name}", f"newsroom/{document.file.name}"])
    assert image.file.url == f"{media_url}{image.file.name}"
    bucket.fetch_public(image.file.url)
    assert fetch_anonymously(bucket.object_url(f"newsroom/{document.file.name}"))[0] == 403


def test_on_a_bucket_without_acls_objects_are_stored_without_any_and_its_policy_decides(
    admin_client, client, media_on_object_storage, bucket
):
    media_on_object_storage(object_acls=False)
    # The policy the README gives such a bucket (ACLs disabled: AWS's default): images for anyone.
    readable = [f"arn:aws:s3:::{bucket.name}/{prefix}*" for prefix in ("original_images/", "images/")]
    statement = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": readable}
    bucket.client.put_bucket_policy(
        Bucket=bucket.name, Policy=json.dumps({"Version": "2012-10-17", "Statement": [statement]})
    )

    image, document = upload_image(admin_client), upload_document(admin_client)

    assert bucket.keys() == sorted([image.file.name, document.file.name])
    for key in (image.file.name, document.file.name):
        grants = bucket.client.get_object_acl(Bucket=bucket.name, Key=key)["Grants"]
        assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"], key  # the owner's, no ACL sent
    assert bucket.fetch_public(image.file.url) == png_bytes()
    assert fetch_anonymously(bucket.object_url(document.file.name))[0] == 403
    assert b"".join(client.get(document.url).streaming_content) == PDF


@pytest.mark.parametrize(
    "where",
    [
        {"bucket_name": "newsroom-media"},
        {"bucket_name": "newsroom-media", "region_name": "eu-west-1"},
        {"bucket_name": "newsroom-media", "region_name": "eu-west-1", "location": "site/media"},
        {"bucket_name": "newsroom-media", "endpoint_url": "https://minio.example.com:9000", "region_name": "garage"},
        {"bucket_name": "newsroom-media", "custom_domain": "media.example.com", "location": "site"},
    ],
)
def test_every_media_address_is_under_media_url(where):
    """MEDIA_URL is what the Content Security Policy lets pages show images from."""
    url = ObjectStorage(**where).url("original_images/harbour.png")

    assert url.startswith(media_url_on_object_storage(**where)), url
    assert url.endswith("/original_images/harbour.png")


def production_environment_with_media_in(bucket, folder):
    """The production settings (as tests/test_production_settings.py runs them) with media in ``bucket``."""
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "REDIS_URL"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "SECRET_KEY": "k" * 10 + "production-like-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "news.example.com",
        "DATABASE_URL": f"sqlite:///{folder}/production.sqlite3",
        "STATIC_ROOT": str(folder / "static"),
        "BEHIND_TLS_PROXY": "1",
    }
    return env | bucket.site_environment()


@dataclass
class ProductionDesk:
    bucket: Bucket
    env: dict
    steps: list  # [(process, its output file)]

    def wait(self):
        for process, output in self.steps:
            returncode = process.wait(timeout=120)
            output.seek(0)
            assert returncode == 0, output.read()


@pytest.fixture(scope="module", autouse=True)
def production_desk(s3_endpoint, tmp_path_factory):
    """The production settings' deployment steps and the seed story published with a lead image, media
    in a bucket of their own. Autouse, so they start with the module's first test and their migrations
    run on the other core beside the tests that need no server; the gunicorn test waits for them."""
    folder = tmp_path_factory.mktemp("production-on-object-storage")
    with new_bucket(s3_endpoint) as bucket, ExitStack() as outputs:
        env = production_environment_with_media_in(bucket, folder)
        steps = []
        for command in (["collectstatic", "--noinput", "-v0"], ["shell", "-c", PUBLISH_SEED_WITH_A_LEAD_IMAGE]):
            output = outputs.enter_context(tempfile.TemporaryFile("w+"))
            process = subprocess.Popen(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )
            steps.append((process, output))
        try:
            yield ProductionDesk(bucket, env, steps)
        finally:
            for process, _ in steps:
                process.kill()
                process.wait(timeout=10)


def test_under_gunicorn_with_production_settings_the_page_shows_its_lead_image_from_the_bucket(production_desk):
    production_desk.wait()
    bucket = production_desk.bucket

    with gunicorn(sys.executable, ROOT, production_desk.env, f"http://127.0.0.1:{free_port()}") as base:
        request = urllib.request.Request(
            base + urlsplit(SEED_URL).path, headers={"Host": "news.example.com", "X-Forwarded-Proto": "https"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            policy, html = response.headers["Content-Security-Policy"], response.read()

    [lead] = BeautifulSoup(html, "html.parser").select("figure.lead-image img")
    lead_key = urlsplit(lead["src"]).path.removeprefix(f"/{bucket.name}/")
    [img_src] = [directive.split()[1:] for directive in policy.split(";") if directive.split()[0] == "img-src"]
    assert bucket.endpoint_url in img_src  # the bucket's origin: the browser may show the image
    assert lead_key.startswith("images/") and lead_key in bucket.keys("images/")
    assert bucket.fetch_public(lead["src"], content_type="image/jpeg").startswith(b"\xff\xd8")  # a JPEG

"""Responsive images: every image a page shows is a <picture> with AVIF and WebP sources and a
JPEG fallback, each offering its widths, the <img> with its width and height (no layout shift),
lazy below the fold; all of it made at publish, so reading never writes."""

import re

from bs4 import BeautifulSoup
from wagtail.images.tests.utils import get_test_image_file

from articles.models import ArticlePage
from articles.renditions import PICTURES, picture_specs

from .factories import ArticlePageFactory, AuthorPageFactory, ImageFactory
from .helpers import clear_caches


def wide_image():
    """A photo as wide as an agency's: every width a picture offers can be made from it."""
    return ImageFactory(file=get_test_image_file(size=(1600, 900)))


def picture_of(client, url, selector):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select_one(selector)


def widths(srcset):
    return sorted(int(width) for width in re.findall(r"\s(\d+)w", srcset))


def test_an_articles_lead_image_is_a_picture_in_avif_webp_and_jpeg_at_three_widths(client, newsroom):
    article = ArticlePageFactory(parent=newsroom.news_index, lead_image=wide_image(), live=True)
    article.save_revision().publish()

    picture = picture_of(client, article.url, ".lead-image picture")

    sources = {source["type"]: source for source in picture.select("source")}
    assert set(sources) == {"image/avif", "image/webp"}
    assert widths(sources["image/avif"]["srcset"]) == [480, 800, 1200]
    image = picture.select_one("img")
    assert image["src"].endswith(".jpg") and widths(image["srcset"]) == [480, 800, 1200]
    assert image["width"] and image["height"] and image["sizes"]
    assert "loading" not in image.attrs  # above the fold


def test_a_cards_image_is_lazy(client, newsroom):
    image = wide_image()
    for _ in range(3):
        ArticlePageFactory(parent=newsroom.news_index, lead_image=image, live=True).save_revision().publish()

    card_image = picture_of(client, "/", ".listing .card picture img")

    assert card_image["loading"] == "lazy"
    assert widths(card_image["srcset"]) == [320, 640]


def test_every_picture_is_made_at_publish(newsroom):
    image = wide_image()
    article = ArticlePageFactory(parent=newsroom.news_index, lead_image=image, live=True)
    article.save_revision().publish()

    made = set(image.renditions.values_list("filter_spec", flat=True))

    for name in ("article", "lead", "card"):
        assert set(picture_specs(name)) <= made, name


def test_an_authors_photo_is_a_picture_at_its_size_and_twice_it_made_at_publish(client, newsroom):
    photo = ImageFactory(file=get_test_image_file(size=(600, 600)))
    author = AuthorPageFactory(parent=newsroom.author_index, title="Amara Okafor", photo=photo, live=True)
    ArticlePageFactory(parent=newsroom.news_index, authors=[author], live=True).save_revision().publish()

    made = set(photo.renditions.values_list("filter_spec", flat=True))
    article_url = ArticlePage.objects.get().url
    pictures = [(author.url, ".author-photo"), ("/authors/", ".author-list-photo")]
    pictures += [(article_url, ".byline-photo"), (article_url, ".bio-photo")]

    for name in ("portrait", "bio", "avatar"):
        assert set(picture_specs(name)) <= made, name
    for url, selector in pictures:
        image = picture_of(client, url, f"picture {selector}")
        assert image.find_previous_sibling("source", type="image/webp"), url
        assert len(widths(image["srcset"])) == 2 and widths(image["srcset"])[1] == 2 * widths(image["srcset"])[0]
        assert int(image["width"]) == widths(image["srcset"])[0] and image["sizes"], url


def test_every_place_a_page_shows_an_image_has_its_picture():
    assert set(PICTURES) == {"article", "lead", "card", "body", "portrait", "bio", "avatar"}


def test_pages_with_pictures_write_nothing_when_read(client, newsroom):
    image = wide_image()
    article = ArticlePageFactory(
        parent=newsroom.news_index,
        lead_image=image,
        body=[("image", {"image": ImageFactory(), "caption": "The quay", "credit": "Port"})],
        live=True,
    )
    article.save_revision().publish()
    count = image.renditions.count()
    clear_caches()

    for url in (article.url, "/"):
        assert client.get(url).status_code == 200
    assert image.renditions.count() == count


def test_an_image_whose_file_is_gone_shows_as_not_found_instead_of_failing_the_page(client, newsroom):
    image = wide_image()
    article = ArticlePageFactory(parent=newsroom.news_index, lead_image=image, live=True)
    image.renditions.all().delete()
    image.file.delete(save=False)  # the storage lost it
    clear_caches()

    for url in (article.url, "/", "/feeds/latest/rss/"):
        assert client.get(url).status_code == 200, url

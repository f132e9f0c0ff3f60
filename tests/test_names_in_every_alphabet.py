"""Authors, tags and sections named in any alphabet: every page, listing and feed answers with the name."""

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importing import ImportOptions, StorySource, find_destination, import_story
from articles.models import ArticlePage, Section
from articles.parsing import parse_story
from articles.urls.feeds import feed_url
from authors.models import AuthorPage

from .factories import SectionFactory

FORMATS = ["rss", "atom", "json"]
# Letters of each script, and whether its names are capitalised.
SCRIPTS = {
    "latin": ("abcdeéèêëáàâäãåāçćčďđěğíìîïīıķĺľłńňñóòôöõøőœŕřśšşșťțúùûüůűýÿžźż", True),
    "greek": ("αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ", True),
    "cyrillic": ("абвгдежзийклмнопрстуфхцчшщъыьэюяё", True),
    "arabic": ("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", False),
    "hebrew": ("אבגדהוזחטיכלמנסעפצקרשת", False),
    "devanagari": ("कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह", False),
    "cjk": ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚", False),
}
DEVANAGARI_VOWEL_SIGNS = "ािीुूेैोौं"


@st.composite
def words(draw, script):
    letters, is_cased = SCRIPTS[script]
    if script == "devanagari":  # syllables: a consonant, often with a vowel sign
        syllables = st.tuples(st.sampled_from(letters), st.sampled_from(["", *DEVANAGARI_VOWEL_SIGNS])).map("".join)
        word = "".join(draw(st.lists(syllables, min_size=2, max_size=4)))
    else:
        word = draw(st.text(alphabet=letters, min_size=2, max_size=8))
    return word[0].upper() + word[1:] if is_cased else word


def names(script):
    return st.lists(words(script), min_size=2 if script != "cjk" else 1, max_size=2).map(" ".join)


def story_file(authors):
    """A story in the file format, credited to ``authors``, the first signing with a bio."""
    lines = [
        "Harbour bridge reopens after two years of repairs",
        "By " + (", ".join(authors[:-1]) + " and " + authors[-1] if len(authors) > 1 else authors[0]),
        "The harbour bridge reopened to traffic on Tuesday after two years of repairs, the city said.",
        "Engineers replaced the supports that cracked during the storms of the winter before last.",
        f"{authors[0]} ✉",
        f"{authors[0]} covers the city for the paper.",
        "© 2026 Harbour Times. All rights reserved.",
    ]
    return "\n".join(lines) + "\n"


def fetch_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def publish_story_named(author_names, tag, section_name):
    """Import and publish a story by ``author_names``, in a new section, with one tag."""
    text = story_file(author_names)
    story = parse_story(text)
    assert [author.name for author in story.authors] == author_names
    section = SectionFactory(name=section_name)
    options = ImportOptions(publish=True, section=section)
    source = StorySource.from_bytes("story.txt", text.encode(), text)
    result = import_story(story, source, find_destination(), options)
    assert result.article.live, result.unpublished_because
    draft = result.article.get_latest_revision_as_object()
    draft.tags.add(tag)
    draft.save_revision().publish()
    return ArticlePage.objects.get(pk=result.article.pk), section


def assert_every_channel_names_them(client, author_names, tag, section_name):
    article, section = ArticlePage.objects.get(), Section.objects.get(name=section_name)
    article_page = fetch_text(client, article.url)
    feeds = {format_name: fetch_text(client, f"/feeds/latest/{format_name}/") for format_name in FORMATS}
    front_page, author_index = fetch_text(client, "/"), fetch_text(client, "/authors/")
    assert section_name in front_page  # the header's sections
    for name in author_names:
        author = AuthorPage.objects.get(title=name)
        assert name in article_page and name in front_page and name in author_index
        assert name in fetch_text(client, author.url)
        for format_name in FORMATS:
            assert name in feeds[format_name]
            assert name in fetch_text(client, feed_url("author", format_name, author.slug))
    news_index = article.get_parent().specific
    assert tag in article_page and section_name in article_page
    tag_slug = article.tags.get().slug
    assert tag in fetch_text(client, news_index.url + news_index.reverse_subpage("tag", args=[tag_slug]))
    assert section_name in fetch_text(
        client, news_index.url + news_index.reverse_subpage("section", args=[section.slug])
    )
    for format_name in FORMATS:
        assert tag in fetch_text(client, feed_url("tag", format_name, tag_slug))
        assert section_name in fetch_text(client, feed_url("section", format_name, section.slug))
    call_command("check_feeds", stdout=io.StringIO())


class RolledBack(Exception):
    """Ends an example's transaction, so the next one starts from the same database."""


@pytest.mark.parametrize("script", SCRIPTS)
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_names_in_any_alphabet_reach_every_page_listing_and_feed(client, newsroom, script, data):
    author_names = data.draw(st.lists(names(script), min_size=1, max_size=3, unique_by=str.casefold), "authors")
    tag = data.draw(words(script), "tag")
    section_name = data.draw(names(script), "section")
    for alias in ("default", "renditions"):
        caches[alias].clear()
    with pytest.raises(RolledBack), transaction.atomic():
        publish_story_named(author_names, tag, section_name)
        assert_every_channel_names_them(client, author_names, tag, section_name)
        raise RolledBack


@pytest.mark.parametrize(
    ("author_names", "tag", "section_name"),
    [(["Alice Martin", "Bob Chen", "Carla Díaz"], "pâtisserie", "Économie"), (["Renée Dupré"], "café", "Société")],
)
def test_the_names_from_the_report_reach_every_page_listing_and_feed(client, newsroom, author_names, tag, section_name):
    publish_story_named(author_names, tag, section_name)

    assert_every_channel_names_them(client, author_names, tag, section_name)


def test_names_with_combining_marks_keep_them_on_the_page_and_lose_them_only_in_the_address(client, newsroom):
    """Django's and Wagtail's slugs take letters, digits, "_" and "-": a Devanagari vowel sign is a
    combining mark, none of these, so it is left out of the address; two names differing only in
    them get numbered addresses, and each page prints its name whole (as the README says)."""
    publish_story_named(["राम कुमार", "रमा कुमारी"], "खेल", "समाचार")

    first, second = AuthorPage.objects.get(title="राम कुमार"), AuthorPage.objects.get(title="रमा कुमारी")
    assert (first.slug, second.slug) == ("रम-कमर", "रम-कमर-2")
    assert "राम कुमार" in fetch_text(client, "/authors/रम-कमर/")
    assert "रमा कुमारी" in fetch_text(client, "/authors/रम-कमर-2/")


def test_an_author_from_a_windows_1252_file_gets_pages_and_feeds(client, newsroom, tmp_path):
    story = tmp_path / "dupre.txt"
    windows_1252 = story_file(["Renée Dupré"]).replace("Renée Dupré ✉\n", "Renée Dupré\n").encode("cp1252")
    story.write_bytes(windows_1252)

    call_command("import_story", "--publish", str(story), stdout=io.StringIO())

    author = AuthorPage.objects.get(title="Renée Dupré")
    assert author.slug == "renée-dupré"
    assert "Renée Dupré" in fetch_text(client, author.url)
    for format_name in FORMATS:
        assert "Renée Dupré" in fetch_text(client, feed_url("author", format_name, author.slug))
    call_command("check_feeds", stdout=io.StringIO())

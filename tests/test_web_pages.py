"""Saved article pages read as stories: the article and not the page around it, the metadata the page
publishes (JSON-LD, Open Graph, rel=author, <time>, <html lang>) before guesses, and hostile pages."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.parsing import ORIGINAL, WIRE, StoryFormatError, read_story_file
from articles.parsing.formats.web_pages import read_web_page

from .helpers import FORMATS_DIR

YOAST = FORMATS_DIR / "html-wordpress-yoast-coast-gazette.html"
LEDGER = FORMATS_DIR / "html-arc-xp-national-ledger.html"
LEDE = (
    "The harbour bridge reopened on Tuesday after a year of repairs, the city said, and cyclists were the first "
    "to cross it in the morning rush."
)
SECOND = "Engineers replaced all 240 cables and the deck, at a cost of 40 million, and the work finished early."


def page(head="", article="", *, lang="en", around=""):
    """A saved page: ``head`` in its head, ``article`` as its article, ``around`` beside it."""
    body = article or f"<h1>Harbour bridge reopens</h1><p>{LEDE}</p><p>{SECOND}</p>"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Page</title>{head}</head>'
        f"<body><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav>{around}<article>{body}</article>"
        "<footer><p>About us</p></footer></body></html>"
    ).encode()


def json_ld(**article) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", **article})}</script>'


def read(data: bytes, name="page.html"):
    return read_story_file(name, data, 10_000_000)[0]


def test_web_page_json_ld_headline_wins_over_the_open_graph_title_with_the_site_name():
    story = read(YOAST.read_bytes())

    assert story.headline == "Tide gauge at the old pier to be replaced after 90 years"
    assert not story.is_headline_proposed


def test_web_page_yoast_graph_references_give_author_publisher_and_copyright():
    story = read(YOAST.read_bytes())

    assert [author.name for author in story.authors] == ["Eleanor Pask"]
    assert (story.source_name, story.source_relationship) == ("The Coast Gazette", ORIGINAL)
    assert (story.copyright.holder, story.copyright.year) == ("The Coast Gazette", 2026)


def test_web_page_leaves_out_navigation_comments_related_links_and_cookie_banner():
    text = " ".join(read(YOAST.read_bytes()).paragraphs)

    for furniture in (
        "Skip to content",
        "We use cookies",
        "Read more",
        "Sea wall repairs",
        "grandfather",
        "Share this",
    ):
        assert furniture not in text
    assert "painted wooden post" in text


def test_web_page_json_ld_person_gives_the_role_and_the_paywall_a_warning():
    story = read(LEDGER.read_bytes())

    assert [(a.name, a.role) for a in story.authors] == [
        ("Daniel Okafor", "Congressional reporter"),
        ("Priya Raman", ""),
    ]
    assert "the page marks the story as for subscribers only: check it may be republished" in story.warnings


def test_web_page_open_graph_and_meta_tags_stand_in_for_json_ld():
    head = (
        '<meta property="og:title" content="Harbour bridge reopens after a year">'
        '<meta property="og:description" content="Repairs took a year and cost 40 million.">'
        '<meta property="og:site_name" content="Harbour Post">'
        '<meta property="og:url" content="https://harbourpost.example/bridge-reopens">'
        '<meta property="article:published_time" content="2026-11-02T07:00:00+00:00">'
        '<meta property="article:tag" content="Transport"><meta property="article:tag" content="Bridges">'
        '<meta name="author" content="Jane Doe">'
    )

    story = read(page(head, lang="en-NZ"))

    assert story.headline == "Harbour bridge reopens after a year"
    assert story.dek == "Repairs took a year and cost 40 million."
    assert (story.source_name, story.source_relationship) == ("Harbour Post", ORIGINAL)
    assert story.published == "2026-11-02T07:00:00+00:00"
    assert story.keywords == ("Transport", "Bridges")
    assert story.language == "en-NZ"
    assert [author.name for author in story.authors] == ["Jane Doe"]
    assert story.guid == "https://harbourpost.example/bridge-reopens"


def test_web_page_rel_author_links_and_time_element_are_read_without_metadata():
    article = (
        '<h1>Harbour bridge reopens</h1><p class="byline">By <a rel="author" href="/people/jane">Jane Doe</a></p>'
        f'<time datetime="2026-11-02">2 November</time><p>{LEDE}</p><p>{SECOND}</p>'
    )

    story = read(page(article=article))

    assert [author.name for author in story.authors] == ["Jane Doe"]
    assert story.published == "2026-11-02"
    assert story.headline == "Harbour bridge reopens"


def test_web_page_author_meta_tag_holding_a_profile_address_is_not_a_name():
    story = read(page('<meta property="article:author" content="https://www.facebook.com/janedoe">'))

    assert story.authors == ()


def test_web_page_organisation_as_author_is_not_a_byline():
    head = json_ld(
        **{"@type": "NewsArticle", "headline": "Bridge reopens", "author": {"@type": "Organization", "name": "Staff"}}
    )

    assert read(page(head)).authors == ()


def test_web_page_description_repeating_the_lede_is_not_the_dek():
    head = f'<meta name="description" content="{LEDE[:80]}…">'

    assert read(page(head)).dek == ""


def test_web_page_wire_credit_in_the_text_wins_over_the_publisher():
    article = f"<h1>Bridge reopens</h1><p>WELLINGTON (AP) — {LEDE}</p><p>{SECOND}</p>"

    story = read(page('<meta property="og:site_name" content="Harbour Post">', article))

    assert (story.source_name, story.source_relationship) == ("AP", WIRE)
    assert story.dateline == "WELLINGTON"


def test_web_page_relative_links_become_absolute_and_script_links_are_dropped():
    article = (
        f'<h1>Bridge</h1><p>{LEDE} See <a href="/2026/report">the report</a> and '
        f'<a href="javascript:alert(1)">this</a> or <a href="data:text/html,x">that</a>.</p><p>{SECOND}</p>'
    )

    story = read(page('<link rel="canonical" href="https://harbourpost.example/news/bridge">', article))

    assert "[the report](https://harbourpost.example/2026/report)" in story.paragraphs[0]
    assert "javascript" not in story.paragraphs[0] and "data:" not in story.paragraphs[0]


def test_web_page_scripts_styles_comments_and_handlers_do_not_survive():
    article = (
        f"<h1>Bridge</h1><script>document.write('owned')</script><style>p{{color:red}}</style>"
        f"<!-- secret note --><p onclick=\"alert('x')\">{LEDE}<iframe src='https://evil.example'></iframe></p>"
        f"<noscript>enable javascript</noscript><p>{SECOND}</p>"
    )

    story = read(page(article=article))
    text = " ".join(story.paragraphs)

    assert story.headline == "Bridge"
    for unwanted in ("owned", "color:red", "secret note", "alert", "evil.example", "enable javascript"):
        assert unwanted not in text


def test_web_page_in_windows_1252_is_decoded_by_its_meta_charset():
    data = page(article=f"<h1>Caf\u00e9 reopens</h1><p>{LEDE} \u201cGood,\u201d she said.</p><p>{SECOND}</p>")
    data = data.decode().replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252")

    story = read(data)

    assert story.headline == "Café reopens"
    assert "“Good,” she said." in story.paragraphs[0]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "no article text found in the page"),
        ("<nav><a href='/'>Home</a></nav>", "no story text found: the file has no body paragraphs"),
    ],
)
def test_web_page_with_no_article_is_refused(body, message):
    with pytest.raises(StoryFormatError) as refused:
        read(f"<!DOCTYPE html><html><head><title>Empty</title></head><body>{body}</body></html>".encode())

    assert str(refused.value) == message


def test_web_page_nested_deeper_than_can_be_read_is_refused_in_one_line():
    deep = b"<!DOCTYPE html><html><body>" + b"<div>" * 50_000 + LEDE.encode() + b"</div>" * 50_000 + b"</body></html>"

    with pytest.raises(StoryFormatError) as refused:
        read(deep)

    assert "\n" not in str(refused.value)


def test_web_page_broken_json_ld_is_ignored_not_fatal():
    story = read(page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'))

    assert story.paragraphs[0].startswith("The harbour bridge reopened")


def test_web_page_json_ld_in_a_list_with_a_language_node_is_read():
    head = (
        '<script type="application/ld+json">[{"@type": "WebSite", "name": "Post"}, {"@type": ["NewsArticle"], '
        '"headline": "Bridge reopens", "inLanguage": {"@type": "Language", "name": "Spanish", "alternateName": "es"},'
        ' "keywords": "puentes, transporte", "datePublished": "not a date"}]</script>'
    )

    story = read(page(head, lang=""))

    assert (story.headline, story.language, story.keywords) == ("Bridge reopens", "es", ("puentes", "transporte"))
    assert story.published == ""


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_web_page_reader_gives_a_story_or_a_one_line_refusal_for_any_bytes(data):
    try:
        story, _ = read_web_page("page.html", b"<!DOCTYPE html>" + data)
    except StoryFormatError as error:
        assert "\n" not in str(error)
    else:
        assert story.headline


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*"<>/=\"' abcdhpl{}[]:,@#&;\n", "<p>", "</p>", "<script>", "ld+json"]), max_size=200))
def test_web_page_reader_survives_markup_soup(pieces):
    soup = "".join(pieces)
    data = page(json_ld(**{"@type": "NewsArticle", "headline": soup, "author": soup}), f"<p>{soup}</p><p>{LEDE}</p>")
    try:
        story, _ = read_web_page("page.html", data)
    except StoryFormatError as error:
        assert "\n" not in str(error)
    else:
        assert story.headline


def test_web_page_publication_time_with_an_offset_without_its_colon_gets_one():
    story = read(page('<meta property="article:published_time" content="2026-11-27T06:30:00+0100">'))

    assert story.published == "2026-11-27T06:30:00+01:00"


def test_web_page_with_a_one_line_brief_reads_the_brief_not_the_whole_page():
    story = read(page(article="<h1>Bridge reopens</h1><p>The bridge reopened on Tuesday.</p>"))

    assert story.paragraphs == ("The bridge reopened on Tuesday.",)

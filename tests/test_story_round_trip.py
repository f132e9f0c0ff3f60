"""Property: any story written out in the file format reads back as the same story."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.parsing import (
    ORIGINAL,
    VIA,
    WIRE,
    Author,
    Contributor,
    Copyright,
    Story,
    format_story,
    parse_story,
    propose_headline,
    story_from_data,
    story_to_data,
)

WORDS = [
    "officials", "said", "the", "bridge", "would", "reopen", "next", "month", "after", "repairs",
    "engineers", "found", "cracks", "in", "two", "supports", "during", "a", "routine", "inspection",
    "council", "members", "voted", "to", "fund", "work", "on", "tuesday", "residents", "welcomed", "news",
    "traffic", "will", "return", "by", "march", "city", "crews", "closed", "lanes", "overnight",
]  # fmt: skip
FIRST_NAMES = ["Jane", "John", "Solange", "Amir", "Mei", "Olu", "Sofía", "Łukasz", "Zoë", "Ngozi"]
SURNAMES = ["Doe", "Roe", "Reyner", "Haddad", "Chen", "Adeyemi", "García", "Nowak", "O'Brien", "Okafor"]
OUTLETS = ["Fox News", "The Guardian", "CNN", "Le Monde", "The Wall Street Journal"]
HOLDERS = ["Newsmax", "City Times", "Acme Media Inc.", "Daily Planet"]
AGENCIES = ["AP", "AFP", "Reuters", "dpa"]
DATELINES = ["WASHINGTON", "LONDON", "MOUNT OLIVE, N.C.", "SÃO PAULO"]
ROLES = ["", "", "Senior Correspondent", "reporting", "Health Editor"]
CREDIT_ROLES = ["additional reporting", "photography", "editing", "translation", "contributing"]
EMBARGOES = ["", "", "2026-12-03", "2026-12-03T00:01:00", "2026-12-03T00:01:00+00:00", "2026-12-03T10:00:00-05:00"]
LABELS = ["", "", "opinion", "analysis", "review", "explainer", "satire", "sponsored"]
PUBLISHED = ["", "2022-11-27", "2022-11-27T17:11:00", "2022-11-27T17:11:00-05:00", "2024-03-05T09:30:00+01:00"]

sentences = st.lists(st.sampled_from(WORDS), min_size=5, max_size=18).map(lambda w: " ".join(w).capitalize() + ".")
paragraphs = st.lists(sentences, min_size=1, max_size=3).map(" ".join)
titles = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9).map(lambda w: " ".join(w).capitalize())
names = st.tuples(st.sampled_from(FIRST_NAMES), st.sampled_from(SURNAMES)).map(" ".join)


@st.composite
def authors(draw):
    chosen = draw(st.lists(names, max_size=3, unique=True))
    return tuple(
        Author(
            name,
            draw(st.sampled_from(["", f"{name} covers {draw(st.sampled_from(WORDS))} for the paper."])),
            role=draw(st.sampled_from(ROLES)),
        )
        for name in chosen
    )


copyrights = st.none() | st.builds(
    Copyright,
    holder=st.sampled_from(HOLDERS),
    year=st.none() | st.integers(1990, 2030),
    statement=st.sampled_from(["All rights reserved.", ""]),
)


@st.composite
def stories(draw):
    body = draw(st.lists(paragraphs, min_size=1, max_size=6))
    relationship = draw(st.sampled_from([VIA, WIRE, ORIGINAL]))
    source = draw(st.none() | st.sampled_from(AGENCIES if relationship == WIRE else OUTLETS))
    if source and relationship == VIA:
        body[0] = f"{body[0][:-1]}, reports {source}."
    bylines = draw(authors())
    others = [name for name in draw(st.lists(names, max_size=2, unique=True)) if name not in {a.name for a in bylines}]
    headline = draw(st.none() | titles)
    dek = draw(sentences) if headline and bylines and draw(st.booleans()) else ""
    label = draw(st.sampled_from(LABELS))
    return Story(
        headline=headline or propose_headline(body[0]),
        is_headline_proposed=headline is None,
        dek=dek,
        paragraphs=tuple(body),
        authors=bylines,
        source_name=source or "",
        source_relationship=relationship if source else VIA,
        copyright=draw(copyrights),
        contributors=tuple(Contributor(name, draw(st.sampled_from(CREDIT_ROLES))) for name in others),
        dateline=draw(st.sampled_from(["", *DATELINES])),
        published=draw(st.sampled_from(PUBLISHED)),
        embargo=draw(st.sampled_from(EMBARGOES)),
        is_for_publication=draw(st.booleans()),
        label=label,
        sponsor=draw(st.sampled_from(["", *HOLDERS])) if label == "sponsored" else "",
    )


@settings(max_examples=300, deadline=None)
@given(stories())
def test_a_story_written_out_reads_back_the_same(story):
    assert parse_story(format_story(story)) == story


@settings(max_examples=100, deadline=None)
@given(stories(), st.sampled_from(["\r\n", "\r"]), st.booleans())
def test_line_ends_and_a_byte_order_mark_change_nothing(story, newline, bom):
    text = ("\ufeff" if bom else "") + format_story(story).replace("\n", newline)

    assert parse_story(text) == story


@settings(max_examples=100, deadline=None)
@given(stories())
def test_a_story_kept_as_data_comes_back_the_same(story):
    assert story_from_data(json.loads(json.dumps(story_to_data(story)))) == story  # as the import preview stages it

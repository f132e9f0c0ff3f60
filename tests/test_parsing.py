"""The story parser, on plain strings: no database."""

import json

import pytest

from articles.parsing import (
    MARKDOWN,
    Author,
    Copyright,
    StoryFormatError,
    decode_story,
    markup_for,
    parse_story,
    propose_headline,
)

from .helpers import SEED_FILE, SEED_FILES, STORIES_DIR

EXPECTED = {
    name: value for name, value in json.loads((STORIES_DIR / "expected.json").read_text()).items() if name[0] != "_"
}
READABLE = sorted(name for name, expected in EXPECTED.items() if "error" not in expected)
REFUSED = sorted(name for name, expected in EXPECTED.items() if "error" in expected)

SEED_LEDE = (
    "Russia is threatening to leave an American astronaut stranded in space as tensions mount between "
    "the U.S. and Moscow over its invasion of Ukraine, reports Fox News."
)
BIO = (
    "Solange Reyner is a writer and editor for Newsmax. She has more than 15 years in the journalism "
    "industry reporting and covering news, sports and politics."
)
BODY = [
    "Officials said on Tuesday that the bridge would reopen next month after repairs.",
    "Engineers found cracks in two of the supports during a routine inspection in March.",
]


def story_text(*lines, newline="\n"):
    return newline.join(lines) + newline


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: path.name)
def test_parse_story_reads_every_seed_file(path):
    story = parse_story(decode_story(path.read_bytes())[0])

    assert story.headline
    assert story.paragraphs
    assert story.authors
    for paragraph in story.paragraphs:
        assert "✉" not in paragraph
        assert not paragraph.startswith("©")


def test_parse_story_splits_the_seed_into_its_parts():
    story = parse_story(decode_story(SEED_FILE.read_bytes())[0])

    assert story.headline == "Russia is threatening to leave an American astronaut stranded in space"
    assert story.is_headline_proposed
    assert len(story.paragraphs) == 8
    assert story.paragraphs[0] == SEED_LEDE
    assert story.paragraphs[-1].startswith("NASA in late February said sanctions")
    assert story.authors == (Author("Solange Reyner", BIO),)
    assert story.source_name == "Fox News"
    assert story.copyright == Copyright("Newsmax", 2026, "All rights reserved.")
    assert story.copyright.notice == "© 2026 Newsmax. All rights reserved."
    assert any("proposed" in warning for warning in story.warnings)


def test_parse_story_does_not_credit_an_outlet_a_person_spoke_to():
    story = parse_story(story_text(*BODY, "“It was close,” Kelly told The Wall Street Journal Thursday.", "Ann Poe ✉"))

    assert story.source_name == ""


def test_parse_story_reads_crlf_and_a_byte_order_mark_like_the_plain_file():
    plain = SEED_FILE.read_bytes()
    windows = b"\xef\xbb\xbf" + plain.replace(b"\n", b"\r\n")

    assert parse_story(decode_story(windows)[0]) == parse_story(decode_story(plain)[0])


def test_parse_story_takes_a_first_line_without_full_stop_as_the_headline():
    story = parse_story(story_text("Bridge to reopen after repairs", *BODY, "Ann Poe ✉"))

    assert story.headline == "Bridge to reopen after repairs"
    assert not story.is_headline_proposed
    assert list(story.paragraphs) == BODY


def test_parse_story_reads_a_by_line_with_several_authors():
    story = parse_story(story_text("By Jane Doe, John Roe and Ann Poe", *BODY))

    assert [author.name for author in story.authors] == ["Jane Doe", "John Roe", "Ann Poe"]
    assert list(story.paragraphs) == BODY


def test_parse_story_gives_an_author_without_a_bio_an_empty_bio():
    story = parse_story(story_text(*BODY, "Ann Poe ✉", "© 2025 Example Media"))

    assert story.authors == (Author("Ann Poe", ""),)
    assert story.copyright == Copyright("Example Media", 2025, "")


def test_parse_story_reads_two_signatures_each_with_its_bio():
    story = parse_story(
        story_text(*BODY, "Jane Doe ✉", "Jane Doe covers transport.", "John Roe ✉", "John Roe is an editor.")
    )

    assert story.authors == (
        Author("Jane Doe", "Jane Doe covers transport."),
        Author("John Roe", "John Roe is an editor."),
    )
    assert list(story.paragraphs) == BODY


def test_parse_story_reads_a_bare_name_line_followed_by_its_bio():
    story = parse_story(story_text(*BODY, "Jane Doe", "Jane Doe covers transport for the paper."))

    assert story.authors == (Author("Jane Doe", "Jane Doe covers transport for the paper."),)
    assert list(story.paragraphs) == BODY


def test_parse_story_warns_when_there_is_no_byline_or_copyright():
    story = parse_story(story_text(*BODY))

    assert story.authors == ()
    assert story.copyright is None
    assert "no byline found" in story.warnings
    assert any("default notice" in warning for warning in story.warnings)


def test_parse_story_joins_hard_wrapped_lines_into_paragraphs():
    text = (
        "Officials said on Tuesday that the bridge\n"
        "would reopen next month after repairs.\n"
        "\n"
        "Engineers found cracks in two of the\n"
        "supports during a routine inspection.\n"
        "\n"
        "Ann Poe ✉\n"
    )

    story = parse_story(text)

    assert story.paragraphs == (
        "Officials said on Tuesday that the bridge would reopen next month after repairs.",
        "Engineers found cracks in two of the supports during a routine inspection.",
    )
    assert story.authors == (Author("Ann Poe"),)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("© 2026 Newsmax. All rights reserved.", Copyright("Newsmax", 2026, "All rights reserved.")),
        ("(c) 2024 Holder", Copyright("Holder", 2024, "")),
        ("Copyright 2024 Holder. All rights reserved.", Copyright("Holder", 2024, "All rights reserved.")),
        (
            "Copyright © 2024 The Associated Press. All rights reserved. This material may not be published.",
            Copyright("The Associated Press", 2024, "All rights reserved. This material may not be published."),
        ),
        ("© Example Media Inc.", Copyright("Example Media Inc.", None, "")),
    ],
)
def test_parse_story_reads_copyright_forms(line, expected):
    assert parse_story(story_text(*BODY, line)).copyright == expected


def test_parse_story_keeps_a_sentence_starting_with_copyright_in_the_body():
    story = parse_story(story_text(*BODY, "Copyright lawyers say the case will take years to settle."))

    assert story.copyright is None
    assert story.paragraphs[-1] == "Copyright lawyers say the case will take years to settle."


def test_propose_headline_cuts_a_long_lede_at_a_clause_and_drops_the_credit():
    assert propose_headline(SEED_LEDE) == "Russia is threatening to leave an American astronaut stranded in space"
    assert propose_headline("Markets rose on Monday, reports Reuters.") == "Markets rose on Monday"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b" \n\n \t\n", "the file is empty"),
        (b"Jane Doe \xe2\x9c\x89\n\xc2\xa9 2026 Newsmax.\n", "line 1: no story text found"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 3: contains a NUL byte"),
        (b"First line is fine\nsecond \x81 line\n", "line 2: not valid UTF-8 (byte 0x81) nor Windows-1252"),
    ],
)
def test_unreadable_files_give_a_one_line_error(data, message):
    with pytest.raises(StoryFormatError) as raised:
        parse_story(decode_story(data)[0])

    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("lede", "outlet"),
    [
        ("Markets fell sharply on Monday as investors fled risk, reports Fox News.", "Fox News"),
        ("The plan was first reported by The Wall Street Journal on Sunday evening.", "The Wall Street Journal"),
        ("WASHINGTON (AP) — The Senate passed the bill late on Tuesday night.", "AP"),
        ("The company will cut 500 jobs, according to Reuters, citing two sources.", "Reuters"),
        ("CNN reported that the talks had stalled over the weekend.", "CNN"),
        ("The company will cut 500 jobs, according to NASA officials in Houston.", ""),
    ],
)
def test_parse_story_finds_the_credited_outlet(lede, outlet):
    assert parse_story(story_text(lede, *BODY)).source_name == outlet


def read_fixture(name):
    text, encoding = decode_story((STORIES_DIR / name).read_bytes())
    return parse_story(text, markup_for(name), encoding)


def summarise(story):
    """The story in the shape of ``stories/expected.json``."""
    notice = story.copyright
    return {
        "headline": story.headline,
        "headline_is_proposed": story.is_headline_proposed,
        "dek": story.dek,
        "authors": [[author.name, author.bio] for author in story.authors],
        "source_credit": story.source_name,
        "source_relationship": story.source_relationship,
        "copyright": notice and [notice.holder, notice.year, notice.statement],
        "paragraphs": len(story.paragraphs),
        "first_paragraph": story.paragraphs[0],
    }


def test_every_story_fixture_has_an_expected_outcome():
    on_disk = {path.name for path in STORIES_DIR.iterdir() if path.name != "expected.json"}

    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", READABLE)
def test_parse_story_reads_each_fixture_as_expected(name):
    expected = EXPECTED[name]
    story = read_fixture(name)

    summary = summarise(story)
    assert {key: summary[key] for key in expected if key != "warnings"} == {
        key: value for key, value in expected.items() if key != "warnings"
    }
    for warning in expected.get("warnings", []):
        assert any(warning in actual for actual in story.warnings), story.warnings
    if expected.get("warnings") == []:
        assert story.warnings == ()


@pytest.mark.parametrize("name", REFUSED)
def test_parse_story_refuses_each_unreadable_fixture_with_its_message(name):
    with pytest.raises(StoryFormatError) as raised:
        read_fixture(name)

    assert str(raised.value).startswith(EXPECTED[name]["error"])


def test_parse_story_drops_characters_xml_cannot_carry():
    story = parse_story(story_text("Officials\x0b said\x0c on \x01Tuesday\ufffe that the bridge would reopen.", *BODY))

    assert story.paragraphs[0] == "Officials said on Tuesday that the bridge would reopen."


# --- real-world forms: the classes tests/realworld/ holds, each on a line of its own ----------------

LEDE = "Officials said on Tuesday that the harbour bridge would reopen next month after repairs."


@pytest.mark.parametrize(
    ("byline", "names", "roles", "wire"),
    [
        ("BY JANE DOE AND JOHN ROE", ["Jane Doe", "John Roe"], ["", ""], ""),
        ("By: Jane Doe | Updated 5:11 PM EST, Nov 27, 2022", ["Jane Doe"], [""], ""),
        ("Written by Jane Doe, Senior Correspondent", ["Jane Doe"], ["Senior Correspondent"], ""),
        ("Words by Jane Doe & John Roe", ["Jane Doe", "John Roe"], ["", ""], ""),
        ("Story by Jane Doe (reporting)", ["Jane Doe"], ["reporting"], ""),
        ("Par Jeanne Dupont et Paul Martin", ["Jeanne Dupont", "Paul Martin"], ["", ""], ""),
        ("Von Anna Schmidt und Max Weber", ["Anna Schmidt", "Max Weber"], ["", ""], ""),
        ("By Jane Doe with John Roe", ["Jane Doe", "John Roe"], ["", ""], ""),
        ("By Jane Doe, Reuters", ["Jane Doe"], [""], "Reuters"),
        ("By Stephen Collinson, CNN", ["Stephen Collinson"], [""], "CNN"),
        ("Von Julia Macher, ARD-Studio Madrid", ["Julia Macher"], ["ARD-Studio Madrid"], ""),
        (
            "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien "
            "Leloup et Morgane Tual)",
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"], ["", "", ""], "",
        ),
    ],
)  # fmt: skip
def test_a_byline_in_any_of_its_forms_gives_the_writers_their_roles_and_the_wire(byline, names, roles, wire):
    story = parse_story(story_text("Harbour bridge to reopen", byline, LEDE))

    assert [author.name for author in story.authors] == names
    assert [author.role for author in story.authors] == roles
    assert (story.source_name, story.source_relationship) == ((wire, "wire") if wire else ("", "via"))
    assert story.paragraphs == (LEDE,)


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("Published 5:11 PM EST, Sun November 27, 2022", "2022-11-27T17:11:00-05:00"),
        ("Wed Dec 14, 2016 | 5:03pm EST", "2016-12-14T17:03:00-05:00"),
        ("Publié le 4 mai 2015 à 13h36", "2015-05-04T13:36:00"),
        ("Stand: 27.03.2026 • 18:19 Uhr", "2026-03-27T18:19:00"),
        ("Publicado: 03/12/2024 · Actualizado: 04/12/2024", "2024-12-03"),
        ("Updated: 13 minutes ago", ""),
        ("JAKARTA Tue Dec 30, 2014 9:21am IST", "2014-12-30T09:21:00"),  # whose IST is not guessed
    ],
)
def test_a_date_line_is_never_body_text_and_keeps_the_original_publication_time(date_line, published):
    story = parse_story(story_text("Harbour bridge to reopen", "By Jane Doe", date_line, LEDE))

    assert story.paragraphs == (LEDE,)
    assert story.published == published


@pytest.mark.parametrize(
    ("opening", "dateline", "wire"),
    [
        ("WASHINGTON (AP) — ", "WASHINGTON", "AP"),
        ("LONDON — ", "LONDON", ""),
        ("MOUNT OLIVE, N.C. (AP) — ", "MOUNT OLIVE, N.C.", "AP"),
        ("PARIS, 3 déc. (AFP) - ", "PARIS", "AFP"),
        ("Nueva Delhi, 21 ene (EFE).- ", "Nueva Delhi", "EFE"),
        ("МОСКВА, 2 ноября. /ТАСС/. ", "МОСКВА", "ТАСС"),
        ("(CNN)", "", "CNN"),
        ("Jan 30 (Reuters) - ", "", "Reuters"),
    ],
)
def test_a_dateline_becomes_the_articles_dateline_and_its_agency_the_wire_credit(opening, dateline, wire):
    story = parse_story(story_text("By Jane Doe", opening + LEDE))

    assert (story.dateline, story.source_name) == (dateline, wire)
    assert story.paragraphs == (LEDE,)  # shown once: in the dateline, not again in the text


@pytest.mark.parametrize(
    ("line", "holder", "year"),
    [
        ("© 2016 Guardian News and Media Limited or its affiliated companies. All rights reserved.",
         "Guardian News and Media Limited", 2016),
        ("© 2024 USA TODAY, a division of Gannett Co., Inc.", "USA TODAY", 2024),
        ("© 2016 Cable News Network. Turner Broadcasting System, Inc. All Rights Reserved.",
         "Cable News Network", 2016),
        ("Copyright © 2010–2024 Harbour Media Ltd. ALL RIGHTS RESERVED.", "Harbour Media Ltd.", 2024),
        ("(c) Harbour Media. all rights reserved", "Harbour Media", None),
        ("Copyright 2007 by United Press International", "United Press International", 2007),
        ("Copyright 2022, dpa (www.dpa.de). Alle Rechte vorbehalten", "dpa", 2022),
        ("© EFE 2019. Está expresamente prohibida la redistribución.", "EFE", 2019),
        ("(c) Copyright Thomson Reuters 2017. Click For Restrictions - http://about.reuters.com/fulllegal.asp",
         "Thomson Reuters", 2017),
    ],
)  # fmt: skip
def test_the_copyright_holder_is_the_first_legal_name_and_the_year_the_last(line, holder, year):
    story = parse_story(story_text(LEDE, line))

    assert (story.copyright.holder, story.copyright.year) == (holder, year)


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        ("The plan was first disclosed last week, Axios reported Sunday.", ("Axios", "via")),
        ("The company is said to be in talks, according to Reuters.", ("Reuters", "via")),
        ("This story was originally published by ProPublica.", ("ProPublica", "original")),
        ("The post Harbour bridge to reopen appeared first on WND.", ("WND", "original")),
        ("The bridge was unsafe, she told CNN on Monday.", ("", "via")),
        ("The bridge was unsafe, according to officials.", ("", "via")),
        ("The bridge was unsafe, according to local media.", ("", "via")),
    ],
)
def test_an_outlet_is_credited_by_the_form_of_the_sentence_never_by_who_talks_to_it(sentence, credit):
    story = parse_story(story_text("By Jane Doe", LEDE, sentence))

    assert (story.source_name, story.source_relationship) == credit


def test_credit_lines_name_contributors_with_their_roles_and_are_not_body_text():
    story = parse_story(
        story_text(
            "By Howard Schneider",
            LEDE,
            "(Reporting by Howard Schneider; Additional reporting by Jason Lange in Washington and Ann Saphir in "
            "San Francisco; Editing by Paul Simao)",
            "Photos by Ramona Rosales",
            "-- CNN's Bill Kirkos contributed to this report.",
        )
    )

    assert story.paragraphs == (LEDE,)
    assert [(person.name, person.role) for person in story.contributors] == [
        ("Jason Lange", "additional reporting"), ("Ann Saphir", "additional reporting"), ("Paul Simao", "editing"),
        ("Ramona Rosales", "photography"), ("Bill Kirkos", "contributing"),
    ]  # fmt: skip


def test_names_alone_under_the_headline_are_the_byline_but_a_sign_off_name_keeps_its_bio():
    story = parse_story(
        story_text("Jury finds defendant guilty", "December 15, 2016 3:33 PM ET", "Rebecca Hersher", LEDE)
    )
    signed = parse_story(story_text(LEDE, "Jane Doe", "Jane Doe covers transport for the City Times."))

    assert [author.name for author in story.authors] == ["Rebecca Hersher"]
    assert story.published == "2016-12-15T15:33:00-05:00"
    assert [(author.name, author.bio) for author in signed.authors] == [
        ("Jane Doe", "Jane Doe covers transport for the City Times.")
    ]


def test_a_story_in_a_script_without_spaces_has_story_text():
    story = parse_story(
        "米、日本に市場開放要求へ\n【ワシントン共同】米ホワイトハウスの高官は21日、日本に市場の開放を求める考えを示した。\n"
    )

    assert (story.dateline, story.source_name) == ("ワシントン", "共同")
    assert story.headline == "米、日本に市場開放要求へ"


def test_wire_credits_at_the_end_are_read_wherever_they_stand():
    story = parse_story(
        story_text(
            "By The Associated Press",
            "MEXICO CITY (AP) — " + LEDE,
            "The work will take a year. (Reporting by Joseph Ax; Editing by Frank McGurty and Jeffrey Benkoe)",
            "___",
            "Associated Press writer E. Eduardo Castillo reported this story in Mexico City and AP writer Michael "
            "Graczyk reported from Houston. AP writers Elizabeth Rivera in Guadalajara, Mexico; and Emily Schmall in "
            "Fort Worth, Texas, contributed to this report.",
            "© Copyright 2020 AccessWDUN.com",
            "All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.",
        )
    )

    assert story.paragraphs == (LEDE, "The work will take a year.")
    assert [person.name for person in story.contributors] == [
        "Frank McGurty", "Jeffrey Benkoe", "E. Eduardo Castillo", "Michael Graczyk", "Elizabeth Rivera",
        "Emily Schmall",
    ]  # fmt: skip
    assert (story.copyright.holder, story.copyright.year) == ("AccessWDUN.com", 2020)
    assert story.copyright.statement.startswith("All rights reserved.")


@pytest.mark.parametrize(
    "story",
    [
        "The World Health Organization (WHO) said on Monday that cases rose sharply in the region.",
        "Apple (AAPL) shares fell on Tuesday after the company cut its sales forecast for the year.",
        "AC/DC will tour Europe next year, the band said in a statement on Tuesday morning.",
        "The virus first appeared in Wuhan in late 2019, officials said on Monday in the capital.",
        "Officials said the bridge would reopen next month.\nMore than 200 people crossed it daily before it shut.",
        "Officials said the bridge would reopen next month.\nRelated work on the approach roads starts in May.",
        "Officials said the bridge would reopen next month after the repairs to its supports.\nENDS",
    ],
)
def test_sentences_that_only_look_like_metadata_stay_the_story(story):
    parsed = parse_story(story + "\n")

    assert (parsed.source_name, parsed.dateline) == ("", "")
    assert parsed.paragraphs == tuple(line for line in story.split("\n") if line != "ENDS")


def test_a_title_case_headline_with_by_is_no_byline_and_a_surname_is_no_outlet():
    headline = parse_story(story_text("Hit By Hurricane Ian", LEDE))
    byline = parse_story(story_text("By Jane Doe, John Fox", LEDE))

    assert (headline.headline, headline.authors) == ("Hit By Hurricane Ian", ())
    assert ([a.name for a in byline.authors], byline.source_name) == (["Jane Doe", "John Fox"], "")


def test_odd_endings_are_read_or_refused_in_one_line_never_a_traceback():
    with pytest.raises(StoryFormatError, match="no story text found"):
        parse_story("12 March 2020\nBy Jane Doe\nShort title\n")
    story = parse_story(f"{LEDE}\n\nJane Doe\n\n![](photo.jpg)\n", markup=MARKDOWN)

    assert story.paragraphs[0] == LEDE

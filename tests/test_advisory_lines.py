"""Advisory lines above a story — embargoes, kills, withdrawals — are read as data and never become
body text; an embargo line that cannot be read is an error at its line. The forms are those real
desks send: press-office embargoes, agency kill advisories."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.parsing import StoryFormatError, parse_story

from .helpers import HARBOUR_STORY


@pytest.mark.parametrize(
    ("line", "embargo"),
    [
        ("EMBARGOED UNTIL 00:01 GMT 3 December 2026", "2026-12-03T00:01:00+00:00"),
        ("Embargo: 2026-12-03T00:01Z", "2026-12-03T00:01:00+00:00"),
        ("EMBARGO / 00.01 hrs 3 February 2005", "2005-02-03T00:01:00"),
        ("EMBARGO 0001 GMT Thursday 3 December 2026", "2026-12-03T00:01:00+00:00"),
        (
            "EMBARGOED: Not for publication or broadcast before 00:01 GMT on 3 December 2026",
            "2026-12-03T00:01:00+00:00",
        ),
        ("Not for publication before 10am EST, December 3, 2026", "2026-12-03T10:00:00-05:00"),
        ("Embargoed for release until 12:01 a.m. EST Dec. 3, 2026", "2026-12-03T00:01:00-05:00"),
        ("HOLD FOR RELEASE UNTIL 6 P.M. EST, Dec. 3, 2026", "2026-12-03T18:00:00-05:00"),
        ("Under embargo until 3 December 2026", "2026-12-03"),
    ],
)
def test_embargo_line_is_read_and_left_out_of_the_body(line, embargo):
    story = parse_story(f"{line}\n{HARBOUR_STORY}")
    assert story.embargo == embargo
    assert story.headline == "Harbour bridge to reopen"
    assert not any("mbargo" in paragraph or "publication" in paragraph for paragraph in story.paragraphs)
    assert story.paragraphs[0].startswith("Officials said")


def test_embargo_line_under_the_headline_is_read_too():
    headline, rest = HARBOUR_STORY.split("\n", 1)
    assert parse_story(f"{headline}\nEMBARGOED UNTIL 00:01 GMT 3 December 2026\n{rest}").embargo == (
        "2026-12-03T00:01:00+00:00"
    )


def test_embargo_in_an_ambiguous_zone_is_read_as_the_desks_time_with_a_warning():
    story = parse_story(f"Embargoed until 00:01 BST on 3 December 2026\n{HARBOUR_STORY}")
    assert story.embargo == "2026-12-03T00:01:00"
    assert any("BST is ambiguous" in warning for warning in story.warnings)


@pytest.mark.parametrize(
    "line", ["EMBARGOED UNTIL 00.01hrs Monday April 28", "EMBARGO: until further notice", "Embargoed until: TBC"]
)
def test_embargo_line_without_a_readable_time_is_an_error_at_its_line(line):
    with pytest.raises(StoryFormatError) as error:
        parse_story(f"Harbour bridge to reopen\n{line}\n{HARBOUR_STORY.split(chr(10), 1)[1]}")
    assert error.value.line == 2
    assert "embargo line" in str(error.value) and line in str(error.value)


@pytest.mark.parametrize(
    "lede",
    [
        "Embargo talks collapsed on Friday as ministers failed to agree on oil sanctions.",
        "Embargoes on Russian oil were tightened on Tuesday, officials said.",
        "The bill has been withdrawn from parliament, officials said on Tuesday evening.",
        "Kill switches for cars are years away, regulators said on Tuesday.",
    ],
)
def test_story_text_about_embargoes_or_withdrawals_is_body_text(lede):
    story = parse_story(f"{lede}\nThe talks resume next week in Brussels, the officials said.\n")
    assert story.paragraphs[0] == lede
    assert story.embargo == "" and story.kill is None


@pytest.mark.parametrize(
    ("advisory", "kind"),
    [
        ("KILL", "kill"),
        ("KILL KILL KILL", "kill"),
        ("URGENT: KILL", "kill"),
        ("WITHDRAWN", "withdraw"),
        ("STORY WITHDRAWN: it named the wrong man.", "withdraw"),
        ("ADVISORY: This story has been withdrawn. It named the wrong man.", "withdraw"),
        ("TAKEDOWN", "takedown"),
        ("Editors: please kill this story. A kill is mandatory.", "kill"),
    ],
)
def test_kill_advisory_over_the_story_is_read_as_data(advisory, kind):
    story = parse_story(f"{advisory}\n{HARBOUR_STORY}")
    assert story.kill is not None and story.kill.kind == kind
    assert story.headline == "Harbour bridge to reopen"
    assert story.paragraphs[0].startswith("Officials said")
    assert all(advisory not in paragraph for paragraph in story.paragraphs)


def test_agency_kill_advisory_names_the_story_it_kills():
    story = parse_story(
        "Please kill the story Harbour bridge to reopen, V9991.\n"
        "A kill is mandatory. Make certain the story is not used.\n"
    )
    assert story.kill.kind == "kill"
    assert story.kill.named == story.headline == "Harbour bridge to reopen"
    assert story.paragraphs == ()
    assert "Make certain the story is not used." in story.kill.reason


def test_kill_advisory_over_a_headline_alone_names_that_story():
    story = parse_story("WITHDRAWN: a court order forbids naming the man.\nHarbour bridge to reopen\n")
    assert story.kill.kind == "withdraw" and story.headline == "Harbour bridge to reopen"
    assert story.kill.reason == "WITHDRAWN: a court order forbids naming the man."


def test_kill_advisory_that_names_no_story_is_an_error():
    with pytest.raises(StoryFormatError, match="names no story"):
        parse_story("KILL\n")


@given(
    st.sampled_from(["EMBARGOED UNTIL", "Embargo:", "Not for publication before"]),
    st.datetimes(datetime.datetime(1990, 1, 1), datetime.datetime(2099, 12, 31)),
)
def test_embargo_property_any_written_time_reads_back(label, moment):
    moment = moment.replace(second=0, microsecond=0)
    story = parse_story(f"{label} {moment:%H:%M} GMT {moment.day} {moment:%B %Y}\n{HARBOUR_STORY}")
    assert story.embargo == moment.strftime("%Y-%m-%dT%H:%M:00+00:00")


@pytest.mark.parametrize(
    "line", ["NOT FOR PUBLICATION", "ADVISORY: Not for publication.", "For guidance only, not for publication"]
)
def test_not_for_publication_line_is_read_and_left_out_of_the_body(line):
    story = parse_story(f"{line}\n{HARBOUR_STORY}")
    assert story.is_for_publication is False
    assert story.headline == "Harbour bridge to reopen" and story.embargo == ""
    assert all("publication" not in paragraph for paragraph in story.paragraphs)


def test_not_for_publication_before_a_time_is_an_embargo_not_a_refusal():
    story = parse_story(f"Not for publication before 00:01 GMT 3 December 2026\n{HARBOUR_STORY}")
    assert story.is_for_publication and story.embargo == "2026-12-03T00:01:00+00:00"

"""The import service: what it writes, and that a failure writes nothing."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from django_tasks.signals import task_enqueued
from wagtail.models import Page, ReferenceIndex, Revision

from articles.import_people import find_or_create_author
from articles.importing import ImportOptions, ImportOutcome, StorySource, import_story
from articles.models import ArticlePage, CopyrightNotice, StoryImport
from articles.parsing import Author, decode_story, parse_story
from authors.models import AuthorPage

from .factories import CopyrightNoticeFactory
from .helpers import SEED_FILE


def import_text(text, destination, **options):
    data = text.encode()
    source = StorySource.from_bytes("story.txt", data, text)
    return import_story(parse_story(text), source, destination, ImportOptions(**options))


def import_seed(destination, **options):
    data = SEED_FILE.read_bytes()
    text = decode_story(data)[0]
    source = StorySource.from_bytes(SEED_FILE.name, data, text)
    return import_story(parse_story(text), source, destination, ImportOptions(**options))


def test_import_story_creates_a_draft_with_byline_credit_and_copyright(newsroom):
    result = import_seed(newsroom)

    article = ArticlePage.objects.get()
    assert result.outcome is ImportOutcome.CREATED
    assert not article.live
    assert article.title == "Russia is threatening to leave an American astronaut stranded in space"
    assert article.is_headline_proposed
    assert len(article.body) == 8
    assert [link.author.title for link in article.credits.all()] == ["Solange Reyner"]
    assert (article.source.name, article.source_relationship) == ("Fox News", "via")
    assert article.copyright_notice.text == "© 2026 Newsmax. All rights reserved."
    assert article.get_parent().pk == newsroom.news_index.pk


def test_import_story_publish_makes_the_article_and_its_new_author_live(newsroom):
    import_seed(newsroom, publish=True)

    article = ArticlePage.objects.get()
    author = AuthorPage.objects.get()
    assert article.live and article.first_published_at
    assert not article.is_headline_proposed  # choosing to publish counts as the review
    assert author.live
    assert author.bio == (
        "<p>Solange Reyner is a writer and editor for Newsmax. She has more than 15 years in the "
        "journalism industry reporting and covering news, sports and politics.</p>"
    )


def test_import_story_keeps_new_authors_as_drafts_until_an_article_names_them_live(newsroom):
    import_seed(newsroom)

    assert not AuthorPage.objects.get().live

    ArticlePage.objects.get().get_latest_revision().publish()

    assert AuthorPage.objects.get().live


def test_import_story_twice_reports_unchanged_and_creates_nothing(newsroom):
    import_seed(newsroom, publish=True)
    counts = (ArticlePage.objects.count(), AuthorPage.objects.count(), Revision.objects.count())

    result = import_seed(newsroom, publish=True)

    assert result.outcome is ImportOutcome.UNCHANGED
    assert (ArticlePage.objects.count(), AuthorPage.objects.count(), Revision.objects.count()) == counts


def test_import_story_updates_the_same_article_when_a_later_paragraph_changes(newsroom):
    text = decode_story(SEED_FILE.read_bytes())[0]
    first = import_text(text, newsroom, publish=True)

    corrected = text.replace("355-day mission", "355-day mission aboard the station")
    second = import_text(corrected, newsroom, publish=True)

    assert second.outcome is ImportOutcome.UPDATED
    assert second.article.pk == first.article.pk
    article = ArticlePage.objects.get()
    assert "aboard the station" in str(article.body[1].value)
    assert article.revisions.count() == 2
    assert StoryImport.objects.filter(article=article).count() == 2


def test_import_story_keeps_the_headline_an_editor_wrote_over_a_proposal(newsroom):
    import_seed(newsroom)
    article = ArticlePage.objects.get()
    article.title = "Russia threatens to strand NASA astronaut"
    article.is_headline_proposed = False
    article.save_revision()

    text = decode_story(SEED_FILE.read_bytes())[0].replace("355-day", "355 day")
    import_text(text, newsroom)

    latest = ArticlePage.objects.get().get_latest_revision_as_object()
    assert latest.title == "Russia threatens to strand NASA astronaut"
    assert "355 day" in str(latest.body[1].value)


def test_import_story_stores_file_text_as_text_never_markup(newsroom):
    text = "Officials said <script>alert(1)</script> &amp; <b>more</b> on Tuesday in the capital.\nAnn Poe ✉\n"

    import_text(text, newsroom, publish=True)

    paragraph = ArticlePage.objects.get().body[0].value.source
    assert paragraph == (
        "<p>Officials said &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &lt;b&gt;more&lt;/b&gt; "
        "on Tuesday in the capital.</p>"
    )


def test_find_or_create_author_matches_names_ignoring_case_spacing_and_accents(newsroom):
    existing = find_or_create_author(Author("Solange Reyner", "A bio."), newsroom.author_index)

    again = find_or_create_author(Author("  SOLANGE   Réyner "), newsroom.author_index)

    assert again.pk == existing.pk
    assert AuthorPage.objects.count() == 1


def test_find_or_create_author_never_overwrites_a_bio_an_editor_wrote(newsroom):
    author = find_or_create_author(Author("Ann Poe"), newsroom.author_index)
    draft = author.get_latest_revision_as_object()
    draft.bio = "<p>Written by the desk.</p>"
    draft.save_revision().publish()

    find_or_create_author(Author("Ann Poe", "From the file."), newsroom.author_index)

    assert AuthorPage.objects.get().bio == "<p>Written by the desk.</p>"


def test_find_or_create_author_fills_an_empty_bio_from_the_file(newsroom):
    find_or_create_author(Author("Ann Poe"), newsroom.author_index)

    author = find_or_create_author(Author("Ann Poe", "Ann Poe covers courts."), newsroom.author_index)

    assert author.get_latest_revision_as_object().bio == "<p>Ann Poe covers courts.</p>"


def test_import_story_reuses_an_existing_copyright_notice(newsroom):
    CopyrightNoticeFactory(holder="Newsmax", year=2026, statement="All rights reserved.")

    import_seed(newsroom)

    assert CopyrightNotice.objects.filter(holder="Newsmax").count() == 1


def test_import_story_that_fails_midway_leaves_the_database_as_it_was(newsroom):
    before = (Page.objects.count(), Revision.objects.count(), CopyrightNotice.objects.count())

    text = decode_story(SEED_FILE.read_bytes())[0]
    # The provenance is the last thing written: by then the article and its author page exist.
    unwritable = StorySource(SEED_FILE.name, text, checksum="not a SHA-256 checksum " * 4)

    with pytest.raises(ValidationError, match="provenance, checksum"):
        import_story(parse_story(text), unwritable, newsroom, ImportOptions(publish=True))

    assert (Page.objects.count(), Revision.objects.count(), CopyrightNotice.objects.count()) == before
    assert not AuthorPage.objects.exists()


def test_import_story_keeps_the_byline_order_of_the_file(newsroom):
    text = "By Ann Poe, John Roe and Jane Doe\nOfficials said on Tuesday that the bridge would reopen.\n"

    import_text(text, newsroom, publish=True)

    byline = [link.author.title for link in ArticlePage.objects.get().credits.all()]
    assert byline == ["Ann Poe", "John Roe", "Jane Doe"]


@pytest.fixture
def enqueued_tasks():
    """(task name, args) of every background task enqueued while the test runs."""
    enqueued = []

    def record(sender, task_result, **kwargs):
        enqueued.append((task_result.task.name, tuple(task_result.args)))

    task_enqueued.connect(record)
    yield enqueued
    task_enqueued.disconnect(record)


def test_import_story_indexes_each_page_once_for_search_and_references(newsroom, enqueued_tasks):
    text = "By Ann Poe and John Roe\nOfficials said on Tuesday that the bridge would reopen.\n"

    import_text(text, newsroom, publish=True)  # saves the article 3 times, each new author 3 times

    article = ArticlePage.objects.get()
    pages = {str(article.pk), *(str(pk) for pk in AuthorPage.objects.values_list("pk", flat=True))}
    for task_name in ("insert_or_update_object_task", "update_reference_index_task"):
        indexed = [args[2] for name, args in enqueued_tasks if name == task_name]
        assert sorted(indexed) == sorted(pages), task_name


def test_an_imported_story_is_found_by_search_and_its_references_are_recorded(client, newsroom):
    text = "By Ann Poe\nOfficials said on Tuesday that the harbour bridge would reopen.\n"

    import_text(text, newsroom, publish=True)

    article = ArticlePage.objects.get()
    author = AuthorPage.objects.get()
    assert list(ArticlePage.objects.live().search("harbour bridge")) == [article]
    assert ReferenceIndex.get_references_to(author).filter(object_id=str(article.pk)).exists()


def test_an_edit_outside_the_importer_is_indexed_at_once(newsroom):
    import_text("By Ann Poe\nOfficials said on Tuesday that the harbour bridge would reopen.\n", newsroom, publish=True)
    article = ArticlePage.objects.get()

    article.title = "Ferry service returns"
    article.save_revision().publish()

    assert list(ArticlePage.objects.live().search("ferry")) == [article]


def story_by(author, bio="", lede="The harbour bridge reopened to traffic on Tuesday after two years of repairs."):
    signature = f"{author} ✉\n{bio}\n" if bio else ""
    return f"Harbour bridge reopens\nBy {author}\n{lede}\nEngineers replaced the cracked supports.\n{signature}"


def test_scheduling_a_story_keeps_its_new_author_hidden_until_it_goes_live(newsroom, client):
    go_live = timezone.now() + timedelta(hours=2)

    import_text(story_by("Sam Scheduled", "Sam Scheduled writes about ibises."), newsroom, publish=True,
                go_live_at=go_live)  # fmt: skip

    author = AuthorPage.objects.get(title="Sam Scheduled")
    assert not author.live
    assert "Sam Scheduled" not in client.get("/authors/").content.decode()
    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert AuthorPage.objects.get(title="Sam Scheduled").live


def live_author_without_bio(newsroom):
    import_text(story_by("Ann Poe"), newsroom, publish=True)
    author = AuthorPage.objects.get(title="Ann Poe")
    assert author.live and not author.bio
    return author


@pytest.mark.parametrize("update_bios", [False, True])
def test_a_draft_import_leaves_a_live_authors_bio_as_readers_see_it(newsroom, client, update_bios):
    author = live_author_without_bio(newsroom)

    import_text(story_by("Ann Poe", "Ann Poe covers courts.", lede="Another story about the courts today."),
                newsroom, update_bios=update_bios)  # fmt: skip

    author.refresh_from_db()
    assert author.bio == ""
    assert "covers courts" not in client.get(author.url).content.decode()
    assert author.get_latest_revision_as_object().bio == "<p>Ann Poe covers courts.</p>"  # for an editor to publish


def test_a_published_import_publishes_the_authors_new_bio(newsroom, client):
    author = live_author_without_bio(newsroom)

    import_text(story_by("Ann Poe", "Ann Poe covers courts.", lede="Another story about the courts today."),
                newsroom, publish=True)  # fmt: skip

    assert "Ann Poe covers courts." in client.get(author.url).content.decode()


def test_a_scheduled_import_schedules_the_authors_new_bio_with_it(newsroom, client):
    author = live_author_without_bio(newsroom)
    go_live = timezone.now() + timedelta(hours=2)

    import_text(story_by("Ann Poe", "Ann Poe covers courts.", lede="Another story about the courts today."),
                newsroom, publish=True, go_live_at=go_live)  # fmt: skip

    assert "covers courts" not in client.get(author.url).content.decode()
    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
        assert "Ann Poe covers courts." in client.get(author.url).content.decode()


LOOK_ALIKE = "Sol\u0430nge Reyn\u0435r"  # "Solange Reyner" with a Cyrillic a and e


def test_a_byline_name_that_only_looks_like_an_author_never_creates_a_second_page_silently(newsroom):
    import_seed(newsroom, publish=True)
    story = story_by(LOOK_ALIKE, lede="A different story about the harbour bridge and its long repairs.")

    with pytest.raises(ValidationError, match="looks like the author “Solange Reyner”"):
        import_text(story, newsroom, publish=True)

    assert list(AuthorPage.objects.values_list("title", flat=True)) == ["Solange Reyner"]
    assert ArticlePage.objects.count() == 1


def test_the_parser_warns_of_a_name_that_mixes_alphabets():
    story = parse_story(story_by(LOOK_ALIKE))

    assert any("mixes Cyrillic and Latin letters" in warning for warning in story.warnings)
    assert not any("mixes" in warning for warning in parse_story(story_by("山田 はな")).warnings)


WIRE_STORY = """Harbour bridge reopens after two years
By Jane Doe, Transport Correspondent, and John Roe
Published 5:11 PM EST, Sun November 27, 2022
BOSTON (AP) — The harbour bridge reopened to traffic on Tuesday after two years of repairs.
Engineers replaced both supports during the closure.
Additional reporting by Ann Poe
Copyright 2022 The Associated Press. All rights reserved.
"""


def test_a_wire_story_keeps_its_dateline_original_date_roles_and_credit(newsroom, client):
    article = import_text(WIRE_STORY, newsroom, publish=True).article

    assert article.dateline == "BOSTON"
    assert (article.source.name, article.source_relationship) == ("AP", "wire")
    assert article.originally_published_at.isoformat() == "2022-11-27T17:11:00-05:00"
    assert AuthorPage.objects.get(title="Jane Doe").role == ""  # what one byline says is no job title ("Berlin")
    assert article.body[0].value.source == (
        "<p>The harbour bridge reopened to traffic on Tuesday after two years of repairs.</p>"
    )
    page = " ".join(client.get(article.url).content.decode().split())
    assert page.count("BOSTON") == 1  # the dateline, shown once
    assert "First published elsewhere" in page and "27 November 2022" in page
    assert [block.value.source for block in article.body][
        -1
    ] == "<p>Engineers replaced both supports during the closure.</p>"
    assert '<p class="article-credits">Additional reporting by Ann Poe.</p>' in page  # a credit, not body text

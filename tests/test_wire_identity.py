"""What the importer does with what other formats carry beyond the text: the sender's GUID and version,
keywords and usage terms."""

from dataclasses import replace

from articles.importing import ImportOptions, ImportOutcome, StorySource, import_story
from articles.models import ArticlePage
from articles.parsing import Author, KillAdvisory, Story

WIRE_STORY = Story(
    headline="Harbour bridge to reopen in March",
    is_headline_proposed=False,
    paragraphs=("Officials said on Tuesday that the harbour bridge would reopen in March after repairs.",),
    authors=(Author("Kari Nordmann"),),
    keywords=("Transport", "Harbour bridge"),
    usage_terms="No archiving after 30 days",
    guid="urn:newsml:wire.example:20261201:bridge",
    version=1,
)


def import_version(story, destination, name="wire.xml"):
    data = repr(story).encode()
    return import_story(story, StorySource.from_bytes(name, data, data.decode()), destination, ImportOptions())


def test_import_keeps_keywords_as_tags_and_the_usage_terms(newsroom):
    import_version(WIRE_STORY, newsroom)

    article = ArticlePage.objects.get().get_latest_revision_as_object()
    assert sorted(tag.name for tag in article.tags.all()) == ["Harbour bridge", "Transport"]
    assert article.usage_terms == "No archiving after 30 days"


def test_import_a_later_version_of_the_same_guid_updates_the_article_though_its_lede_changed(newsroom):
    import_version(WIRE_STORY, newsroom)
    corrected = replace(WIRE_STORY, version=2, paragraphs=("Officials said on Wednesday the bridge would reopen.",))

    result = import_version(corrected, newsroom)

    assert result.outcome is ImportOutcome.UPDATED
    article = ArticlePage.objects.get()
    assert "Wednesday" in str(article.get_latest_revision_as_object().body)
    assert list(article.imports.values_list("version", flat=True)) == [2, 1]


def test_import_an_earlier_version_after_a_later_one_changes_nothing(newsroom):
    import_version(replace(WIRE_STORY, version=3, headline="Harbour bridge reopens in March"), newsroom)

    result = import_version(WIRE_STORY, newsroom)

    assert result.outcome is ImportOutcome.UNCHANGED
    assert ArticlePage.objects.get().get_latest_revision_as_object().title == "Harbour bridge reopens in March"


def test_import_a_kill_with_the_guid_withdraws_the_story_whatever_its_headline(newsroom):
    import_version(WIRE_STORY, newsroom)
    kill = replace(WIRE_STORY, headline="Kill", paragraphs=(), version=2, kill=KillAdvisory("kill", "Legal"))

    result = import_version(kill, newsroom, name="kill.xml")

    assert result.outcome is ImportOutcome.WITHDRAWN
    assert ArticlePage.objects.get().withdrawal.kind == "kill"

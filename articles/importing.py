"""Writing parsed stories into Wagtail: the only code that creates or updates imported articles.

The management command and the admin import view are two doors to ``import_story``. It never
parses; it takes a ``Story`` from ``articles.parsing`` and writes it in one transaction, so a
story that fails leaves the database exactly as it was.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Site

from authors.models import AuthorIndexPage, AuthorPage
from authors.profiles import normalise_language_tag
from newsroom_core.app_settings import newsroom_setting
from newsroom_core.names import normalise_name
from newsroom_core.rich_text_conversion import paragraph_to_html

from .import_options import ImportOptions
from .import_people import KnownAuthors, story_credits
from .indexing import index_once
from .licences import Licence
from .models import (
    ArticleCredit,
    ArticlePage,
    CopyrightNotice,
    NewsIndexPage,
    Outlet,
    StoryImport,
    Withdrawal,
    WithdrawalKind,
)
from .parsing import Story, StoryFormatError, plain_text, read_story_file
from .parsing.language_detection import detect_language
from .publication_check import PublicationProblem, publication_problems
from .withdrawals import withdraw_article

STORY_KEY_WORDS = 30
TAG_LENGTH = 100  # what django-taggit's tag names hold
LANGUAGE_LENGTH = 35  # what ArticlePage.language holds
IMPORT_LOCK_ID = 0x4E5753  # "NWS": the PostgreSQL advisory lock every import transaction takes


class NewsroomNotSetUpError(Exception):
    pass


class ImportOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    WITHDRAWN = "withdrawn"  # a kill advisory took the story it names from readers


@dataclass(frozen=True)
class StorySource:
    """Where a story came from, kept on the article as its provenance."""

    file_name: str
    text: str
    checksum: str

    @classmethod
    def from_bytes(cls, file_name, data, text):
        return cls(file_name=file_name, text=text, checksum=hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class FileReport:
    """What became of one story file: what was read from it, and the import, or the error."""

    file_name: str
    story: Story | None = None
    source: StorySource | None = None
    result: "ImportResult | None" = None
    error: str = ""


@dataclass(frozen=True)
class ImportDestination:
    """Where stories go, looked up once per run; it also remembers the authors met in the run."""

    news_index: NewsIndexPage
    author_index: AuthorIndexPage
    known_authors: KnownAuthors = field(default_factory=KnownAuthors, compare=False)


@dataclass(frozen=True)
class ImportResult:
    article: ArticlePage
    outcome: ImportOutcome
    unpublished_because: tuple[PublicationProblem, ...] = ()  # publishing was asked for, the checks failed

    @property
    def reader_state(self) -> str:
        return reader_state(self.article)


def read_story_bytes(file_name: str, data: bytes) -> FileReport:
    """Read a story file's bytes without writing anything: a dry run, or the admin's preview."""
    try:
        story, text = read_story_file(file_name, data, newsroom_setting("IMPORT_MAX_BYTES"))
    except StoryFormatError as error:
        return FileReport(file_name, error=str(error))
    return FileReport(file_name, story=story, source=StorySource.from_bytes(file_name, data, text))


def import_file(file_name: str, data: bytes, destination, options) -> FileReport:
    """Read and import one story file; a file that fails is reported and changes nothing."""
    report = read_story_bytes(file_name, data)
    if report.error:
        return report
    return import_read_story(report.story, report.source, destination, options)


def import_read_story(story: Story, source: StorySource, destination, options) -> FileReport:
    """Import a story already read from its file; one that fails is reported and changes nothing."""
    try:
        result = import_story(story, source, destination, options)
    except ValidationError as error:
        return FileReport(source.file_name, story=story, source=source, error="; ".join(error.messages))
    except PermissionDenied as error:
        message = str(error) or gettext("you may not make one of the changes this story needs")
        error = gettext("not imported: %(reason)s") % {"reason": message}
        return FileReport(source.file_name, story=story, source=source, error=error)
    except DatabaseError as error:
        # The transaction was rolled back: nothing of this story was written. A connection that
        # broke is closed, so the next story opens a new one instead of failing too.
        connection.close_if_unusable_or_obsolete()
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        error = gettext("database error, nothing saved: %(reason)s") % {"reason": reason}
        return FileReport(source.file_name, story=story, source=source, error=error)
    return FileReport(source.file_name, story=story, source=source, result=result)


def find_destination(site=None) -> ImportDestination:
    """The news index and authors index of ``site`` (the default site if not given)."""
    site = site or Site.objects.get(is_default_site=True)
    news_index = NewsIndexPage.objects.in_site(site).first()
    author_index = AuthorIndexPage.objects.in_site(site).first()
    if news_index is None or author_index is None:
        raise NewsroomNotSetUpError(
            f"the site {site.hostname!r} has no news index or authors index; run 'manage.py setup_newsroom' first"
        )
    return ImportDestination(news_index=news_index, author_index=author_index)


def story_key(story: Story) -> str:
    """A stable identity for a story: the sender's identifier where the file gives one (a wire's GUID,
    a ninjs uri), else its authors and the opening words of its lede.

    It survives re-sent files with a corrected later paragraph, a new headline or a new
    copyright line, so importing them updates the same article instead of duplicating it.
    """
    if story.guid:
        return hashlib.sha256("\n".join(["guid", story.guid]).encode()).hexdigest()
    words = re.findall(r"\w+", story.paragraphs[0].casefold())[:STORY_KEY_WORDS]
    names = sorted(normalise_name(author.name) for author in story.authors)
    fingerprint = "\n".join(["v1", "|".join(names), " ".join(words)])
    return hashlib.sha256(fingerprint.encode()).hexdigest()


def import_story(story: Story, source: StorySource, destination: ImportDestination, options=ImportOptions()):
    """Create or update the article for ``story``; publish or schedule it when asked. Atomic."""
    if story.kill is not None:
        return withdraw_killed_story(story, source, destination, options)
    key = story_key(story)
    user = options.user
    with transaction.atomic(), index_once():
        take_import_lock()
        existing = ArticlePage.objects.select_for_update().filter(story_key=key).first()
        if existing is not None and (is_unchanged(existing, source, options) or is_superseded(existing, story)):
            return ImportResult(existing, ImportOutcome.UNCHANGED)

        credits = story_credits(story, destination.author_index, destination.known_authors, options)
        if existing is None:
            article = ArticlePage(story_key=key, live=False, title=story.headline)
            outcome = ImportOutcome.CREATED
        else:
            article = existing.get_latest_revision_as_object()
            outcome = ImportOutcome.UPDATED
        apply_story(article, story, credits, is_new=existing is None)
        if options.section:
            article.section = options.section
        if options.publish:
            # Choosing to publish at import time is the editor's review of headline and credit.
            article.is_headline_proposed = False
            article.is_source_confirmed = True
            article.go_live_at = options.go_live_at
        if existing is None:
            destination.news_index.add_child(instance=article)
        revision = article.save_revision(user=user, log_action=True)
        saved(
            StoryImport(
                article=article,
                file_name=source.file_name,
                text=source.text,
                checksum=source.checksum,
                version=story.version,
            ),
            "provenance",
        )
        problems = tuple(publication_problems(article)) if options.publish else ()
        if options.publish and not problems:
            revision.publish(user=user)
            article.refresh_from_db(
                fields=["live", "has_unpublished_changes", "first_published_at", "last_published_at", "go_live_at"]
            )
    return ImportResult(article, outcome, unpublished_because=problems)


def withdraw_killed_story(story: Story, source: StorySource, destination, options: ImportOptions) -> ImportResult:
    """Act on a kill advisory: withdraw the imported story it names (by its text when the advisory
    carries it, else by its headline), keeping the advisory as the story's provenance."""
    with transaction.atomic(), index_once():
        take_import_lock()
        imported = ArticlePage.objects.filter(story_key__isnull=False).descendant_of(destination.news_index)
        found = list(imported.filter(story_key=story_key(story))) if story.paragraphs or story.guid else []
        found = found or list(imported.filter(title__iexact=story.headline)[:2])
        if len(found) != 1:
            if not found:
                message = gettext(
                    "no imported story is headlined “%(headline)s”: nothing was withdrawn (kill advisory)"
                )
            else:
                message = gettext(
                    "more than one imported story is headlined “%(headline)s”: nothing was withdrawn (kill advisory)"
                )
            raise ValidationError(message, params={"headline": story.headline})
        article = found[0]
        if Withdrawal.objects.filter(article=article).exists():
            return ImportResult(article, ImportOutcome.UNCHANGED)
        withdraw_article(article, story.kill.kind, reason=story.kill.reason, user=options.user)
        saved(
            StoryImport(article=article, file_name=source.file_name, text=source.text, checksum=source.checksum),
            "provenance",
        )
    article.refresh_from_db(fields=["live", "has_unpublished_changes", "go_live_at"])
    return ImportResult(article, ImportOutcome.WITHDRAWN)


def take_import_lock():
    """One story import at a time across processes, until this transaction ends.

    Two imports of the same story, or of two stories naming the same new author, would otherwise
    both see nothing there and both create it. SQLite already lets one writer in at a time; on
    PostgreSQL a transaction-scoped advisory lock does it.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_ID])


def is_unchanged(article: ArticlePage, source: StorySource, options: ImportOptions) -> bool:
    """The same file again, with nothing new asked of it. Publishing is something new unless
    readers already see the latest revision, or a revision waits for its time (a go-live time
    already past, which Wagtail keeps on the page once the schedule has run, is not a schedule)."""
    latest = article.imports.first()
    if latest is None or latest.checksum != source.checksum:
        return False
    is_published = article.live and not article.has_unpublished_changes
    return not options.publish or is_published or article.scheduled_revision is not None


def is_superseded(article: ArticlePage, story: Story) -> bool:
    """An earlier version of a story than one already imported: a wire resends its versions out of order."""
    if story.version is None:
        return False
    latest = article.imports.exclude(version=None).order_by("-version").values_list("version", flat=True).first()
    return latest is not None and latest > story.version


def reader_state(article: ArticlePage) -> str:
    """What readers see of an article, as the import reports it."""
    if withdrawal := Withdrawal.objects.filter(article_id=article.pk).first():
        return {
            WithdrawalKind.WITHDRAW: gettext("withdrawn: its address shows the public notice"),
            WithdrawalKind.KILL: gettext("killed: its address shows the public notice"),
            WithdrawalKind.TAKEDOWN: gettext("taken down: its address shows the public notice"),
        }[withdrawal.kind]
    if article.live and article.has_unpublished_changes:
        return gettext("live; the changes are a draft, readers see the published version")
    if article.live:
        return gettext("live")
    if article.go_live_at:
        when = f"{timezone.localtime(article.go_live_at):%Y-%m-%d %H:%M %Z}"
        return gettext("scheduled for %(time)s") % {"time": when}
    return gettext("draft")


def publication_time(iso: str) -> datetime | None:
    """The time a date line gives ("2022-11-27T17:11:00-05:00"); a date alone is that day's start, and a
    time without an offset is in ``TIME_ZONE``."""
    if not iso:
        return None
    moment = datetime.fromisoformat(iso)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def apply_story(article: ArticlePage, story: Story, credits: list[tuple[AuthorPage, str]], *, is_new: bool):
    """Copy the file's content onto the article; a proposed headline never replaces an existing one."""
    if is_new or not story.is_headline_proposed:
        article.title = story.headline
        article.is_headline_proposed = story.is_headline_proposed
    article.dek = story.dek or article.dek
    # The file's word first; else the editor's (or an earlier import's); else what the text reads as.
    article.language = declared_language(story) or article.language or detected_language(story)
    if story.label:  # a re-sent file without its label line leaves the label as the editor has it
        article.label, article.sponsor_name = story.label, story.sponsor or article.sponsor_name
    article.dateline = story.dateline or article.dateline
    article.usage_terms = story.usage_terms or article.usage_terms
    if story.keywords:  # a re-sent file without keywords leaves the tags as the editor has them
        article.tags.set([keyword[:TAG_LENGTH] for keyword in story.keywords])
    if story.embargo:  # a re-sent file without its embargo line leaves the embargo as the editor has it
        article.embargo_until = publication_time(story.embargo)
    if not story.is_for_publication:  # the publication check refuses it until an editor chooses otherwise
        article.licence = Licence.NOT_FOR_PUBLICATION
    if story.source_name:  # a story from another outlet or the wire: when it first ran there
        article.originally_published_at = publication_time(story.published) or article.originally_published_at
    article.body = [("paragraph", paragraph_to_html(paragraph, story.markup)) for paragraph in story.paragraphs]
    # Forms number orderables; code must, or the byline's order is whatever the database returns.
    article.credits = [ArticleCredit(author=page, role=role, sort_order=i) for i, (page, role) in enumerate(credits)]
    if story.source_name:
        article.source = find_or_create_outlet(story.source_name)
        article.source_relationship = story.source_relationship
        article.is_source_confirmed = False  # found by the importer: an editor confirms it
    if story.copyright and story.copyright.holder:  # rights without a holder: the site's notice applies
        notice = CopyrightNotice(
            holder=story.copyright.holder, year=story.copyright.year, statement=story.copyright.statement
        )
        article.copyright_notice = CopyrightNotice.objects.filter(
            holder=notice.holder, year=notice.year, statement=notice.statement
        ).first() or saved(notice, "copyright notice")


def declared_language(story: Story) -> str:
    """The language the story's file names, as a BCP 47 tag; "" where it names none it could be."""
    if not story.language or len(story.language) > LANGUAGE_LENGTH:
        return ""
    try:
        return normalise_language_tag(story.language)
    except ValidationError:
        return ""


def detected_language(story: Story) -> str:
    """The language the story's words read as ("fr"); "" where they are too few or too mixed to tell."""
    words = [story.headline, story.dek, *(plain_text(paragraph, story.markup) for paragraph in story.paragraphs)]
    return detect_language("\n".join(words)) or ""


def story_language(story: Story) -> str:
    """The language an import gives a new article: the file's, else the one its text reads as, else
    "" (the article's locale's)."""
    return declared_language(story) or detected_language(story)


def find_or_create_outlet(name: str) -> Outlet:
    """The outlet record for a credited name, matched ignoring case; created if new."""
    return Outlet.objects.filter(name__iexact=name).first() or saved(Outlet(name=name), "credited outlet")


def saved(record, what: str):
    """``record`` saved once its values fit its fields: a value too long for a column fails the
    same way on every database (PostgreSQL refuses it, SQLite would keep it), naming the field."""
    try:
        record.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise ValidationError(
            [f"{what}, {field}: {message}" for field, messages in error.message_dict.items() for message in messages]
        ) from None
    record.save()
    return record

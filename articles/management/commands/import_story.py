import json
import sys
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.importing import (
    FileReport,
    ImportOptions,
    NewsroomNotSetUpError,
    find_destination,
    import_file,
    read_story_bytes,
)
from articles.models import Section
from newsroom_core.app_settings import newsroom_setting

STDIN = "-"
SUMMARY_KEYS = ("created", "updated", "unchanged", "read", "failed")


class Command(BaseCommand):
    help = "Import story files (files, every file in a directory, or - for standard input) as articles."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A story file, a directory, or - for stdin.")
        parser.add_argument("--publish", action="store_true", help="Publish the articles (default: save drafts).")
        parser.add_argument(
            "--go-live-at",
            metavar="DATETIME",
            help="Schedule publication at this ISO 8601 time (e.g. 2026-12-01T06:00+00:00); implies --publish.",
        )
        parser.add_argument("--section", help="Put the articles in this section (its name or slug).")
        parser.add_argument(
            "--update-bios", action="store_true", help="Let bios in the files replace bios already on author pages."
        )
        parser.add_argument("--dry-run", action="store_true", help="Read and report each file; write nothing.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object per file instead of text."
        )

    def handle(self, *args, paths, dry_run, as_json, **options):
        self.as_json = as_json
        import_options = None if dry_run else self.import_options(**options)
        destination = None if dry_run else self.destination()
        counts = Counter()
        started = time.perf_counter()
        for name, read in story_files(paths):
            try:
                data = read()
            except OSError as error:
                report = FileReport(name, error=error.strerror or str(error))
            else:
                if dry_run:
                    report = read_story_bytes(name, data)
                else:
                    report = import_file(name, data, destination, import_options)
            counts[self.report(report)] += 1
        elapsed = time.perf_counter() - started
        total = sum(counts.values())
        summary = ", ".join(f"{counts[key]} {key}" for key in SUMMARY_KEYS)
        rate = f" in {elapsed:.1f}s ({total / elapsed:.1f} files/s)" if elapsed > 0 and total else ""
        (self.stderr if as_json else self.stdout).write(f"{total} file(s): {summary}{rate}")
        if counts["failed"]:
            sys.exit(1)

    def import_options(self, *, publish, go_live_at, section, update_bios, **_):
        scheduled_at = None
        if go_live_at:
            scheduled_at = parse_datetime(go_live_at)
            if scheduled_at is None:
                raise CommandError(f"--go-live-at {go_live_at!r} is not an ISO 8601 date and time.")
            if timezone.is_naive(scheduled_at):
                scheduled_at = timezone.make_aware(scheduled_at)
            if scheduled_at <= timezone.now():
                raise CommandError(f"--go-live-at {go_live_at!r} is in the past; use --publish to publish now.")
        return ImportOptions(
            publish=publish or scheduled_at is not None,
            go_live_at=scheduled_at,
            section=find_section(section) if section else None,
            update_bios=update_bios,
        )

    def destination(self):
        try:
            return find_destination()
        except NewsroomNotSetUpError as error:
            raise CommandError(str(error)) from None

    def report(self, report):
        """Print one file's outcome; return its key in the summary."""
        if report.error:
            return self.report_error(report.file_name, report.error)
        story, result = report.story, report.result
        outcome = result.outcome.value if result else "read"
        if self.as_json:
            line = story_as_json(report.file_name, story)
            if result:
                article = result.article
                line |= {
                    "outcome": outcome,
                    "article_id": article.pk,
                    "live": article.live,
                    "state": result.reader_state,
                    "not_published_because": [str(problem) for problem in result.unpublished_because],
                }
            self.stdout.write(json.dumps(line, ensure_ascii=False))
            return outcome
        state = f" ({result.reader_state})" if result else ""
        proposed = " [headline proposed]" if story.is_headline_proposed else ""
        self.stdout.write(f"{outcome}{state}: {report.file_name}: {story.headline!r}{proposed}")
        for warning in story.warnings:
            self.stdout.write(f"  warning: {warning}")
        for problem in result.unpublished_because if result else ():
            self.stdout.write(self.style.WARNING(f"  not published: {problem}"))
        return outcome

    def report_error(self, name, message):
        if self.as_json:
            self.stdout.write(json.dumps({"file": name, "error": message}, ensure_ascii=False))
        self.stderr.write(self.style.ERROR(f"error: {name}: {message}"))
        return "failed"


def story_files(paths):
    """(name, reader) for each file named, each file directly in a directory, and stdin.

    Readers are called one at a time, so a directory of any size is never held in memory.
    """
    limit = newsroom_setting("IMPORT_MAX_BYTES") + 1  # one byte over is enough to refuse the file
    for path in paths:
        if path == STDIN:
            yield "<stdin>", lambda: sys.stdin.buffer.read(limit)
        elif Path(path).is_dir():
            for child in sorted(Path(path).iterdir()):
                if child.is_file() and not child.name.startswith("."):
                    yield str(child), lambda child=child: read_head(child, limit)
        else:
            yield path, lambda path=path: read_head(Path(path), limit)


def read_head(path: Path, size: int) -> bytes:
    with path.open("rb") as story_file:
        return story_file.read(size)


def find_section(name_or_slug):
    section = Section.objects.filter(Q(slug__iexact=name_or_slug) | Q(name__iexact=name_or_slug)).first()
    if section is None:
        known = ", ".join(Section.objects.values_list("slug", flat=True)) or "none yet; add them under Snippets"
        raise CommandError(f"--section {name_or_slug!r}: no such section (sections: {known}).")
    return section


def story_as_json(name, story):
    copyright_notice = story.copyright
    return {
        "file": name,
        "headline": story.headline,
        "headline_is_proposed": story.is_headline_proposed,
        "dek": story.dek,
        "authors": [{"name": author.name, "role": author.role, "bio": author.bio} for author in story.authors],
        "contributors": [{"name": person.name, "role": person.role} for person in story.contributors],
        "source_credit": story.source_name or None,
        "source_relationship": story.source_relationship if story.source_name else None,
        "dateline": story.dateline,
        "published": story.published or None,
        "copyright": copyright_notice
        and {"holder": copyright_notice.holder, "year": copyright_notice.year, "notice": copyright_notice.notice},
        "paragraphs": list(story.paragraphs),
        "warnings": list(story.warnings),
    }

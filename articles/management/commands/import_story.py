import json
import sys
import time
from collections import Counter
from functools import partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from tqdm import tqdm

from articles.importing import ImportOptions, NewsroomNotSetUpError, find_destination, story_language
from articles.models import Section
from articles.planner_statistics import refresh_planner_statistics
from articles.story_files import StoryFile, import_story_file, read_head, read_story, story_files

STDIN = "-"
SUMMARY_KEYS = ("created", "updated", "unchanged", "read", "failed")


class Command(BaseCommand):
    @property
    def help(self):
        # argparse rewraps the description with re, which takes a str, not a lazy translation
        return gettext("Import story files (files, every file in a directory, or - for standard input) as articles.")

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help=gettext("A story file, a directory, or - for stdin.")
        )
        parser.add_argument(
            "--publish", action="store_true", help=gettext("Publish the articles (default: save drafts).")
        )
        parser.add_argument(
            "--go-live-at",
            metavar="DATETIME",
            help=gettext(
                "Schedule publication at this ISO 8601 time (e.g. 2026-12-01T06:00+00:00); implies --publish."
            ),
        )
        parser.add_argument("--section", help=gettext("Put the articles in this section (its name or slug)."))
        parser.add_argument(
            "--update-bios",
            action="store_true",
            help=gettext("Let bios in the files replace bios already on author pages."),
        )
        parser.add_argument("--dry-run", action="store_true", help=gettext("Read and report each file; write nothing."))
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help=gettext("Print one JSON object per file instead of text."),
        )

    def handle(self, *args, paths, dry_run, as_json, **options):
        self.as_json = as_json
        import_options = None if dry_run else self.import_options(**options)
        destination = None if dry_run else self.destination()
        files = find_story_files(paths)
        counts = Counter()
        started = time.perf_counter()
        take = read_story if dry_run else partial(import_story_file, destination=destination, options=import_options)
        with self.progress_bar(len(files)) as self.bar:
            for story_file in files:
                counts[self.report(take(story_file))] += 1
                self.bar.update()
        if not dry_run:
            refresh_planner_statistics()
        elapsed = time.perf_counter() - started
        total = sum(counts.values())
        summary = ", ".join(f"{counts[key]} {key}" for key in SUMMARY_KEYS)
        rate = f" in {elapsed:.1f}s ({total / elapsed:.1f} files/s)" if elapsed > 0 and total else ""
        (self.stderr if as_json else self.stdout).write(f"{total} file(s): {summary}{rate}")
        if counts["failed"]:
            sys.exit(1)

    def progress_bar(self, total):
        """Files done of ``total``, and the rate, on standard error when it is a terminal and there is
        more than one file, unless the output is JSON; elsewhere a bar that draws nothing."""
        shown = total > 1 and not self.as_json and self.stderr.isatty()
        return tqdm(total=total, unit="file", file=BarStream(self.stderr), leave=False, disable=not shown)

    def say(self, stream, line):
        """Write a line, with the progress bar (if one is drawn) out of its way while it is written."""
        if self.bar.disable:
            stream.write(line)
            return
        with self.bar.external_write_mode(file=self.bar.fp):
            stream.write(line)

    def import_options(self, *, publish, go_live_at, section, update_bios, **_):
        scheduled_at = None
        if go_live_at:
            scheduled_at = parse_datetime(go_live_at)
            if scheduled_at is None:
                message = gettext("--go-live-at %(value)r is not an ISO 8601 date and time.")
                raise CommandError(message % {"value": go_live_at})
            if timezone.is_naive(scheduled_at):
                scheduled_at = timezone.make_aware(scheduled_at)
            if scheduled_at <= timezone.now():
                message = gettext("--go-live-at %(value)r is in the past; use --publish to publish now.")
                raise CommandError(message % {"value": go_live_at})
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
                    "language": article.language,  # a re-import keeps the language an editor chose
                    "live": article.live,
                    "state": result.reader_state,
                    "not_published_because": [str(problem) for problem in result.unpublished_because],
                }
            self.say(self.stdout, json.dumps(line, ensure_ascii=False))
            return outcome
        state = f" ({result.reader_state})" if result else ""
        proposed = " [headline proposed]" if story.is_headline_proposed else ""
        self.say(self.stdout, f"{outcome}{state}: {report.file_name}: {story.headline!r}{proposed}")
        for warning in story.warnings:
            self.say(self.stdout, f"  warning: {warning}")
        for problem in result.unpublished_because if result else ():
            self.say(self.stdout, self.style.WARNING(f"  not published: {problem}"))
        return outcome

    def report_error(self, name, message):
        if self.as_json:
            self.say(self.stdout, json.dumps({"file": name, "error": message}, ensure_ascii=False))
        self.say(self.stderr, self.style.ERROR(f"error: {name}: {message}"))
        return "failed"


class BarStream:
    """The command's standard error as the progress bar writes to it: Django's output wrapper would
    end each of the bar's redraws with a new line, and colour it as an error."""

    def __init__(self, output):
        self.output = output

    def write(self, text):
        self.output.write(text, style_func=str, ending="")

    def flush(self):
        self.output.flush()

    @property
    def encoding(self):
        return getattr(self.output, "encoding", None)


def find_story_files(paths) -> list[StoryFile]:
    """Each file named, each file directly in a directory named, each story file in a .zip archive
    met either way, and stdin: counted before any is read, and read one at a time, so a directory of
    any size is never held in memory."""
    found = []
    for path in paths:
        if path == STDIN:
            found.append(StoryFile("<stdin>", partial(read_head, sys.stdin.buffer)))
        elif Path(path).is_dir():
            for child in sorted(Path(path).iterdir()):
                if child.is_file() and not child.name.startswith("."):
                    found += story_files(str(child), child)
        else:
            found += story_files(path, Path(path))
    return found


def find_section(name_or_slug):
    section = Section.objects.filter(Q(slug__iexact=name_or_slug) | Q(name__iexact=name_or_slug)).first()
    if section is None:
        slugs = Section.objects.values_list("slug", flat=True)
        known = ", ".join(slugs) or gettext("none yet; add them under Snippets")
        message = gettext("--section %(value)r: no such section (sections: %(known)s).")
        raise CommandError(message % {"value": name_or_slug, "known": known})
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
        "embargo": story.embargo or None,
        "usage_terms": story.usage_terms,
        "language": story_language(story),  # as an import would give it: the file's, else detected
        "keywords": list(story.keywords),
        "guid": story.guid or None,
        "version": story.version,
        "paragraphs": list(story.paragraphs),
        "warnings": list(story.warnings),
    }

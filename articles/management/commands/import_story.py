import json
import sys
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles.app_settings import newsroom_setting
from articles.importing import NewsroomNotSetUpError, StorySource, find_destination, import_story
from articles.parsing import StoryFormatError, decode_story, parse_story

STDIN = "-"


class Command(BaseCommand):
    help = "Import story files (or every file in a directory, or - for standard input) as articles."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A story file, a directory, or - for stdin.")
        parser.add_argument("--publish", action="store_true", help="Publish the articles (default: save drafts).")
        parser.add_argument("--dry-run", action="store_true", help="Read and report each file; write nothing.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object per file instead of text."
        )

    def handle(self, *args, paths, publish, dry_run, as_json, **options):
        self.as_json = as_json
        destination = None
        if not dry_run:
            try:
                destination = find_destination()
            except NewsroomNotSetUpError as error:
                raise CommandError(str(error)) from None
        counts = Counter()
        for name, read in self.story_files(paths):
            outcome = self.import_file(name, read, destination, publish=publish, dry_run=dry_run)
            counts[outcome] += 1
        summary = ", ".join(f"{counts[key]} {key}" for key in ("created", "updated", "unchanged", "read", "failed"))
        (self.stderr if as_json else self.stdout).write(f"{sum(counts.values())} file(s): {summary}")
        if counts["failed"]:
            sys.exit(1)

    def story_files(self, paths):
        """(name, reader) for each file named, each file directly in a directory, and stdin."""
        for path in paths:
            if path == STDIN:
                yield "<stdin>", lambda: sys.stdin.buffer.read(newsroom_setting("IMPORT_MAX_BYTES") + 1)
            elif Path(path).is_dir():
                for child in sorted(Path(path).iterdir()):
                    if child.is_file() and not child.name.startswith("."):
                        yield str(child), lambda child=child: read_limited(child)
            else:
                yield path, lambda path=path: read_limited(Path(path))

    def import_file(self, name, read, destination, *, publish, dry_run):
        try:
            data = read()
            if len(data) > newsroom_setting("IMPORT_MAX_BYTES"):
                raise StoryFormatError(f"larger than the {newsroom_setting('IMPORT_MAX_BYTES'):,}-byte limit")
            text = decode_story(data)
            story = parse_story(text)
        except OSError as error:
            return self.report_failure(name, error.strerror or str(error))
        except StoryFormatError as error:
            return self.report_failure(name, str(error))

        if dry_run:
            self.report(name, story, "read")
            return "read"
        try:
            result = import_story(story, StorySource.from_bytes(name, data, text), destination, publish=publish)
        except ValidationError as error:
            return self.report_failure(name, "; ".join(error.messages))
        self.report(name, story, result.outcome.value, result.article)
        return result.outcome.value

    def report(self, name, story, outcome, article=None):
        if self.as_json:
            line = story_as_json(name, story)
            if article is not None:
                line |= {"outcome": outcome, "article_id": article.pk, "live": article.live}
            self.stdout.write(json.dumps(line, ensure_ascii=False))
            return
        state = "" if article is None else (" (live)" if article.live else " (draft)")
        proposed = " [headline proposed]" if story.is_headline_proposed else ""
        self.stdout.write(f"{outcome}{state}: {name}: {story.headline!r}{proposed}")
        for warning in story.warnings:
            self.stdout.write(f"  warning: {warning}")

    def report_failure(self, name, message):
        if self.as_json:
            self.stdout.write(json.dumps({"file": name, "error": message}, ensure_ascii=False))
        self.stderr.write(self.style.ERROR(f"error: {name}: {message}"))
        return "failed"


def read_limited(path: Path) -> bytes:
    with path.open("rb") as story_file:
        return story_file.read(newsroom_setting("IMPORT_MAX_BYTES") + 1)


def story_as_json(name, story):
    copyright_notice = story.copyright
    return {
        "file": name,
        "headline": story.headline,
        "headline_is_proposed": story.is_headline_proposed,
        "authors": [{"name": author.name, "bio": author.bio} for author in story.authors],
        "source_credit": story.source_name or None,
        "copyright": copyright_notice
        and {"holder": copyright_notice.holder, "year": copyright_notice.year, "notice": copyright_notice.notice},
        "paragraphs": list(story.paragraphs),
        "warnings": list(story.warnings),
    }

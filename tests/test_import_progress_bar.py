"""``import_story``'s progress bar: drawn on a terminal (a pseudo-terminal here) for a folder of files,
out of the way of the per-file lines; never in a pipe, a file or JSON output."""

import io
import os
import pty
import re
import threading
from contextlib import contextmanager

import pytest
from django.core.management import call_command

from .helpers import STORIES_DIR

STORIES = ["headline_and_dek.txt", "byline_two_authors.txt", "markdown_story.md"]
BAR = re.compile(r"(\d+)%\|[^|\r\n]*\| (\d+)/3 \[[^\]\r\n]*file/s\]")  # " 33%|███▎      | 1/3 [00:00<00:00, 7.5file/s]"


@pytest.fixture
def folder(tmp_path):
    for name in STORIES:
        (tmp_path / name).write_bytes((STORIES_DIR / name).read_bytes())
    return tmp_path


@contextmanager
def terminal():
    """A pseudo-terminal to write to, as a text stream, and the bytes that reached it."""
    controller, terminal_end = pty.openpty()
    stream = open(terminal_end, "w", encoding="utf-8")  # noqa: SIM115 (closed below, so the reader ends)
    received = bytearray()

    def read_all():
        while True:
            try:
                data = os.read(controller, 4096)
            except OSError:  # the terminal end was closed
                return
            if not data:
                return
            received.extend(data)

    reader = threading.Thread(target=read_all)
    reader.start()
    try:
        yield stream, received
    finally:
        stream.close()
        reader.join(timeout=10)
        os.close(controller)


def shown(received: bytes) -> str:
    return received.decode().replace("\r\n", "\n")


def import_folder(folder, *args, stdout, stderr):
    call_command("import_story", *args, str(folder), stdout=stdout, stderr=stderr)


def plain_lines(folder):
    """What the command prints for the folder without a terminal (the lines the other tests pin)."""
    return [
        f"created (draft): {folder}/byline_two_authors.txt: "
        "'Officials said on Tuesday that the harbour bridge would reopen to traffic next month after repairs' "
        "[headline proposed]",
        "  warning: no headline in the file; one was proposed from the lede for the editor to review",
        "  warning: no copyright line; the site's default notice applies",
        f"created (draft): {folder}/headline_and_dek.txt: 'Harbour bridge to reopen after repairs'",
        f"created (draft): {folder}/markdown_story.md: 'Harbour bridge to reopen after repairs'",
    ]


def test_import_progress_bar_counts_the_files_on_a_terminal(newsroom, folder):
    stdout = io.StringIO()
    with terminal() as (stderr, received):
        import_folder(folder, stdout=stdout, stderr=stderr)

    # Redrawn after each file's lines: none done, then one, then two (the last may be wiped at once).
    done = [int(count) for _, count in BAR.findall(shown(received))]
    assert {0, 1, 2} <= set(done)
    assert done == sorted(done)
    assert stdout.getvalue().splitlines()[:-1] == plain_lines(folder)


def test_import_progress_bar_keeps_out_of_the_lines_on_the_same_terminal(newsroom, folder):
    with terminal() as (output, received):
        import_folder(folder, stdout=output, stderr=output)

    # Each line begins after the bar was wiped (a carriage return) and ends with the line's own end.
    pieces = [piece.strip() for piece in re.split(r"[\r\n]", shown(received))]
    for line in plain_lines(folder):
        assert line.strip() in pieces
    assert any(piece.startswith("3 file(s): 3 created") for piece in pieces)
    assert BAR.search(shown(received))


def test_import_progress_bar_is_not_drawn_when_standard_error_is_not_a_terminal(newsroom, folder):
    stdout, stderr = io.StringIO(), io.StringIO()

    import_folder(folder, stdout=stdout, stderr=stderr)

    assert stderr.getvalue() == ""
    *lines, summary = stdout.getvalue().splitlines()
    assert lines == plain_lines(folder)
    assert re.fullmatch(
        r"3 file\(s\): 3 created, 0 updated, 0 unchanged, 0 read, 0 failed in \S+s \(\S+ files/s\)", summary
    )
    assert "\r" not in stdout.getvalue()


def test_import_progress_bar_is_not_drawn_with_json_output(newsroom, folder):
    stdout = io.StringIO()
    with terminal() as (stderr, received):
        import_folder(folder, "--json", stdout=stdout, stderr=stderr)

    assert not BAR.search(shown(received))
    assert shown(received).startswith("3 file(s): 3 created")


def test_import_progress_bar_is_not_drawn_for_one_file(newsroom, folder):
    stdout = io.StringIO()
    with terminal() as (stderr, received):
        call_command("import_story", str(folder / STORIES[0]), stdout=stdout, stderr=stderr)

    assert shown(received) == ""
    assert stdout.getvalue().startswith(f"created (draft): {folder}/{STORIES[0]}")

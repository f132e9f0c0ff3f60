"""Imports running at the same moment in separate processes, on PostgreSQL (production's database)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from articles.models import ArticlePage
from authors.models import AuthorPage

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = 4
STORIES = 6

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="separate processes need a shared database server: PostgreSQL"
    ),
    # Committed, so the importer processes see the newsroom.
    pytest.mark.django_db(transaction=True),
]


def test_the_same_stories_imported_by_four_processes_at_once_give_one_article_each(newsroom, tmp_path):
    for number in range(STORIES):
        (tmp_path / f"story-{number}.txt").write_text(
            f"Story {number}: officials said on Tuesday that the harbour bridge would reopen next month.\n"
            "Engineers found cracks in two of the supports during a routine inspection.\n"
            "Jane Doe ✉\nJane Doe covers transport for the City Times.\n"
            "John Roe ✉\nJohn Roe covers the courts for the City Times.\n"
            "© 2026 City Times. All rights reserved.\n",
            encoding="utf-8",
        )
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
    )
    env = os.environ | {"DATABASE_URL": url, "DEBUG": "1"}

    importers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "import_story", "--publish", str(tmp_path)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(PROCESSES)
    ]  # fmt: skip
    outputs = [importer.communicate(timeout=300) for importer in importers]

    assert [importer.returncode for importer in importers] == [0] * PROCESSES, outputs
    assert ArticlePage.objects.count() == STORIES
    assert sorted(AuthorPage.objects.values_list("title", flat=True)) == ["Jane Doe", "John Roe"]
    outcomes = [line.split(" ", 1)[0] for out, _ in outputs for line in out.splitlines() if ": " in line]
    created, unchanged = outcomes.count("created"), outcomes.count("unchanged")
    assert (created, unchanged) == (STORIES, STORIES * (PROCESSES - 1))

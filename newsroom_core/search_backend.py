"""Wagtail's database search backend, indexing each page in its own language on PostgreSQL.

PostgreSQL's full-text search reduces words to their stems with the rules of one language, its
text-search configuration: with ``french``, "élections" and "élection" are one word, with
``english`` they are two. modelsearch's backend uses one configuration for every page; this one
indexes each page with the configuration of its language (an article's ``content_language``, any
other page's locale) and reads a reader's words with that of the active language, so a French
search finds a French story by an inflected word. Languages PostgreSQL has no rules for, and
indexing outside PostgreSQL (SQLite's FTS5 and MySQL do not stem by language), work as before.

Set ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "newsroom_core.search_backend"}}``.
"""

from functools import cache

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

# The text-search configurations PostgreSQL 13 to 17 ship, by the language they stem.
CONFIGURATIONS = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish", "nl": "dutch",
    "en": "english", "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil",
    "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
# No stemming and no stop words: a language with no rules of its own is matched word for word.
UNSTEMMED = "simple"


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LanguageSearchBackend(params)
    return DatabaseSearchBackend(params)


@cache
def installed_configurations() -> frozenset[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(name for (name,) in cursor.fetchall())


def search_configuration(language: str | None) -> str:
    """The PostgreSQL text-search configuration for a BCP 47 language tag ("fr", "pt-BR")."""
    configuration = CONFIGURATIONS.get((language or "").split("-")[0].split("_")[0].lower())
    return configuration if configuration in installed_configurations() else UNSTEMMED


def page_language(obj) -> str | None:
    language = getattr(obj, "content_language", None)
    if language is None and getattr(obj, "locale_id", None) is not None:
        language = obj.locale.language_code
    return language


class LanguageIndex(PostgresIndex):
    """Writes each object's index entry through a backend configured for its language."""

    def add_items(self, model, objs):
        by_configuration = {}
        for obj in objs:
            by_configuration.setdefault(search_configuration(page_language(obj)), []).append(obj)
        for configuration, group in by_configuration.items():
            PostgresIndex(self.backend.for_configuration(configuration)).add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return search_configuration(get_language())


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.params = params
        self.backends = {}

    def for_configuration(self, configuration: str) -> PostgresSearchBackend:
        if configuration not in self.backends:
            self.backends[configuration] = PostgresSearchBackend({**self.params, "SEARCH_CONFIG": configuration})
        return self.backends[configuration]

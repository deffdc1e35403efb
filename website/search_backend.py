"""The site's search backend: Wagtail's database backend, with SQLite's FTS5 strings quoted.

On SQLite, the database backend (``modelsearch``) wraps every search term in double quotes for
FTS5's MATCH syntax but leaves a double quote inside the term as it is, so a visitor who types
``"`` ends the string early and SQLite answers "unterminated string": a server error on every
search box of the site, the API and the admin. FTS5 escapes a quote inside a string by doubling
it; this backend does that before the terms are wrapped. Elsewhere (PostgreSQL) the stock backend
is used unchanged, and the SQLite classes are not even imported (their models exist on SQLite only).

Configured as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "website.search_backend"``.
"""

import functools

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import Phrase, PlainText


def fts5_escaped(text: str) -> str:
    """``text`` safe inside an FTS5 double-quoted string."""
    return text.replace('"', '""')


class QuotedTermsMixin:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                fts5_escaped(query.query_string), operator=query.operator, boost=query.boost
            )
        elif isinstance(query, Phrase):
            query = Phrase(fts5_escaped(query.query_string))
        return super().build_search_query_content(query, config=config)


@functools.cache
def quoted_sqlite_backend_class():
    from modelsearch.backends.database.sqlite import sqlite

    class QuotedSQLiteSearchQueryCompiler(QuotedTermsMixin, sqlite.SQLiteSearchQueryCompiler):
        pass

    class QuotedSQLiteAutocompleteQueryCompiler(
        QuotedTermsMixin, sqlite.SQLiteAutocompleteQueryCompiler
    ):
        pass

    class QuotedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        query_compiler_class = QuotedSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = QuotedSQLiteAutocompleteQueryCompiler

    return sqlite.SQLiteSearchBackend, QuotedSQLiteSearchBackend


def SearchBackend(params):
    """What Wagtail calls to make the backend (the name it looks for in a backend module)."""
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        stock, quoted = quoted_sqlite_backend_class()
        if type(backend) is stock:
            return quoted(params)
    return backend

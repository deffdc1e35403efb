"""The site's search backend: Wagtail's database backend, with SQLite's FTS5 strings quoted.

On SQLite, the database backend (``modelsearch``) wraps every search term in double quotes for
FTS5's MATCH syntax but leaves a double quote inside the term as it is, so a visitor who types
``"`` ends the string early and SQLite answers "unterminated string": a server error on every
search box of the site, the API and the admin. FTS5 escapes a quote inside a string by doubling
it; this backend does that before the terms are wrapped. Elsewhere (PostgreSQL) the stock backend
is used but for one limit (below), and the SQLite classes are not even imported (their models
exist on SQLite only).

On every database a query keeps its first ``MAX_TERMS`` words: PostgreSQL's backend nests one
expression per term, and a box filled with some hundreds of words raised RecursionError (a 500).

On SQLite the index also reads each object's search fields once, not three times (the stock
indexer walks every field for the title, again for the body and again for autocomplete: a third
of a 10,000-partner import), and writes its entries with one statement, not one per update.
The entries are the same (``tests/website/test_search_backend.py``).

Configured as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "website.search_backend"``.
"""

import functools

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import cached_property

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import Phrase, PlainText

# A search box's terms: each becomes one more level of a nested expression on PostgreSQL, and
# a few hundred overflow Python's recursion limit (found by the fuzzing). Nobody types more.
MAX_TERMS = 32


def at_most_max_terms(query):
    """A query string cut to its first ``MAX_TERMS`` words; anything else unchanged."""
    if isinstance(query, str):
        terms = query.split()
        if len(terms) > MAX_TERMS:
            return " ".join(terms[:MAX_TERMS])
    return query


class TermLimitMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(
            query_compiler_class, at_most_max_terms(query), model_or_queryset, **kwargs
        )


@functools.cache
def term_limited(backend_class):
    return type(f"TermLimited{backend_class.__name__}", (TermLimitMixin, backend_class), {})


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

    class OnePassIndexer(sqlite.ObjectIndexer):
        """The stock indexer's title, body and autocomplete, from one walk over the fields."""

        @cached_property
        def prepared(self) -> list:
            pairs = []
            for field, attname in plain_fields(type(self.obj), tuple(self.search_fields)):
                if attname is None:
                    pairs.extend(self.prepare_field(self.obj, field))
                    continue
                value = getattr(self.obj, attname)
                pairs.append(
                    (field, value if isinstance(value, str) else self.prepare_value(value))
                )
            return pairs

        @cached_property
        def title(self):
            return " ".join(
                value
                for field, value in self.prepared
                if isinstance(field, SearchField) and field.field_name == "title"
            )

        @cached_property
        def body(self):
            return " ".join(
                value
                for field, value in self.prepared
                if isinstance(field, SearchField) and field.field_name != "title"
            )

        @cached_property
        def autocomplete(self):
            return " ".join(
                value for field, value in self.prepared if isinstance(field, AutocompleteField)
            )

    NEW_TITLE_NORM = sqlite.IndexEntry._meta.get_field("title_norm").get_default()

    class OnePassSQLiteIndex(sqlite.SQLiteIndex):
        def add_items(self, model, objs):
            """The stock ``add_items`` (modelsearch 1.x) with the one-pass indexer, and its
            updates and inserts each in one ``executemany``."""
            if not model.get_search_fields():
                return
            indexers = [OnePassIndexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            content_type_pk = sqlite.get_content_type_pk(model)
            data = {
                indexer.id: (indexer.title, indexer.autocomplete, indexer.body)
                for indexer in indexers
            }
            entries = self.entries.filter(content_type_id=content_type_pk)
            indexed = frozenset(
                entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
            )
            table = self.write_connection.ops.quote_name(sqlite.IndexEntry._meta.db_table)
            # What the stock index does with one UPDATE per entry and bulk_create's batches
            # of 999 parameters, as one statement each (the FTS triggers fire per row as before).
            with self.write_connection.cursor() as cursor:
                cursor.executemany(
                    f"UPDATE {table} SET title = %s, autocomplete = %s, body = %s "  # noqa: S608
                    "WHERE content_type_id = %s AND object_id = %s",
                    [(*data[object_id], content_type_pk, object_id) for object_id in indexed],
                )
                cursor.executemany(
                    f"INSERT INTO {table} (content_type_id, object_id, title_norm, title, "  # noqa: S608
                    "autocomplete, body) VALUES (%s, %s, %s, %s, %s, %s)",
                    [
                        (content_type_pk, object_id, NEW_TITLE_NORM, title, autocomplete, body)
                        for object_id, (title, autocomplete, body) in data.items()
                        if object_id not in indexed
                    ],
                )
            self._refresh_title_norms()

    class QuotedSQLiteSearchBackend(TermLimitMixin, sqlite.SQLiteSearchBackend):
        index_class = OnePassSQLiteIndex
        query_compiler_class = QuotedSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = QuotedSQLiteAutocompleteQueryCompiler

    return sqlite.SQLiteSearchBackend, QuotedSQLiteSearchBackend, OnePassIndexer


_PLAIN_FIELDS: dict[tuple, list] = {}


def plain_fields(model, search_fields: tuple) -> list[tuple]:
    """Each title, body or autocomplete field of ``model`` with the attribute it reads, or
    ``None`` where the stock path is needed: a related, tag or searchable-content field, or
    one the model does not have. The stock ``get_value`` asks the app registry whether taggit
    is installed and resolves the model field for every field of every object (a third of an
    import's index time); for a plain text field it comes down to ``getattr``. Filter fields
    give no text and are left out (``tests/website/test_search_backend.py`` compares both)."""
    key = (model, *map(id, search_fields))
    if key not in _PLAIN_FIELDS:
        plan = []
        for field in search_fields:
            if not isinstance(field, (SearchField, AutocompleteField, RelatedFields)):
                continue  # prepare_field gives nothing for it
            plan.append((field, _plain_attname(model, field)))
        _PLAIN_FIELDS[key] = (search_fields, plan)  # the fields kept alive: their ids stay theirs
    return _PLAIN_FIELDS[key][1]


def _plain_attname(model, field) -> str | None:
    if type(field) not in (SearchField, AutocompleteField):
        return None
    try:
        model_field = model._meta.get_field(field.field_name)
    except FieldDoesNotExist:
        return None
    plain = (
        isinstance(model_field, models.Field)
        and not model_field.is_relation
        and type(model_field).value_from_object is models.Field.value_from_object
        and not hasattr(model_field, "get_searchable_content")
    )
    return model_field.attname if plain else None


def SearchBackend(params):
    """What Wagtail calls to make the backend (the name it looks for in a backend module)."""
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        stock, quoted, _indexer = quoted_sqlite_backend_class()
        if type(backend) is stock:
            return quoted(params)
    return term_limited(type(backend))(params)

"""Wagtail's database search with Dutch stems on SQLite and PostgreSQL alike.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND":
"portal.search.backend"}}``. What changes from modelsearch's own backends:

- the text of every ``SearchField`` is indexed as its stems
  (``portal.search.analysis.analyse``), and every ``PlainText`` or
  ``Phrase`` query is stemmed the same way; autocomplete stays as typed;
- PostgreSQL indexes with the 'simple' configuration (stems are not stemmed
  again) and keeps the plain text for trigram search;
- a model's ``search_weight`` (default 1.0) multiplies the relevance of its
  results, so guidance and news rank above information pages;
- SQLite weighs a match in the title more than one in the body (modelsearch
  scores every column alike there) and repeats a field with ``boost`` >= 1.5
  in the body, which is what PostgreSQL's A-D weights do with the boost.

After a change here the index is rebuilt with ``manage.py update_index``.
"""

import types

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Value, When
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.index import SearchField, get_indexed_models
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText, SearchQuery

from .analysis import analyse, words

#: On SQLite a match in the title counts this many times one in the body.
SQLITE_TITLE_WEIGHT = 3.0


def _analysed(query: SearchQuery) -> SearchQuery:
    """``query`` with its texts as stems. A text of stop words only keeps
    its words, which the index never holds: it matches nothing."""
    if isinstance(query, PlainText | Phrase):
        text = analyse(query.query_string) or " ".join(words(query.query_string))
        if isinstance(query, Phrase):
            return Phrase(text or query.query_string)
        return PlainText(text or query.query_string, operator=query.operator)
    if isinstance(query, And | Or):
        return type(query)([_analysed(q) for q in query.subqueries])
    if isinstance(query, Not):
        return Not(_analysed(query.subquery))
    if isinstance(query, Boost):
        return Boost(_analysed(query.subquery), query.boost)
    return query  # MatchAll, Fuzzy: as they are


def _type_weight(content_type_field: str):
    """``search_weight`` of the result's model, as an SQL expression on the
    index entry's content type (the specific type, for pages). The content
    types come from Django's in-process cache: no query per search."""
    weighted = {
        model: model.search_weight
        for model in get_indexed_models()
        if getattr(model, "search_weight", 1.0) != 1.0
    }
    if not weighted:
        return Value(1.0)
    found = ContentType.objects.get_for_models(*weighted, for_concrete_models=False)
    return Case(
        *[
            When(**{content_type_field: found[model].pk}, then=Value(weight))
            for model, weight in weighted.items()
        ],
        default=Value(1.0),
        output_field=FloatField(),
    )


def _with_indexer(function, indexer: type):
    """modelsearch's ``add_items`` builds its indexer by the module-level
    name ``ObjectIndexer`` and offers no hook: this is the library's own
    function, run with ``indexer`` under that name."""
    scope = {**function.__globals__, "ObjectIndexer": indexer}
    return types.FunctionType(function.__code__, scope, function.__name__)


# --- SQLite -----------------------------------------------------------------


class _SQLiteIndexer(sqlite.ObjectIndexer):
    def _texts(self, *, title: bool) -> str:
        texts = []
        for field in self.search_fields:
            for current, value in self.prepare_field(self.obj, field):
                if not isinstance(current, SearchField):
                    continue
                if (current.field_name == "title") == title:
                    times = 1 if title else max(1, round(current.boost or 1))
                    texts.extend([value] * times)
        return analyse(" ".join(texts))

    @cached_property
    def title(self) -> str:
        return self._texts(title=True)

    @cached_property
    def body(self) -> str:
        return self._texts(title=False)


class _SQLiteIndex(sqlite.SQLiteIndex):
    add_items = _with_indexer(sqlite.SQLiteIndex.add_items, _SQLiteIndexer)


class _WeightedBM25(Func):
    """FTS5's bm25 with a weight per column (autocomplete, body, title);
    lower is better."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        table = sqlite.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {SQLITE_TITLE_WEIGHT})", []


class _SQLiteCompiler(sqlite.SQLiteSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = _analysed(self.query)

    def _build_rank_expression(self, vectors, config):
        # bm25 is negative, and the results are ordered ascending: a weight
        # above 1 moves a result up.
        return _WeightedBM25() * _type_weight("index_entry__content_type_id")


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    index_class = _SQLiteIndex
    query_compiler_class = _SQLiteCompiler


# --- PostgreSQL ---------------------------------------------------------------


class _PostgresIndexer(postgres.ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        if not for_autocomplete:
            texts = [(analyse(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class _PostgresIndex(postgres.PostgresIndex):
    add_items = _with_indexer(postgres.PostgresIndex.add_items, _PostgresIndexer)


class _PostgresCompiler(postgres.PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = _analysed(self.query)

    def _build_rank_expression(self, vectors, config):
        rank = super()._build_rank_expression(vectors, config)
        return rank * _type_weight("index_entries__content_type_id")


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = _PostgresIndex
    query_compiler_class = _PostgresCompiler

    def __init__(self, params):
        # The text arrives stemmed: 'simple' only lowercases it.
        super().__init__({**params, "SEARCH_CONFIG": "simple"})


def SearchBackend(params):  # noqa: N802 (the name Wagtail imports)
    """The backend for the default database, as modelsearch's own factory
    chooses; SQLite needs FTS5 (every Python since 3.9 has it)."""
    if connection.vendor == "postgresql":
        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        return SQLiteSearchBackend(params)
    raise NotImplementedError(f"No Dutch search for {connection.vendor}.")


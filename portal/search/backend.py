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
from django.db.models import Case, FloatField, Value, When
from modelsearch.index import get_indexed_models
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText, SearchQuery

from .analysis import analyse, words


def analysed(query: SearchQuery) -> SearchQuery:
    """``query`` with its texts as stems. A text of stop words only keeps
    its words, which the index never holds: it matches nothing."""
    if isinstance(query, PlainText | Phrase):
        text = analyse(query.query_string) or " ".join(words(query.query_string))
        if isinstance(query, Phrase):
            return Phrase(text or query.query_string)
        return PlainText(text or query.query_string, operator=query.operator)
    if isinstance(query, And | Or):
        return type(query)([analysed(q) for q in query.subqueries])
    if isinstance(query, Not):
        return Not(analysed(query.subquery))
    if isinstance(query, Boost):
        return Boost(analysed(query.subquery), query.boost)
    return query  # MatchAll, Fuzzy: as they are


def type_weight(content_type_field: str):
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


def with_indexer(function, indexer: type):
    """modelsearch's ``add_items`` builds its indexer by the module-level
    name ``ObjectIndexer`` and offers no hook: this is the library's own
    function, run with ``indexer`` under that name."""
    scope = {**function.__globals__, "ObjectIndexer": indexer}
    return types.FunctionType(function.__code__, scope, function.__name__)


def SearchBackend(params):  # noqa: N802 (the name Wagtail imports)
    """The backend for the default database, as modelsearch's own factory
    chooses; SQLite needs FTS5 (every Python since 3.9 has it)."""
    # Imported here: each module needs its own database's index models.
    if connection.vendor == "postgresql":
        from .backend_postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .backend_sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    raise NotImplementedError(f"No Dutch search for {connection.vendor}.")

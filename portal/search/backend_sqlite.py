"""The SQLite side of portal.search.backend (read its docstring)."""

from django.db.models import FloatField, Func
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.index import SearchField

from .analysis import analyse
from .backend import analysed, type_weight, with_indexer

#: A match in the title counts this many times one in the body (FTS5 weighs
#: the hits before bm25 saturates them, so it is less than it seems).
SQLITE_TITLE_WEIGHT = 3.0


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
    add_items = with_indexer(sqlite.SQLiteIndex.add_items, _SQLiteIndexer)


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
        self.query = analysed(self.query)

    def _build_rank_expression(self, vectors, config):
        # bm25 is negative, and the results are ordered ascending: a weight
        # above 1 moves a result up.
        return _WeightedBM25() * type_weight("index_entry__content_type_id")


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    index_class = _SQLiteIndex
    query_compiler_class = _SQLiteCompiler

"""The PostgreSQL side of portal.search.backend (read its docstring)."""

from modelsearch.backends.database.postgres import postgres

from .analysis import analyse
from .backend import analysed, type_weight, with_indexer


class _PostgresIndexer(postgres.ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        if not for_autocomplete:
            texts = [(analyse(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class _PostgresIndex(postgres.PostgresIndex):
    add_items = with_indexer(postgres.PostgresIndex.add_items, _PostgresIndexer)


class _PostgresCompiler(postgres.PostgresSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = analysed(self.query)

    def _build_rank_expression(self, vectors, config):
        rank = super()._build_rank_expression(vectors, config)
        return rank * type_weight("index_entries__content_type_id")


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = _PostgresIndex
    query_compiler_class = _PostgresCompiler

    def __init__(self, params):
        # The text arrives stemmed: 'simple' only lowercases it.
        super().__init__({**params, "SEARCH_CONFIG": "simple"})

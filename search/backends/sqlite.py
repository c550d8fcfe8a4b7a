"""SQLite (FTS5): the title and boosted fields (summary, organisation name) weigh more than body.

modelsearch's SQLite backend ranks with an unweighted `bm25()` and indexes only fields named
"title" in the title column, ignoring `boost`; these subclasses add both. Stemming comes from the
FTS table's porter tokenizer (search/migrations/0006_remove_searchdocument.py).
"""

from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.utils import get_content_type_pk

from wagtail.search.index import SearchField
from wagtail.search.models import IndexEntry

# bm25 weights of the FTS columns, in their order: autocomplete (never matched here), body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection)
        return f"{sql[:-1]}, {', '.join(map(str, COLUMN_WEIGHTS))})", params


def columns(obj, backend):
    """`obj`'s (title, body) text: its title and own fields boosted above 1 (summary,
    organisation name), then the rest, with its related items' fields (topic names)."""
    indexer = ObjectIndexer(obj, backend)
    heading, body = [], []
    for search_field in indexer.search_fields:
        for found, value in indexer.prepare_field(obj, search_field):
            if isinstance(found, SearchField):
                boosted = found.field_name == "title" or (found.boost or 1) > 1
                (heading if boosted and found is search_field else body).append(value)
    return " ".join(heading), " ".join(body)


class PortalSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        content_type = get_content_type_pk(model)
        for obj in objs:
            title, body = columns(obj, self.backend)
            entry = IndexEntry.objects.filter(content_type_id=content_type, object_id=str(obj.pk))
            entry.update(title=title, body=body)


class PortalSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()


class PortalSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = PortalSQLiteSearchQueryCompiler
    index_class = PortalSQLiteIndex

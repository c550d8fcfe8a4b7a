"""SQLite (FTS5): the title and boosted fields (summary, organisation name) weigh more than body.

modelsearch's SQLite backend ranks with an unweighted `bm25()` and indexes only fields named
"title" in the title column, ignoring `boost`; these subclasses add both. Stemming comes from the
FTS table's porter tokenizer (search/migrations/0006_remove_searchdocument.py).
"""

from modelsearch.backends.database.sqlite.query import (
    BM25,
    MatchExpression,
    SQLiteFTSIndexEntry,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from django.db.models import Exists, OuterRef

from wagtail.search.index import SearchField
from wagtail.search.models import IndexEntry

from . import GroupedFacets

MAX_BOUND_IDS = 30_000


class WeightedBM25(BM25):
    """bm25() with a weight for each FTS column, in their order: autocomplete, body, title."""

    def __init__(self, weights):
        super().__init__()
        self.weights = weights

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection)
        return f"{sql[:-1]}, {', '.join(map(str, self.weights))})", params


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
        by_id = {str(obj.pk): obj for obj in objs}
        entries = list(
            IndexEntry.objects.filter(
                content_type_id=get_content_type_pk(model), object_id__in=list(by_id)
            )
        )
        for entry in entries:
            entry.title, entry.body = columns(by_id[entry.object_id], self.backend)
        IndexEntry.objects.bulk_update(entries, ["title", "body"], batch_size=500)


class PortalSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    """Matches the full-text query once per search. modelsearch's compiler joins its matches to
    the index entries of one page type, which SQLite plans as a full-text match per entry, and
    scores each match in a subquery repeating the match: 24 s for a common word over 2,000
    pages. Here the ranked ids of the readable matches are read once, in one statement, then
    counted and sliced; only the requested window of pages is fetched."""

    COLUMN_WEIGHTS = (0.0, 1.0, 5.0)  # the title column holds the title and boosted fields

    def matches(self, config):
        """The FTS rows matching the query, of the queryset's page types and objects. Each match
        is looked up in the queryset (`EXISTS`): `IN` would list every readable page first."""
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS,
            self.build_search_query(normalize(self.query), config=config),
        )
        return SQLiteFTSIndexEntry.objects.filter(
            match,
            Exists(self.queryset.filter(pk=OuterRef("index_entry__object_id"))),
            index_entry__content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
        )

    def matching(self, config):
        """The queryset's objects whose index entry matches."""
        return self.queryset.filter(pk__in=self.matches(config).values("index_entry__object_id"))

    def ranked_ids(self, config):
        """The matching objects' ids, best first: read once, for the count and each window."""
        if not hasattr(self, "ranked"):
            ranked = (
                self.matches(config)
                .annotate(score=WeightedBM25(self.COLUMN_WEIGHTS))
                .order_by("score")
                .values_list("index_entry__object_id", flat=True)
            )
            self.ranked = [int(pk) for pk in ranked]
        return self.ranked

    def handles(self):
        return not isinstance(normalize(self.query), MatchAll | Not)

    def search(self, config, start, stop, score_field=None):
        if not self.handles() or score_field:
            return super().search(config, start, stop, score_field)
        if start is None:  # the whole, unsliced queryset: facets count over it
            return self.matching(config)
        if not self.order_by_relevance:
            matching = self.matching(config)
            return (matching if matching.query.order_by else matching.order_by("-pk"))[start:stop]
        window = self.ranked_ids(config)[start:stop]
        pages = self.queryset.filter(pk__in=window).in_bulk()
        return [pages[pk] for pk in window if pk in pages]


class PortalSQLiteAutocompleteQueryCompiler(
    PortalSQLiteSearchQueryCompiler, SQLiteAutocompleteQueryCompiler
):
    COLUMN_WEIGHTS = (1.0, 0.0, 0.0)


class PortalSQLiteSearchResults(GroupedFacets, SQLiteSearchResults):
    def matching_ids(self):
        """The ids already ranked when they fit in one statement (SQLite binds at most 32,766
        values): facets then count without matching the text again."""
        compiler = self.query_compiler
        ranked = getattr(compiler, "ranked", None)
        if ranked is not None and len(ranked) <= MAX_BOUND_IDS:
            return ranked
        return compiler.matches(compiler.get_config(self.backend)).values("index_entry__object_id")

    def _do_count(self):
        """Results in relevance order are counted by ranking them, once for the count and every
        window; others by counting the matches, which spares scoring each one."""
        compiler = self.query_compiler
        if not compiler.handles():
            return super()._do_count()
        config = compiler.get_config(self.backend)
        if compiler.order_by_relevance:
            return len(compiler.ranked_ids(config))
        return compiler.matches(config).count()


class PortalSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = PortalSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = PortalSQLiteAutocompleteQueryCompiler
    index_class = PortalSQLiteIndex
    results_class = PortalSQLiteSearchResults

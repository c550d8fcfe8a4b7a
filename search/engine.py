"""Wagtail's search engine backends (OpenSearch, Elasticsearch) with stemming per language.

The stock mapping analyses text with the standard analyzer only, so "pumps" never finds "pump". A
subclass is needed because the mapping and query compiler are the only places the fields are
named: the catch-all text fields also get one sub-field per site language, analysed by the
engine's own language analyzer (`english`, `french`, `spanish`: stop words and a stemmer). The
site search (`search_words`, `WordSearch`) matches each word by its stem in the language being
read, within a typo or two of a stem (the engine's fuzziness), and as written only as a tie-break,
in one bool query a page of results, its counts and tiers in one request. `update_index` fills
its new index without refreshing it until the end, building the next batch while the engine
indexes.

Configured by portal/settings/env.py as `BACKEND = "search.engine"` with `ENGINE` naming the
module of Wagtail's (modelsearch's) backend to extend.
"""

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from functools import cache, partial
from importlib import import_module

import elastic_transport
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import SearchField, get_indexed_models
from modelsearch.query import Fuzzy, MatchAll, Or, PlainText
from opensearchpy import OpenSearch
from opensearchpy.exceptions import OpenSearchException

from django.utils.translation import get_language

from home.pagination import PAGE_SIZE

from .query import roots

# Django language code → the engine's built-in analyzer for it.
ANALYZERS = {"en": "english", "fr": "french", "es": "spanish"}
# What the clients (opensearch-py; elasticsearch's transport) raise when the engine cannot answer:
# down, timing out, or without the index.
UNAVAILABLE = (OpenSearchException, elastic_transport.TransportError, elastic_transport.ApiError)
FACET_VALUES = 100  # buckets per facet (the engine's default is 10)
SNIPPET_CHARACTERS = 200
# A word within `fuzziness: AUTO` of an indexed word whose first letter it shares, among its
# closest few: a typo rarely hits the first letter, and each expansion is one more term to score.
FUZZY = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 10}


def language_analyzer():
    """The analyzer for the language being read (the request's), if the engine has one for it."""
    return ANALYZERS.get((get_language() or "").split("-")[0])


def is_catch_all(field_name):
    """`_all_text` and its boosted copies: every search field is copied there, and a search that
    names no fields matches them."""
    return field_name.startswith("_all_text")


class LanguageMappingMixin:
    def get_mapping(self):
        """The catch-all fields get a sub-field per language. Only they do: stemming every field
        as well cost four analyses of all text, a quarter of the bulk indexing rate."""
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if is_catch_all(name):
                field["fields"] = {
                    analyzer: {"type": "text", "analyzer": analyzer}
                    for analyzer in ANALYZERS.values()
                }
        return mapping


class LanguageQueryMixin:
    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        analyzer = language_analyzer()
        if analyzer is None:
            return remapped
        stemmed = [
            Field(f"{field.field_name}.{analyzer}", field.boost)
            for field in remapped
            if is_catch_all(field.field_name)
        ]
        return remapped + stemmed

    def _compile_fuzzy_query(self, query, fields):
        """modelsearch's fuzzy match, with the site's prefix length and expansions (`FUZZY`)."""
        compiled = super()._compile_fuzzy_query(query, fields)
        match = compiled.get("multi_match") or next(iter(compiled["match"].values()))
        match.update(FUZZY)
        return compiled


def query_words(query):
    """The words of a search query (PlainText, Fuzzy and the queries combining them)."""
    if hasattr(query, "query_string"):
        return query.query_string.split()
    inner = getattr(query, "subqueries", None) or [getattr(query, "subquery", None)]
    return [word for subquery in inner if subquery is not None for word in query_words(subquery)]


def text_fields(model, mapping_class):
    """The document fields holding `model`'s own text beside its title (summary first, as
    declared), which a snippet may quote."""
    return [
        mapping_class(model).get_field_column_name(field)
        for field in model.get_search_fields()
        if type(field) is SearchField and field.field_name != "title"
    ]


class ResultsMixin:
    """Facets in one aggregation request, the engine's highlighter for snippets, and the public
    calls `WordSearch` builds its requests with."""

    def facets(self, fields):
        """[{value: count}] of each (model, field) over the matches, in one request."""
        return self.facets_of(self.query_compiler.get_query(), fields)

    def facets_of(self, query, fields):
        """[{value: count}] of each (model, field) over the pages `query` matches, in one request
        the engine's request cache keeps (until the index next refreshes)."""
        mapping = self.backend.mapping_class
        aggregations = {}
        for position, (model, field_name) in enumerate(fields):
            field = next(
                f for f in model.get_filterable_search_fields() if f.field_name == field_name
            )
            column = mapping(model).get_field_column_name(field)
            aggregations[str(position)] = {"terms": {"field": column, "size": FACET_VALUES}}
        body = {"query": query, "aggregations": aggregations}
        response = self.do_search(body, size=0, request_cache=True)["aggregations"]
        return [
            {bucket["key"]: bucket["doc_count"] for bucket in response[str(position)]["buckets"]}
            for position in range(len(fields))
        ]

    def do_search(self, body, **params):
        """The engine's answer to `body` on this model's index, hits carrying their pk only."""
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model)
        return self._backend_do_search(
            body, index=index.name, _source=False, **{self.fields_param_name: "pk"}, **params
        )

    def pages_of(self, hits):
        """The pages of a list of hits, in their order, with their highlighted passages."""
        return list(self._get_results_from_hits(hits))

    def _get_es_body(self, for_count=False):
        body = super()._get_es_body(for_count)
        if not for_count:
            body.update(self.highlight(query_words(self.query_compiler.query)))
        return body

    def highlight(self, words):
        """One highlighted passage of the matches' own text (nothing without words): each
        paragraph of a body is a value of its own, so a passage never runs into the next."""
        if not words:
            return {}
        return {
            "highlight": {
                # Words starting like a query word, as the database backends' snippets mark them
                # (search/query.py): the fields quoted are analysed as written, not stemmed.
                "highlight_query": {
                    "bool": {"should": [{"prefix": {"_all_text": root}} for root in roots(words)]}
                },
                "fields": {name: {} for name in self.highlighted_fields()},
                "require_field_match": False,
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "number_of_fragments": 1,
                "fragment_size": SNIPPET_CHARACTERS,
            }
        }

    def highlighted_fields(self):
        model = self.query_compiler.queryset.model
        models = [
            model,
            *(m for m in get_indexed_models() if issubclass(m, model) and m is not model),
        ]
        return list(
            dict.fromkeys(
                name for m in models for name in text_fields(m, self.backend.mapping_class)
            )
        )

    def _get_results_from_hits(self, hits):
        """Each result carries `search_highlight`: the engine's passage (as written, with <mark>
        around the matches) from the first of its text fields that has one, or None."""
        order = self.highlighted_fields()
        passages = {}
        for hit in hits:
            found = hit.get("highlight", {})
            fields = sorted(found, key=order.index)
            passages[str(hit["fields"]["pk"][0])] = found[fields[0]][0] if fields else None
        for result in super()._get_results_from_hits(hits):
            result.search_highlight = passages.get(str(result.pk))
            yield result


# What a word's match weighs beside its stem's (1): within a typo or two of a stem or of a word as
# written (a typo can change what the stemmer keeps: "buess" stays "buess", "buses" is "buse"),
# only the best of the three counting, so a typo's page is not halved below pages holding the
# other words; and as written, a tie-break small enough that an unrelated page holding the query's
# form as written never outranks the page holding another form of every word in its title.
NEAR_STEM = 0.7
AS_WRITTEN = 0.2
# Added to the score of a page matching every word (a filter: its score is this constant), so it
# ranks above any page matching only some of them; BM25 scores of a few words stay far below.
EVERY_WORD = 1000.0


def word_clause(word, written, stemmed):
    """One query word matching a page: the best of its stem, a stem within the engine's fuzziness
    and a written word within it, each summed over the fields (so the title's weight adds to the
    body's), plus the word as written."""

    def match(fields, **options):
        return {"multi_match": {"query": word, "fields": fields, "type": "most_fields", **options}}

    best = [match(stemmed), *(match(f, **FUZZY, boost=NEAR_STEM) for f in (stemmed, written))]
    return {"bool": {"should": [{"dis_max": {"queries": best}}, match(written, boost=AS_WRITTEN)]}}


class WordSearch:
    """The site search's results on the engine (search/query.py `Results` on the databases): one
    request answers the page of hits, how many pages match every word and how many match some,
    and one more (cached by the engine's request cache) the facets.

    Pages matching every word rank first (a constant added to their score), then pages matching
    most words, as one bool query; newest first within each when sorted so. The tiers are
    counted with a filter aggregation rather than a request each."""

    def __init__(self, backend, pages, words, sort):
        relevance = sort == "relevance"
        if not relevance:
            pages = pages.order_by("-first_published_at", "-id")  # as search/query.py sorts
        # modelsearch's results for the same pages: their filters, sort and index, and the pages
        # of the hits (with the highlighter's passages, `ResultsMixin`).
        self.base = backend.search(MatchAll(), pages, order_by_relevance=relevance)
        self.words = words
        compiler = self.base.query_compiler
        fields = compiler.remapped_fields
        written = [f.field_name_with_boost for f in fields if "." not in f.field_name]
        stemmed = [f.field_name_with_boost for f in fields if "." in f.field_name] or written
        clauses = [word_clause(word, written, stemmed) for word in words]
        self.filters = compiler.get_filters()
        self.every = {"bool": {"filter": clauses}}
        self.some = {"bool": {"should": clauses, "minimum_should_match": 1}}
        some = self.some if relevance else {"constant_score": {"filter": self.some}}
        self.query = {
            "bool": {
                "filter": self.filters,
                "must": some,
                "should": {"constant_score": {"filter": self.every, "boost": EVERY_WORD}},
            }
        }
        self.sort = None if relevance else ["_score", *compiler.get_sort()]
        self.answer = None  # (start, stop, the engine's answer) of the last window fetched

    def fetch(self, start, stop):
        body = {
            "query": self.query,
            "track_total_hits": True,
            "aggregations": {"every": {"filter": self.every}},
            **({"sort": self.sort} if self.sort else {}),
            **self.base.highlight(self.words),
        }
        answer = self.base.do_search(body, from_=start, size=stop - start)
        self.answer = (start, stop, answer)
        return answer

    def window(self, start, stop):
        """The engine's answer holding hits start to stop (the first page's, for counting)."""
        if self.answer is None or not self.answer[0] <= start <= stop <= self.answer[1]:
            self.fetch(start, max(stop, start + PAGE_SIZE))
        return self.answer[2]

    def tier_count(self, tier):
        """Pages matching every word (tier 0), or only some (1): counted with any window."""
        answer = self.answer[2] if self.answer else self.window(0, PAGE_SIZE)
        every = answer["aggregations"]["every"]["doc_count"]
        return every if tier == 0 else answer["hits"]["total"]["value"] - every

    def count(self):
        return self.tier_count(0) + self.tier_count(1)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        if stop <= start:
            return []
        hits = self.window(start, stop)["hits"]["hits"]
        offset = self.answer[0]
        return self.base.pages_of(hits[start - offset : stop - offset])

    def facets(self, fields):
        """[{value: count}] of each (model, field) among the pages matching every word, or if
        none does, among those matching any."""
        matching = self.every if self.tier_count(0) else self.some
        return self.base.facets_of({"bool": {"filter": [*self.filters, matching]}}, fields)


class FuzzyWordsMixin:
    def search_words(self, words, pages, sort):
        """The site search's results (search/query.py `results`) in a request a page."""
        return WordSearch(self, pages, words, sort)

    def word_query(self, word):
        """One query word, as typed or stemmed, or within the engine's `fuzziness: AUTO` of an
        indexed word (one edit for 3-5 letters, two beyond): a page matching it exactly matches
        both clauses, so it outscores one found only through a typo (search/query.py asks)."""
        return Or([PlainText(word), Fuzzy(word)])


# While a rebuild fills a new index (modelsearch's atomic rebuild: the alias still points to the
# old one), nothing searches it, so the engine need not refresh it every second nor write its
# translog to disk on every request (a node lost mid-rebuild means running `update_index` again).
REBUILDING = {"index": {"refresh_interval": "-1", "translog.durability": "async"}}
AFTER_REBUILD = {"index": {"refresh_interval": None, "translog.durability": None}}  # defaults
IN_FLIGHT = 2  # bulk requests a rebuild may have sent and not had answered
BULK_TIMEOUT = 120  # seconds; the site's TIMEOUT (10) is for searches and single pages


class PipelinedBulkMixin:
    """While a rebuild runs, each bulk request goes out from a thread of its own and the site
    builds the next batch's documents meanwhile (modelsearch waits for each answer): the site and
    the engine work at once, and the engine indexes two requests at once, one a core."""

    requests = None  # (executor, requests in flight) while BulkRebuilderMixin rebuilds

    def __init__(self, params):
        if issubclass(self.client_class, OpenSearch):
            # opensearch-py keeps urllib3's one connection per node unless told; each thread
            # needs its own (Elasticsearch's client keeps ten).
            options = {"pool_maxsize": IN_FLIGHT + 1, **params.get("OPTIONS", {})}
            params = {**params, "OPTIONS": options}
        super().__init__(params)

    def bulk(self, client, actions, **kwargs):
        if self.requests is None:
            return super().bulk(client, actions, **kwargs)
        executor, in_flight = self.requests
        if len(in_flight) >= IN_FLIGHT:
            in_flight.popleft().result()  # an indexing error is raised here, as without a thread
        bulk = partial(super().bulk, client, actions, request_timeout=BULK_TIMEOUT, **kwargs)
        in_flight.append(executor.submit(bulk))
        return None

    def start_pipeline(self):
        self.requests = (ThreadPoolExecutor(IN_FLIGHT, "bulk"), deque())

    def finish_pipeline(self):
        """Waits for every request sent (raising the first error) and stops the threads."""
        executor, in_flight = self.requests
        self.requests = None
        with executor:
            while in_flight:
                in_flight.popleft().result()


class BulkRebuilderMixin:
    """`update_index` without the engine refreshing the index it fills (once, at the end), its
    bulk requests pipelined."""

    def start(self):
        index = super().start()
        index.es.indices.put_settings(index=index.name, body=REBUILDING)
        index.backend.start_pipeline()
        return index

    def finish(self):
        self.index.backend.finish_pipeline()
        self.index.es.indices.put_settings(index=self.index.name, body=AFTER_REBUILD)
        super().finish()


@cache
def language_backend(engine_module):
    """The backend class of `engine_module` with language analysis, built once per module."""
    engine = import_module(engine_module).SearchBackend
    mapping = type("LanguageMapping", (LanguageMappingMixin, engine.mapping_class), {})
    compiler = type(
        "LanguageQueryCompiler",
        (LanguageQueryMixin, engine.query_compiler_class),
        {"mapping_class": mapping},
    )
    results = type("Results", (ResultsMixin, engine.results_class), {})
    rebuilders = {
        name: type("BulkRebuilder", (BulkRebuilderMixin, getattr(engine, name)), {})
        for name in ("basic_rebuilder_class", "atomic_rebuilder_class")
    }
    return type(
        f"Language{engine.__name__}",
        (FuzzyWordsMixin, PipelinedBulkMixin, engine),
        {
            "mapping_class": mapping,
            "query_compiler_class": compiler,
            "results_class": results,
            **rebuilders,
        },
    )


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    return language_backend(params.pop("ENGINE"))(params)

"""Query logic for site search: what the searcher may read, filters, facets, stemming and snippets.

Every page type is found through `Page`; topic, sector and region support is discovered from the
page models' fields, so a new page type is searchable and filterable without touching this module.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from modelsearch.utils import get_descendants_content_types_pks

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import connection, transaction
from django.db.models import ForeignKey, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.search.index import SearchField
from wagtail.search.query import And, Or, PlainText

from home.models import Region, Sector, Topic, TopicsMixin
from localization.locales import active_locale
from portal import parameters

from . import documents
from .backend import DocumentsIndexMixin
from .models import SearchDocument

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 40
SNIPPET_WORDS = 32
SORTS = ("relevance", "newest")
WORD = re.compile(r"\w+", re.UNICODE)
SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "ies", "ied", "es", "ed", "er", "ly", "s")


def clean_query(raw):
    """The query as typed, minus NUL bytes and runs of whitespace, cut to a sane length."""
    return " ".join(raw.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def terms(query):
    """The words of a query: operators and punctuation separate words, never act."""
    return [word[:MAX_TERM_LENGTH] for word in WORD.findall(query.lower())][:MAX_TERMS]


def stem(word):
    """A light English stem: "retrofitting" also searches "retrofit" where the backend won't."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                return word[:-1]  # "boreholes" is "borehole" + "s", not "borehol" + "es"
            if len(base) > 4 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                return base[:-1]
            return base
    return word


def search_query(words):
    """Every word must match, as typed or stemmed."""
    clauses = []
    for word in words:
        root = stem(word)
        clauses.append(PlainText(word) if root == word else Or([PlainText(word), PlainText(root)]))
    return clauses[0] if len(clauses) == 1 else And(clauses)


def readable_pages(request):
    """Live pages the request may read: public ones, and restricted ones it passes."""
    return readable(request, Page.objects.live())


def readable_documents(request):
    """The search documents of the pages the request may read."""
    return readable(request, SearchDocument.objects.filter(live=True))


def readable(request, queryset):
    """`queryset` (with a `path`) without what lies under a restriction the request fails."""
    if not hasattr(request, "_search_refused"):  # asked for the results and the promotions
        refused = Q()
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
            "groups"
        ):
            if not restriction.accept_request(request):
                refused |= Q(path__startswith=restriction.page.path)
        request._search_refused = refused
    refused = request._search_refused
    return queryset.exclude(refused) if refused else queryset


@cache
def models_with(field_name, related_model):
    """Concrete page models that carry a foreign key `field_name` to `related_model`."""
    found = []
    for model in get_page_models():
        if model._meta.abstract:
            continue
        try:
            model_field = model._meta.get_field(field_name)
        except FieldDoesNotExist:
            continue
        if isinstance(model_field, ForeignKey) and model_field.related_model is related_model:
            found.append(model)
    return tuple(found)


@cache
def topic_models():
    return tuple(
        model
        for model in get_page_models()
        if issubclass(model, TopicsMixin) and not model._meta.abstract
    )


def topic_links(model):
    """The through model of `model.topics` and the names of its page and topic columns."""
    topics = model._meta.get_field("topics")
    return topics.remote_field.through, topics.m2m_field_name(), topics.m2m_reverse_field_name()


def page_ids_with_topic(topic):
    ids = set()
    for model in topic_models():
        through, page_column, topic_column = topic_links(model)
        ids.update(
            through.objects.filter(**{topic_column: topic}).values_list(
                f"{page_column}_id", flat=True
            )
        )
    return ids


def page_ids_with(field_name, term):
    ids = set()
    for model in models_with(field_name, type(term)):
        ids.update(model.objects.filter(**{field_name: term}).values_list("pk", flat=True))
    return ids


@dataclass
class Filters:
    """The filters a searcher chose; values that match nothing known are dropped, not errors."""

    content_type: object = None
    topic: Topic | None = None
    sector: Sector | None = None
    region: Region | None = None
    locale: Locale | None = None
    all_languages: bool = False
    sort: str = "relevance"
    active: dict = field(default_factory=dict)

    @classmethod
    def from_params(cls, params):
        sort = parameters.text(params, "sort")
        filters = cls(sort=sort if sort in SORTS else "relevance")
        types = {content_type_key(m): m for m in searchable_page_models()}
        model = types.get(parameters.text(params, "type"))
        if model is not None:
            filters.content_type = ContentType.objects.get_for_model(model)
            filters.active["type"] = params["type"]
        lang = parameters.text(params, "lang")
        if lang == "all":
            filters.all_languages = True
            filters.active["lang"] = "all"
        else:
            filters.locale = Locale.objects.filter(language_code=lang).first() if lang else None
            if filters.locale is not None:
                filters.active["lang"] = lang
            else:
                filters.locale = active_locale()
        for name, term_model in (("topic", Topic), ("sector", Sector), ("region", Region)):
            slug = parameters.slug(params, name)
            if slug:
                term = term_model.objects.filter(slug=slug).first()
                if term is not None:
                    setattr(filters, name, term)
                    filters.active[name] = slug
        return filters

    def apply(self, pages):
        if not self.all_languages:
            pages = pages.filter(locale=self.locale)
        if self.content_type is not None:
            pages = pages.filter(content_type=self.content_type)
        if self.topic is not None:
            pages = pages.filter(pk__in=page_ids_with_topic(self.topic))
        for name in ("sector", "region"):
            term = getattr(self, name)
            if term is not None:
                pages = pages.filter(pk__in=page_ids_with(name, term))
        return pages


def content_type_key(model):
    return model._meta.label_lower


@cache
def searchable_page_models():
    return tuple(m for m in get_page_models() if not m._meta.abstract and m is not Page)


def reads_documents(backend):
    """Whether `backend` keeps the search documents (search/backend.py) a search here reads."""
    return issubclass(backend.index_class, DocumentsIndexMixin)


def fts_match(words):
    """An FTS5 MATCH expression: every word, as typed or stemmed.

    `terms()` leaves only word characters, so quoting each word is enough to keep operators out.
    """
    clauses = []
    for word in words:
        variants = dict.fromkeys([word, stem(word)])
        clauses.append("(" + " OR ".join(f'"{variant}"' for variant in variants) + ")")
    return " AND ".join(clauses)


# Which text a search matches: all of it, the title and boosted fields only, or all of it
# where those don't match (the body matches).
EVERYWHERE, HEADING, BODY = "everywhere", "heading", "body"


def matching_sql(words, candidates, part=EVERYWHERE, columns=(), scored=False):
    """SQL and parameters selecting the id and `columns`, and with `scored` a score, of the
    `candidates` (search documents) whose text matches every word, as typed or stemmed, in
    `part`; or None when `candidates` can hold nothing. The score is lower for better matches,
    the title weighing most, then the boosted fields. One scan: the text match drives the
    documents' own filters (live, language, privacy, chosen facets), read on PostgreSQL from
    the matching rows and on SQLite from the text's rowids, looking documents up only for the
    columns the rowids lack."""
    table = connection.ops.quote_name(SearchDocument._meta.db_table)
    query = candidates.query
    try:
        filters, params = query.get_compiler(connection=connection).compile(query.where)
    except EmptyResultSet:
        return None
    columns = ", ".join([f"{table}.page_id AS id", *columns])
    if connection.vendor == "sqlite":
        text, expression = documents.FTS_TABLE, fts_match(words)
        weights = list(documents.WEIGHTS.values())
        if part == HEADING:
            text, weights = documents.HEADING_TABLE, weights[:2]
        elif part == BODY:
            expression = f"({expression}) NOT ({{title boosted}} : ({expression}))"
        weights = ", ".join(str(weight) for weight in weights)
        score = f", bm25({text}, {weights}) AS score" if scored else ""  # lower is better
        # The documents as their text's rowids give them (only live pages have text); path and
        # publication are looked up only for the matches where the filters or columns read them.
        page_id = documents.PAGE_ID.format(table=text)
        found = ", ".join(
            [
                f"{page_id} AS page_id",
                f"{documents.CONTENT_TYPE_ID.format(table=text)} AS content_type_id",
                f"{documents.LOCALE_ID.format(table=text)} AS locale_id",
                "TRUE AS live",
                *(
                    f"(SELECT {column} FROM {table} WHERE page_id = {page_id}) AS {column}"  # noqa: S608  # nosec B608
                    for column in ("path", "first_published_at")
                ),
            ]
        )
        return (
            f"SELECT {columns}{', score' if scored else ''} FROM (SELECT {found}{score} "  # noqa: S608  # nosec B608
            f"FROM {text} WHERE {text} MATCH %s) AS {table} WHERE ({filters})",
            [expression, *params],
        )
    clauses, query_params = [], []
    for word in words:
        variants = list(dict.fromkeys([word, stem(word)]))
        clauses.append("(" + " || ".join(["plainto_tsquery('simple', %s)"] * len(variants)) + ")")
        query_params.extend(variants)
    vector = "heading" if part == HEADING else "vector"
    condition = f"{vector} @@ query" + (" AND NOT heading @@ query" if part == BODY else "")
    score = f", -ts_rank({vector}, query) AS score" if scored else ""
    return (
        f"SELECT {columns}{score} FROM {table}, "  # noqa: S608  # nosec B608
        f"(SELECT {' && '.join(clauses)}) AS q(query) WHERE {condition} AND ({filters})",
        [*query_params, *params],
    )


def ids_sql(queryset):
    """The SQL and parameters selecting (id, content type, locale) of a `Page` queryset, or None
    when it can match nothing: the columns of the `matched` CTE the facets count from."""
    try:
        return (
            queryset.order_by().values("pk", "content_type_id", "locale_id").query.sql_with_params()
        )
    except EmptyResultSet:
        return None


class RankedResults:
    """Matches on the database, found in one pass over the search documents that also counts
    every facet and picks the page of results the request asked for.

    "newest" orders by first publication. "relevance" has two tiers: pages matching in their
    title and boosted fields (summary, organisation), scored among themselves, then the pages
    matching only with their body, scored over all their text. Scoring reads every instance of
    the words in each document, so only the tier the page of results reaches is scored: for a
    common word, the first page comes from the few hundred headings that hold it rather than
    from scoring every one of thousands of bodies. The paginator slices this object and any
    other page is fetched on demand. The matches drive the joins, to narrow rows.
    """

    def __init__(self, words, documents, pages, sort, start, size):
        self.words = words
        self.documents = documents
        self.pages = pages
        self.sort = sort
        ids = self.run(start, size, with_facets=True)
        self.window = (start, min(start + size, self.count), ids)

    def __len__(self):
        return self.count

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        if stop <= start:
            return []
        if (start, stop) == self.window[:2]:
            ids = self.window[2]
        else:
            ids = self.run(start, stop - start, with_facets=False)
        # Read through the pages the searcher may read: a document can never show more.
        pages = {page.pk: page for page in self.pages.filter(pk__in=ids).specific()}
        return [pages[pk] for pk in ids if pk in pages]

    def run(self, start, size, with_facets):
        """The ids of the window [start, start + size); with facets, counts every match first."""
        parts = facet_parts() if with_facets else []
        if self.sort == "newest":
            parts.append(numbered("matched", "published DESC, id DESC"))
            return self.execute([], parts, [size, start], with_facets)
        parts.append(numbered("top", "score, id DESC"))
        if with_facets:
            parts.append(f"SELECT {HEADED}, NULL, NULL, COUNT(*) FROM top")  # noqa: S608  # nosec B608
        ids = self.execute([("top", HEADING)], parts, [size, start], with_facets)
        if len(ids) < size and self.count > self.headed:
            # The window reaches past the heading matches: the body matches, scored.
            window = [size - len(ids), max(0, start - self.headed)]
            rest = [numbered("rest", "score, id DESC")]
            ids += self.execute([("rest", BODY)], rest, window, with_facets=False)
        return ids

    def execute(self, scored, parts, window, with_facets):
        """Run `parts` over the `matched` CTE and the `scored` (name, part) CTEs of (id, score);
        return the ids of the window and, with facets, keep the counts."""
        if with_facets:
            self.rows, self.count, self.headed = [], 0, 0
        columns = ["content_type_id", "locale_id"]
        if self.sort == "newest":
            columns.append("first_published_at AS published")
        found = matching_sql(self.words, self.documents, columns=columns)
        if found is None:
            return []
        ctes = [("matched", *found), *([KINDS] if with_facets else [])]
        for name, part in scored:
            ctes.append((name, *matching_sql(self.words, self.documents, part, scored=True)))
        with planned_on_text_indexes():
            rows = fetch(ctes, parts, window)
        if with_facets:
            self.rows = [row for row in rows if row[0] not in (RESULT, HEADED)]
            self.count = matches_in(self.rows)
            self.headed = sum(n for kind, _value, _locale, n in rows if kind == HEADED)
        window_rows = sorted((row for row in rows if row[0] == RESULT), key=lambda row: row[3])
        return [value for _kind, value, _locale, _position in window_rows]


@contextmanager
def planned_on_text_indexes():
    """On PostgreSQL, a statement planned inside this block matches through the GIN indexes,
    never by reading every row: the planner does not count fetching each row's out-of-line
    vector, and for a common word it can judge a scan of every row cheaper than the index (at
    100,000 pages, ~330 ms instead of ~15). The setting lasts until the transaction ends: on its
    own here, or the caller's."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def numbered(source, order):
    """A window of `source` (LIMIT and OFFSET parameters) as RESULT rows numbered in `order`.

    The window is picked with LIMIT (a top-N sort) before it is numbered: numbering every match
    first would sort them all."""
    return (
        f"SELECT {RESULT}, id, NULL, ROW_NUMBER() OVER (ORDER BY {order}) "  # noqa: S608  # nosec B608
        f"FROM (SELECT * FROM {source} ORDER BY {order} LIMIT %s OFFSET %s) AS result_window"
    )


@dataclass
class Facet:
    name: str
    label: str
    options: list


TYPE_AND_LANGUAGE, TOPIC, SECTOR, REGION, RESULT, HEADED = range(6)


def facet_counts(matched):
    """Every facet's counts in one statement over the matched page ids, which are found only once.

    `matched` is a `Page` queryset (filters, or the ids a search engine found). Returns the rows
    (kind, value, locale, count) and the number of matched pages.
    """
    compiled = ids_sql(matched)
    if compiled is None:
        return [], 0
    rows = fetch([("matched(id, content_type_id, locale_id)", *compiled), KINDS], facet_parts())
    return rows, matches_in(rows)


def matches_in(rows):
    """The number of matches: the sum of the per-type-and-language counts among facet rows."""
    return sum(n for kind, _value, _locale, n in rows if kind == TYPE_AND_LANGUAGE)


def fetch(ctes, parts, params=()):
    """The rows of `parts` joined by UNION ALL after the (name, SQL, parameters) `ctes`, each
    computed once; `params` are those of the parts.

    Names and columns come from model metadata: nothing typed reaches the SQL except through
    parameters."""
    sql = "WITH " + ", ".join(f"{name} AS MATERIALIZED ({body})" for name, body, _ in ctes)
    sql += " " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [*(p for _name, _body, cte_params in ctes for p in cte_params), *params]
        )
        return cursor.fetchall()


# The matches counted by page type and language, which the other facets' parts read to skip the
# page types no match has.
KINDS = (
    "kinds",
    "SELECT content_type_id, locale_id, COUNT(*) AS n FROM matched "
    "GROUP BY content_type_id, locale_id",
    [],
)


def facet_parts():
    """SELECTs of (kind, value, locale, count) over a `matched(id, content_type_id, locale_id)`
    CTE and its `KINDS`.

    Each table is read for the matches of the page types that have it, and not at all when no
    match has those types, so a facet's cost follows the matches it can count, not the size of
    the table or of every match.
    """
    quote = connection.ops.quote_name
    parts = [f"SELECT {TYPE_AND_LANGUAGE}, content_type_id, locale_id, n FROM kinds"]  # noqa: S608  # nosec B608

    def present(types):
        return f"EXISTS (SELECT 1 FROM kinds WHERE content_type_id IN ({types}))"  # noqa: S608  # nosec B608

    for model in topic_models():
        through, page_column, topic_column = topic_links(model)
        page_id = quote(through._meta.get_field(page_column).column)
        topic_id = quote(through._meta.get_field(topic_column).column)
        types = content_types_of(model)
        parts.append(
            f"SELECT {TOPIC}, t.{topic_id}, NULL, COUNT(*) "  # noqa: S608  # nosec B608
            f"FROM {quote(through._meta.db_table)} t WHERE {present(types)} AND t.{page_id} IN "
            f"(SELECT id FROM matched WHERE content_type_id IN ({types})) GROUP BY t.{topic_id}"
        )
    for kind, name, term_model in ((SECTOR, "sector", Sector), (REGION, "region", Region)):
        for model in models_with(name, term_model):
            column = quote(model._meta.get_field(name).column)
            types = content_types_of(model)
            parts.append(
                f"SELECT {kind}, p.{column}, NULL, COUNT(*) "  # noqa: S608  # nosec B608
                f"FROM matched m JOIN {quote(model._meta.db_table)} p "
                f"ON p.{quote(model._meta.pk.column)} = m.id "
                f"WHERE {present(types)} AND m.content_type_id IN ({types}) "
                f"AND p.{column} IS NOT NULL GROUP BY p.{column}"
            )
    return parts


def content_types_of(model):
    """The content type ids of `model` and its subclasses, as SQL (integers only)."""
    return ", ".join(str(pk) for pk in get_descendants_content_types_pks(model))


def facets(rows):
    """Facets (type, topic, sector, region, language) from `facet_counts` rows."""
    counts = {kind: {} for kind in (TOPIC, SECTOR, REGION)}
    by_type, by_locale = {}, {}
    for kind, value, locale_id, n in rows:
        if kind == TYPE_AND_LANGUAGE:
            by_type[value] = by_type.get(value, 0) + n
            by_locale[locale_id] = by_locale.get(locale_id, 0) + n
        else:
            counts[kind][value] = counts[kind].get(value, 0) + n
    models = {pk: ContentType.objects.get_for_id(pk).model_class() for pk in by_type}
    type_options = sorted(
        (
            (
                content_type_key(models[pk]),
                str(models[pk]._meta.verbose_name_plural).capitalize(),
                n,
            )
            for pk, n in by_type.items()
            if models[pk] is not None
        ),
        key=lambda item: (-item[2], item[1]),
    )
    locales = Locale.objects.in_bulk(by_locale)
    return [
        Facet("type", "Content type", type_options),
        Facet("topic", "Topic", term_options(Topic, counts[TOPIC])),
        Facet("sector", "Sector", term_options(Sector, counts[SECTOR])),
        Facet("region", "Region", term_options(Region, counts[REGION])),
        Facet(
            "lang",
            "Language",
            sorted(
                (
                    (locales[pk].language_code, locales[pk].get_display_name(), n)
                    for pk, n in by_locale.items()
                ),
                key=lambda item: -item[2],
            ),
        ),
    ]


def term_options(term_model, counts):
    terms_by_id = term_model.objects.in_bulk(counts)
    return sorted(
        ((terms_by_id[pk].slug, terms_by_id[pk].name, n) for pk, n in counts.items()),
        key=lambda item: (-item[2], item[1]),
    )


def page_texts(page):
    """The page's searchable text, summary first: what a snippet may be cut from."""
    texts = [page.intro] if getattr(page, "intro", "") else []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, SearchField) or search_field.field_name in (
            "title",
            "intro",
        ):
            continue
        value = search_field.get_value(page)
        if isinstance(value, StreamValue):
            texts.extend(
                re.sub(r"<[^>]+>", " ", str(text))
                for text in value.stream_block.get_searchable_content(value)
            )
        elif isinstance(value, str) and value:
            texts.append(value)
    return texts


def term_pattern(words):
    roots = sorted({stem(word) for word in words}, key=len, reverse=True)
    if not roots:
        return None
    return re.compile(
        r"\b(?:" + "|".join(re.escape(root) for root in roots) + r")\w*", re.IGNORECASE
    )


def highlight(text, pattern):
    """Escape first, then wrap each match in <mark>: content can never inject markup."""
    escaped = escape(text)
    if pattern is None:
        return mark_safe(escaped)  # noqa: S308 - escaped above
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))  # noqa: S308


def snippet(texts, words):
    """A window of words around the first match in a page's `texts` (summary first), or the
    summary's opening."""
    pattern = term_pattern(words)
    for text in texts:
        match = pattern.search(text) if pattern else None
        if match:
            cut = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            before = text[:cut].split()
            after = text[cut:].split()
            start = max(0, len(before) - SNIPPET_WORDS // 4)
            window = before[start:] + after[: SNIPPET_WORDS - (len(before) - start)]
            prefix = "… " if start else ""
            suffix = " …" if len(before) - start + len(after) > len(window) else ""
            return highlight(prefix + " ".join(window) + suffix, pattern)
    opening = " ".join(texts[0].split()[:SNIPPET_WORDS]) if texts else ""
    return highlight(opening, pattern)

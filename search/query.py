"""Query logic for site search: what the searcher may read, filters, the query sent to the search
backend, facets, typo corrections and snippets.

Every page type is found through `Page` and Wagtail's search backend; topic, sector and region
support is discovered from the page models' fields, so a new page type is searchable and
filterable without touching this module.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache as shared_cache
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.index import SearchField
from wagtail.search.query import And, Not, Or, PlainText

from home.models import Region, Sector, Topic
from home.pagination import PAGE_SIZE
from localization.locales import active_locale

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 40
MAX_PARAM_LENGTH = 100
SNIPPET_WORDS = 32
SORTS = ("relevance", "newest")
WORD = re.compile(r"\w+", re.UNICODE)
PARTIAL_COUNTED = 1000  # pages matching only some words, counted up to this: "more than …"
VOCABULARY_SIZE = 50_000  # the most frequent words of titles and summaries
VOCABULARY_SECONDS = 3600
VOCABULARY_KEY = "search:vocabulary:by-length"
LETTERS = "abcdefghijklmnopqrstuvwxyzàáâçèéêëíîïñóôùúûüÿæœ"  # what a typo may put in a word


def clean_query(raw):
    """The query as typed, minus NUL bytes and runs of whitespace, cut to a sane length."""
    return " ".join(raw.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def terms(query):
    """The words of a query: operators and punctuation separate words, never act."""
    return [word[:MAX_TERM_LENGTH] for word in WORD.findall(query.lower())][:MAX_TERMS]


def param(params, name):
    """A filter parameter as given, or "" when it cannot name anything (too long, a NUL byte)."""
    value = params.get(name, "")
    return "" if len(value) > MAX_PARAM_LENGTH or "\x00" in value else value


def refused_paths(request):
    """The paths of the pages whose view restriction the request does not pass (password, login,
    groups): neither they nor the pages below them are readable. Two requests refused the same
    paths may read the same pages, whoever makes them."""
    restrictions = PageViewRestriction.objects.annotate(page_path=F("page__path"))
    return sorted(
        restriction.page_path
        for restriction in restrictions.prefetch_related("groups")
        if not restriction.accept_request(request)
    )


def readable_pages(request, refused=None):
    """Live pages the request may read: public ones, and restricted ones it passes (`refused`:
    `refused_paths(request)`, if already known). Drafts and pages in review are never live;
    their last published version is."""
    refused = refused_paths(request) if refused is None else refused
    if not refused:
        return Page.objects.live()
    return Page.objects.live().exclude(reduce(or_, (Q(path__startswith=p) for p in refused)))


@cache
def searchable_page_models():
    return tuple(m for m in get_page_models() if not m._meta.abstract and m is not Page)


@cache
def models_with(field_name, related_model):
    """Concrete page models with a `field_name` relation to `related_model`."""
    return [
        model
        for model in searchable_page_models()
        if any(
            f.name == field_name and f.related_model is related_model
            for f in model._meta.get_fields()
        )
    ]


FACET_TERMS = (
    ("topic", Topic, "topics"),
    ("sector", Sector, "sector"),
    ("region", Region, "region"),
)


def page_ids_with(term):
    """The ids of pages tagged with `term` (a topic, sector or region), of every page type."""
    ids = set()
    for _name, term_model, field_name in FACET_TERMS:
        if isinstance(term, term_model):
            for model in models_with(field_name, term_model):
                ids.update(model.objects.filter(**{field_name: term}).values_list("pk", flat=True))
    return sorted(ids)


@dataclass
class Filters:
    """The filters a searcher chose; values that match nothing known are dropped, not errors."""

    content_type: object = None
    terms: list = field(default_factory=list)
    locale: Locale | None = None
    all_languages: bool = False
    sort: str = "relevance"
    active: dict = field(default_factory=dict)

    @classmethod
    def from_params(cls, params):
        filters = cls(sort=params.get("sort") if params.get("sort") in SORTS else "relevance")
        types = {m._meta.label_lower: m for m in searchable_page_models()}
        model = types.get(param(params, "type"))
        if model is not None:
            filters.content_type = ContentType.objects.get_for_model(model)
            filters.active["type"] = params["type"]
        lang = param(params, "lang")
        if lang == "all":
            filters.all_languages = True
            filters.active["lang"] = "all"
        else:
            filters.locale = Locale.objects.filter(language_code=lang).first() if lang else None
            if filters.locale is not None:
                filters.active["lang"] = lang
            else:
                filters.locale = active_locale()
        for name, term_model, _field_name in FACET_TERMS:
            slug = param(params, name)
            term = term_model.objects.filter(slug=slug).first() if slug else None
            if term is not None:
                filters.terms.append(term)
                filters.active[name] = slug
        return filters

    def apply(self, pages):
        if not self.all_languages:
            pages = pages.filter(locale=self.locale)
        if self.content_type is not None:
            pages = pages.filter(content_type=self.content_type)
        for term in self.terms:
            pages = pages.filter(pk__in=page_ids_with(term))
        return pages


def backend_for(filters):
    """The search backend, analysing the query in the searcher's language where it can
    (search/backends/postgres.py; an engine backend may offer `for_language` too)."""
    backend = get_search_backend()
    if hasattr(backend, "for_language"):
        return backend.for_language(None if filters.all_languages else filters.locale.language_code)
    return backend


def word_query(backend, word, correction=None):
    """One word of the query: as typed, or its correction. A backend with typo tolerance of its
    own (fuzziness on a search engine) may build the word's query itself, with `word_query`."""
    if hasattr(backend, "word_query"):
        return backend.word_query(word)
    if correction:
        return Or([PlainText(word), PlainText(correction)])
    return PlainText(word)


def search_query(backend, words, corrections=None):
    """Every word of the query must match, as typed or as corrected."""
    clauses = [word_query(backend, word, (corrections or {}).get(word)) for word in words]
    return And(clauses) if len(clauses) > 1 else clauses[0]


class Results:
    """Pages matching every word first, then pages matching only some of them (most words first,
    as the backend ranks them); newest first within each when sorted so. Sliced by the paginator.

    The second tier is ranked only when the first page lists from it, and otherwise counted
    without ranking: on SQLite, scoring every page sharing one common word with the query is
    most of a search's time."""

    def __init__(self, backend, pages, words, corrections, sort):
        every = search_query(backend, words, corrections)
        self.some = Or(every.subqueries) if isinstance(every, And) else None
        if sort == "newest":
            pages = pages.order_by("-first_published_at", "-id")
        queries = [every] + ([And([self.some, Not(every)])] if self.some else [])
        relevance = sort == "relevance"
        self.tiers = [
            backend.search(query, pages, order_by_relevance=relevance) for query in queries
        ]
        self.unranked = None  # the second tier, to count without ranking it
        if self.some:
            self.unranked = (
                backend.search(queries[1], pages, order_by_relevance=False)
                if relevance
                else self.tiers[1]
            )

    def tier_count(self, tier):
        """Counted once: modelsearch keeps the count. Below a page of full matches, pages matching
        some words are counted at most up to PARTIAL_COUNTED: a common word of the query is shared
        by a good part of the index, which PostgreSQL would otherwise count row by row."""
        if tier and self.tier_count(0) >= PAGE_SIZE:
            return min(self.unranked[:PARTIAL_COUNTED].count(), PARTIAL_COUNTED)
        return self.tiers[tier].count()

    @property
    def more(self):
        """Whether more pages match some words than were counted."""
        return len(self.tiers) > 1 and self.tier_count(1) == PARTIAL_COUNTED

    def count(self):
        return sum(self.tier_count(tier) for tier in range(len(self.tiers)))

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop, found, offset = window.start or 0, window.stop, [], 0
        for number, tier in enumerate(self.tiers):
            if start < offset + self.tier_count(number) and stop > offset:
                found += list(tier[max(0, start - offset) : stop - offset])
            offset += self.tier_count(number)
        return found

    def facets(self, fields):
        """[{value: count}] of each (model, field) among the pages matching every word, or if
        none does, among those matching any: the facets narrow what the searcher looked for,
        and counting every page sharing one common word with the query costs a scan."""
        every = self.tiers[0]
        return (every if every.count() or len(self.tiers) == 1 else self.tiers[1]).facets(fields)


def results(backend, pages, words, sort):
    """(the pages matching `words`, {word: correction}). Misspelled words are corrected only when
    fewer than a page of results match every word, and not by a backend with typo tolerance of
    its own. Without words, every page in `pages`, newest first."""
    if not words:
        return pages.order_by("-first_published_at", "-pk"), {}
    if hasattr(backend, "search_words"):  # an engine's one request a page (search/engine.py)
        return backend.search_words(words, pages, sort), {}
    found = Results(backend, pages, words, {}, sort)
    if found.tier_count(0) < PAGE_SIZE and not hasattr(backend, "word_query"):
        fixes = corrections(words)
        if fixes:
            return Results(backend, pages, words, fixes, sort), fixes
    return found, {}


def vocabulary():
    """{length: "\nword\n…"}: public pages' most frequent title and summary words (a correction
    is shown to visitors too), most frequent first; one string per length, read and searched
    without hashing every word. Cached for an hour or until search/signals.py forgets it."""

    def build():
        counts = Counter()
        for model in [Page, *(m for m in searchable_page_models() if hasattr(m, "intro"))]:
            column = "title" if model is Page else "intro"
            for text in model.objects.live().public().values_list(column, flat=True).iterator():
                counts.update(word for word in WORD.findall(text.lower()) if len(word) > 2)
        by_length = {}
        for word, _n in counts.most_common(VOCABULARY_SIZE):
            by_length.setdefault(len(word), []).append(word)
        return {length: "\n" + "\n".join(words) + "\n" for length, words in by_length.items()}

    return shared_cache.get_or_set(VOCABULARY_KEY, build, VOCABULARY_SECONDS)


def one_typo_from(word):
    """The words that are `word` with one letter changed, added, dropped, or two neighbours
    swapped (Norvig's spelling corrector: these are looked up, not every known word compared)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {head + tail[1:] for head, tail in splits if tail}
        | {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
        | {head + letter + tail[1:] for head, tail in splits if tail for letter in LETTERS}
        | {head + letter + tail for head, tail in splits for letter in LETTERS}
    )


def corrections(words):
    """{word: correction} for query words that are no known word but one typo from one: the
    most frequent such word of the same length, else one letter shorter, else longer."""
    known = vocabulary()
    found = {}
    for word in words:
        if len(word) < 4 or f"\n{word}\n" in known.get(len(word), ""):
            continue
        near = "".join(known.get(len(word) + change, "") for change in (0, -1, 1))
        close = one_typo_from(word) & set(near.split())
        if close:
            found[word] = min(close, key=lambda candidate: near.index(f"\n{candidate}\n"))
    return found


def page_texts(page):
    """The page's searchable texts, summary first: what a snippet may be cut from. Plain text:
    Wagtail strips rich text's markup from search content. Lazy: a snippet reads to its match."""
    if getattr(page, "intro", ""):
        yield page.intro
    for indexed in page.get_search_fields():
        if isinstance(indexed, SearchField) and indexed.field_name not in ("title", "intro"):
            value = indexed.get_value(page)  # a block's searchable content: a list of texts
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and text.strip():
                    yield text


def roots(words):
    """What a word of the text must start with to be marked as a query word: its last letters
    may differ ("pumps" marks "pumping"). Longest first."""
    return sorted({word.lower()[: max(4, len(word) - 2)] for word in words}, key=len, reverse=True)


def term_pattern(words):
    """Words starting like a query word, as the pattern's one group (None without words)."""
    alternatives = "|".join(map(re.escape, roots(words)))
    return re.compile(rf"\b((?:{alternatives})\w*)", re.IGNORECASE) if alternatives else None


def highlight(text, pattern):
    """Escape each piece of the text, and wrap the matches in <mark>: content can never inject
    markup, and a query word never marks part of an escaped character ("amp" in "&amp;")."""
    pieces = pattern.split(text) if pattern else [text]  # the odd pieces are the matches
    marked = (f"<mark>{escape(p)}</mark>" if i % 2 else escape(p) for i, p in enumerate(pieces))
    return mark_safe("".join(marked))  # noqa: S308 - every piece escaped


def snippet(texts, words):
    """A window of words around the first match in a page's `texts` (summary first), or the
    summary's opening."""
    pattern, summary = term_pattern(words), ""
    for number, text in enumerate(texts):
        summary = summary if number else text
        match = pattern.search(text) if pattern else None
        if match:
            start = max(0, len(text[: match.end()].split()) - 1 - SNIPPET_WORDS // 4)
            window = " ".join(text.split()[start:])
            return highlight(("… " if start else "") + truncate(window), pattern)
    return highlight(truncate(summary), pattern)


def truncate(text):
    """Its first SNIPPET_WORDS words, and "…" if there are more."""
    return Truncator(text).words(SNIPPET_WORDS, truncate=" …")

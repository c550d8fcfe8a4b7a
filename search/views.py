from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from home.models import Topic
from home.pagination import PAGE_SIZE
from portal import parameters

from . import documents
from . import query as q
from .models import ZeroResultQuery

SUGGESTIONS = 8
MAX_PAGE = 100_000  # further pages are the last page: the paginator fetches it itself


def search(request):
    """Full-text search over every page type the searcher may read, with facets and promotions."""
    query = q.clean_query(request.GET.get("q", ""))
    words = q.terms(query)
    filters = q.Filters.from_params(request.GET)
    context = {"query": query, "filters": filters, "sort": filters.sort}

    if not words and not filters.active:
        context["topics"] = Topic.objects.filter(locale=filters.locale).order_by("name")
        context["sections"] = (
            filters.apply(q.readable_pages(request)).filter(depth=3).order_by("path")
        )
        return TemplateResponse(request, "search/search.html", context)

    context["results_html"], total = render_results(request, query, words, filters)
    if query:
        log_query(query, total)
    return TemplateResponse(request, "search/search.html", context)


def render_results(request, query, words, filters):
    """The results, facets and promotions as HTML, and the number of matches."""
    pages = filters.apply(q.readable_pages(request))
    backend = get_search_backend() if words else None
    if words and q.reads_documents(backend):
        # One pass over the search documents finds, ranks and counts the matches, and fetches
        # the requested page.
        candidates = filters.apply(q.readable_documents(request))
        start = requested_start(request)
        results = q.RankedResults(words, candidates, pages, filters.sort, start, PAGE_SIZE)
        rows, total = results.rows, results.count
    else:
        if words:
            # A search engine: it ranks; the facets count the ids it found.
            if filters.sort == "newest":
                pages = pages.order_by("-first_published_at", "-id")
            results = backend.search(
                q.search_query(words), pages, order_by_relevance=filters.sort == "relevance"
            )
            matched = Page.objects.filter(pk__in=[page.pk for page in results])
        else:
            results = matched = pages.order_by("-first_published_at", "-pk")
        rows, total = q.facet_counts(matched)
    paginator = Paginator(results, PAGE_SIZE)
    paginator.count = total  # counted with the facets: no second pass over the matches
    page_obj = paginator.get_page(parameters.integer(request.GET, "page"))
    shown = [p.pk for p in page_obj.object_list]
    if isinstance(results, q.RankedResults):
        specific = {p.pk: p for p in page_obj.object_list}  # fetched specific already
        texts = documents.stored_texts(list(specific.values()))
    else:
        specific = {p.pk: p for p in Page.objects.filter(pk__in=shown).specific()}
        texts = {pk: q.page_texts(page) for pk, page in specific.items()}
    context = {
        "query": query,
        "filters": filters,
        "results": page_obj,
        "items": [
            {"page": specific[pk], "snippet": q.snippet(texts.get(pk, ()), words)}
            for pk in shown
            if pk in specific
        ],
        "facets": facet_links(q.facets(rows), query, filters),
        "promotions": promoted_pages(request, query) if page_obj.number == 1 else [],
        "page_query": urlencode({"q": query, **filters.active, "sort": filters.sort}),
    }
    return render_to_string("search/results.html", context, request), total


def requested_start(request):
    """Where the requested page of results starts, as the paginator will read it (0 if unsure)."""
    number = parameters.integer(request.GET, "page")
    if number is None or not 1 <= number <= MAX_PAGE:
        return 0
    return (number - 1) * PAGE_SIZE


def facet_links(facets, query, filters):
    """Each facet option with the address that selects it (or clears it when already selected)."""
    linked = []
    for facet in facets:
        options = []
        for value, label, count in facet.options:
            selected = filters.active.get(facet.name) == value
            params = {"q": query, **filters.active, "sort": filters.sort}
            if selected:
                params.pop(facet.name)
            else:
                params[facet.name] = value
            options.append(
                {
                    "label": label,
                    "count": count,
                    "selected": selected,
                    "url": "?" + urlencode(params),
                }
            )
        linked.append({"name": facet.name, "label": facet.label, "options": options})
    return linked


def promoted_pages(request, query):
    """Editors' picks for this query, limited to pages the searcher may read."""
    query_string = normalise_query_string(query)
    if query_string not in promoted_queries():
        return []
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=query_string)
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    readable = set(q.readable_pages(request).filter(pk__in=page_ids).values_list("pk", flat=True))
    return [p for p in promotions if p.page_id is None or p.page_id in readable]


def promoted_queries():
    """The queries editors pinned results for: most searches have none, and a promotion saved or
    deleted starts a new content generation."""
    return frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True))


def log_query(query, count):
    Query.get(query).add_hit()
    if count == 0:
        ZeroResultQuery.record(query)


def suggest(request):
    """Titles completing what has been typed so far, as JSON: [{"title", "url"}]."""
    query = q.clean_query(request.GET.get("q", ""))
    words = q.terms(query)
    if not words:
        return JsonResponse({"results": []})
    filters = q.Filters.from_params(request.GET)
    pages = filters.apply(q.readable_pages(request))
    results = get_search_backend().autocomplete(" ".join(words), pages)[:SUGGESTIONS]
    return JsonResponse(
        {"results": [{"title": page.title, "url": page.get_url(request)} for page in results]}
    )

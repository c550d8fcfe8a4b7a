import logging
from functools import partial

from django.core.paginator import Paginator
from django.db.models import F
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from home.models import Topic
from home.pagination import PAGE_SIZE
from portal.page_cache import Fragments

from . import query as q
from .engine import UNAVAILABLE
from .facets import facets
from .models import ZeroResultQuery
from .sections import search_sections

SUGGESTIONS = 8
logger = logging.getLogger(__name__)


def search(request):
    """Full-text search over every page type the searcher may read, with facets and promotions.

    A response to a query is never stored by a shared cache (`Cache-Control: no-store`): each
    search is counted when it is asked, so a cached page could never skip the count. While the
    search engine cannot answer, the page says so (503), and the rest of the site goes on."""
    query = q.clean_query(request.GET.get("q", ""))
    try:
        response = search_page(request, query)
    except UNAVAILABLE as error:
        logger.warning("The search engine did not answer: %s", error)
        context = {"query": query, "unavailable": True}
        response = TemplateResponse(request, "search/search.html", context, status=503)
        response["Retry-After"] = "60"
    if query:
        add_never_cache_headers(response)
    return response


def search_page(request, query):
    words = q.terms(query)
    filters = q.Filters.from_params(request.GET)
    refused = q.refused_paths(request)
    pages = filters.apply(q.readable_pages(request, refused))
    context = {"query": query, "filters": filters, "sort": filters.sort}
    if not words and not filters.active:
        context["topics"] = Topic.objects.filter(locale=filters.locale).order_by("name")
        context["sections"] = pages.filter(depth=3).order_by("path")
        return TemplateResponse(request, "search/search.html", context)

    # The pages found, their facets and promotions are the same for everyone refused the same
    # pages (the audience is in the fragments' key: a visitor never gets a member's), and kept
    # until a page is published or unpublished; the questions section is the reader's own.
    number = q.param(request.GET, "page")
    asked = urlencode({"q": query, **filters.active, "sort": filters.sort, "page": number})
    found = Fragments(request).get_or_set(
        "search-results",
        partial(render_results, request, pages, query, words, filters, number),
        ",".join(refused),
        asked,
    )
    context.update(
        found=found,
        sections=search_sections(request, words, filters) if words and found["first"] else [],
    )
    if query:
        count_search(query, found=found["count"])
    return TemplateResponse(request, "search/search.html", context)


def render_results(request, pages, query, words, filters, number):
    """{"facets", "matches": HTML; "count": pages found; "first": whether the first page}."""
    found, corrections = q.results(q.backend_for(filters), pages.specific(), words, filters.sort)
    page_obj = Paginator(found, PAGE_SIZE).get_page(number)
    marked = words + list(corrections.values())
    first = page_obj.number == 1
    params = {"q": query, **filters.active, "sort": filters.sort}
    correction = " ".join(corrections.get(word, word) for word in words) if corrections else ""
    context = {
        "request": request,
        "query": query,
        "filters": filters,
        "results": page_obj,
        "more": getattr(found, "more", False),
        "items": [{"page": page, "snippet": snippet(page, marked)} for page in page_obj],
        "facets": facet_links(facets(found), query, filters),
        "promotions": promoted_pages(pages, query) if query and first else [],
        "correction": correction,
        "correction_url": "?" + urlencode({**params, "q": correction}),
        "page_query": urlencode(params),
    }
    return {
        "facets": render_to_string("search/facets.html", context),
        "matches": render_to_string("search/matches.html", context),
        "count": page_obj.paginator.count,
        "first": first,
    }


def count_search(query, found):
    """Today's count of `query` in Wagtail's QueryDailyHits, and ours if it `found` nothing: one
    statement each once today's rows exist; Wagtail's `Query.get().add_hit()` makes the day's row
    (and would take three statements for every search)."""
    today = timezone.now().date()
    day = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query), date=today
    )
    if not day.update(hits=F("hits") + 1):
        Query.get(query).add_hit(today)
    if not found:
        ZeroResultQuery.record(day)


def snippet(page, words):
    """The passage the engine's highlighter chose (search/engine.py), or one cut from the page's
    text on the databases; escaped and marked here either way, never trusted as HTML."""
    passage = getattr(page, "search_highlight", None)
    if passage:
        passage = passage.replace("<mark>", "").replace("</mark>", "")
        return q.highlight(passage, q.term_pattern(words))
    return q.snippet(q.page_texts(page), words)


def facet_links(facets, query, filters):
    """Each facet option with the address that selects it (or clears it when already selected)."""
    for facet in facets:
        for option in facet["options"]:
            params = {"q": query, **filters.active, "sort": filters.sort}
            option["selected"] = params.get(facet["name"]) == option["value"]
            params[facet["name"]] = option["value"]
            if option["selected"]:
                params.pop(facet["name"])
            option["url"] = "?" + urlencode(params)
    return facets


def promoted_pages(pages, query):
    """Editors' picks for this query, limited to pages the searcher may read."""
    promotions = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
    promotions = list(promotions.select_related("page").order_by("sort_order"))
    ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    readable = set(pages.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    return [p for p in promotions if p.page_id is None or p.page_id in readable]


def suggest(request):
    """Titles completing what has been typed so far, as JSON: [{"title", "url"}]."""
    words = q.terms(q.clean_query(request.GET.get("q", "")))
    filters = q.Filters.from_params(request.GET)
    pages = filters.apply(q.readable_pages(request))
    try:
        found = q.backend_for(filters).autocomplete(" ".join(words), pages) if words else []
        found = list(found[:SUGGESTIONS])
    except UNAVAILABLE as error:
        logger.warning("The search engine did not answer: %s", error)
        found = []
    return JsonResponse(
        {"results": [{"title": page.title, "url": page.get_url(request)} for page in found]}
    )

import logging

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.models import Topic
from home.pagination import PAGE_SIZE

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
    try:
        return search_page(request)
    except UNAVAILABLE as error:
        logger.warning("The search engine did not answer: %s", error)
        context = {"query": q.clean_query(request.GET.get("q", "")), "unavailable": True}
        response = TemplateResponse(request, "search/search.html", context, status=503)
        response["Retry-After"] = "60"
        add_never_cache_headers(response)
        return response


def search_page(request):
    query = q.clean_query(request.GET.get("q", ""))
    words = q.terms(query)
    filters = q.Filters.from_params(request.GET)
    refusal = q.refused(request)

    def scope(model):
        return filters.apply(q.readable_pages(request, model, refusal))

    context = {"query": query, "filters": filters, "sort": filters.sort}
    if not words and not filters.active:
        context["topics"] = Topic.objects.filter(locale=filters.locale).order_by("name")
        context["sections"] = scope(Page).filter(depth=3).order_by("path")
        return TemplateResponse(request, "search/search.html", context)

    corrections = {}
    if words:
        backend = q.backend_for(filters)
        found = q.Results(backend, scope(Page), words, {}, filters.sort)
        if found.tier_count(0) < PAGE_SIZE and not hasattr(backend, "word_query"):
            corrections = q.corrections(words)
            if corrections:
                found = q.Results(backend, scope(Page), words, corrections, filters.sort)
    else:
        found = scope(Page).order_by("-first_published_at", "-pk")
    page_obj = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    specific = {
        page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in page_obj]).specific()
    }
    highlighted = words + list(corrections.values())
    context.update(
        results=page_obj,
        items=[
            {
                "page": specific[p.pk],
                "snippet": snippet(p, specific[p.pk], highlighted),
            }
            for p in page_obj
            if p.pk in specific
        ],
        facets=facet_links(facets(found), query, filters),
        promotions=promoted_pages(scope, query) if query and page_obj.number == 1 else [],
        sections=search_sections(request, words, filters) if words and page_obj.number == 1 else [],
        correction=" ".join(corrections.get(word, word) for word in words) if corrections else "",
        page_query=urlencode({"q": query, **filters.active, "sort": filters.sort}),
    )
    response = TemplateResponse(request, "search/search.html", context)
    if query:
        log_query(query, page_obj.paginator.count)
        add_never_cache_headers(response)
    return response


def snippet(result, page, words):
    """The passage the engine's highlighter chose (search/engine.py), or one cut from the page's
    text on the databases; escaped and marked here either way, never trusted as HTML."""
    passage = getattr(result, "search_highlight", None)
    if passage:
        return q.highlight(q.unmarked(passage), q.term_pattern(words))
    return q.snippet(q.page_texts(page), words)


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


def promoted_pages(scope, query):
    """Editors' picks for this query, limited to pages the searcher may read."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    readable = (
        set(scope(Page).filter(pk__in=page_ids).values_list("pk", flat=True)) if page_ids else set()
    )
    return [p for p in promotions if p.page_id is None or p.page_id in readable]


def log_query(query, count):
    """One row per normalised query per day with a count (Wagtail's QueryDailyHits), and the
    same for searches that found nothing."""
    Query.get(query).add_hit()
    if count == 0:
        ZeroResultQuery.record(query)


def suggest(request):
    """Titles completing what has been typed so far, as JSON: [{"title", "url"}]."""
    words = q.terms(q.clean_query(request.GET.get("q", "")))
    if not words:
        return JsonResponse({"results": []})
    filters = q.Filters.from_params(request.GET)
    pages = filters.apply(q.readable_pages(request))
    try:
        results = list(q.backend_for(filters).autocomplete(" ".join(words), pages)[:SUGGESTIONS])
    except UNAVAILABLE as error:
        logger.warning("The search engine did not answer: %s", error)
        results = []
    return JsonResponse(
        {"results": [{"title": page.title, "url": page.get_url(request)} for page in results]}
    )

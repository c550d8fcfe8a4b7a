from django.urls import path, reverse

from wagtail import hooks
from wagtail.contrib.search_promotions.wagtail_hooks import SearchPicksMenuItem

from .reports import SearchTermsView, ZeroResultQueriesView

REPORTS = {"search-terms": SearchTermsView, "searches-without-results": ZeroResultQueriesView}


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(f"reports/{slug}/{results}", view.as_view(results_only=bool(results)), name=name)
        for slug, view in REPORTS.items()
        for results, name in (("", view.index_url_name), ("results/", view.index_results_url_name))
    ]


@hooks.register("construct_reports_menu")
def replace_wagtails_search_terms(request, menu_items):
    """Our reports instead of Wagtail's superuser-only "Search terms", for whoever manages
    promotions (the rule of Wagtail's "Promoted search results" menu item)."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
    for order, view in enumerate(REPORTS.values(), start=1300):
        url = reverse(view.index_url_name)
        item = SearchPicksMenuItem(view.page_title, url, icon_name="search", order=order)
        if item.is_shown(request):
            menu_items.append(item)

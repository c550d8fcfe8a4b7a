from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import PopularQueriesView, ZeroResultQueriesView, permission_policy

REPORTS = [
    ("popular-searches/", PopularQueriesView, "search_popular_queries"),
    ("searches-without-results/", ZeroResultQueriesView, "search_zero_result_queries"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for route, view, name in REPORTS:
        urls.append(path(f"reports/{route}", view.as_view(), name=name))
        urls.append(
            path(
                f"reports/{route}results/", view.as_view(results_only=True), name=f"{name}_results"
            )
        )
    return urls


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_any_permission(request.user, ["add", "change", "delete"])


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return SearchReportMenuItem(
        _("Popular searches"),
        reverse("search_popular_queries"),
        name="popular-searches",
        icon_name="search",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_zero_result_searches_menu_item():
    return SearchReportMenuItem(
        _("Searches with no results"),
        reverse("search_zero_result_queries"),
        name="searches-without-results",
        icon_name="search",
        order=910,
    )

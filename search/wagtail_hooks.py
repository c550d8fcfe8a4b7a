from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import PopularQueriesView, ZeroResultQueriesView, permission_policy

REPORTS = [
    ("popular-searches/", PopularQueriesView, "search_popular_queries", 900),
    ("searches-without-results/", ZeroResultQueriesView, "search_zero_result_queries", 910),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for route, view, name, _order in REPORTS:
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


def report_menu_item(route, view, name, order):
    return lambda: SearchReportMenuItem(
        view.page_title, reverse(name), name=route.strip("/"), icon_name="search", order=order
    )


for report in REPORTS:
    hooks.register("register_reports_menu_item", report_menu_item(*report))

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import ZeroResultQueriesView as View


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/searches-without-results/", View.as_view(), name=View.index_url_name),
        path(
            "reports/searches-without-results/results/",
            View.as_view(results_only=True),
            name=View.index_results_url_name,
        ),
    ]


class ZeroResultQueriesMenuItem(MenuItem):
    def is_shown(self, request):
        return View.permission_policy.user_has_any_permission(
            request.user, View.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    url = reverse(View.index_url_name)
    return ZeroResultQueriesMenuItem(View.page_title, url, icon_name="search", order=1310)

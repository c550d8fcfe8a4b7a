"""The admin boundary for members, where Wagtail's page permissions alone let titles through.

A member's "add" permission on a knowledge index is enough, for Wagtail, to open the admin reports
(the page types report names the last edited page of every type), and a few views take page ids
without checking them against what the user may explore (the multiple page chooser's "chosen" step
and the bulk-action confirmations list any page by title). Members get neither.
"""

from wagtail.admin.auth import permission_denied

from .permissions import is_editor, is_member, others_unpublished_work

# Views that take page ids in `?id=` and show their titles whatever the user's permissions (bulk
# actions take images' and documents' ids too, with the model in the URL).
PAGE_ID_VIEWS = {"wagtailadmin_choose_page_chosen_multiple", "wagtail_bulk_action"}


class MemberAdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        reports = "wagtailadmin_reports" in match.namespaces
        names_pages = (
            match.url_name in PAGE_ID_VIEWS and view_kwargs.get("model_name", "page") == "page"
        )
        names_pages = names_pages and request.GET.getlist("id")
        if not (reports or names_pages) or not is_member(user) or is_editor(user):
            return None
        if reports:
            return permission_denied(request)
        ids = [value for value in request.GET.getlist("id") if value.isdigit()]
        if others_unpublished_work(user).filter(pk__in=ids).exists():
            return permission_denied(request)
        return None

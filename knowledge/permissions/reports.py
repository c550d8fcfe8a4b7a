"""Members get none of Wagtail's admin reports.

Wagtail lets anyone with "add", "change" or "publish" on some page open its reports, and the page
types report names the last edited page of every type, whoever's draft it is. Members need "add"
to write, and Wagtail routes its reports ahead of any hook's URLs with no per-report permission
to take away, so this is the one place left to refuse them (by the reports' URL namespace; page
ids are never read here: views that take them filter their own querysets, admin_views.py).
"""

from wagtail.admin.auth import permission_denied

from . import is_editor, is_member


class MemberAdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or "wagtailadmin_reports" not in match.namespaces:
            return None
        if user is not None and is_member(user) and not is_editor(user):
            return permission_denied(request)
        return None

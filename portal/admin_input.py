"""Wagtail admin views that hand query parameters to the database as typed, made to answer 400.

`Page.objects.filter(pk__in=["²"])` raises ValueError (`"²".isdigit()` is true, `int("²")` fails),
SQLite cannot hold a bigger integer than 64 bits, and PostgreSQL refuses a NUL in text: Wagtail's
page chooser, its bulk actions and its admin API answered 500 to such values. The views are wrapped
by routes of the same path and name placed ahead of Wagtail's own (`urlpatterns`, included by
portal/urls.py), with Wagtail's admin access check; the admin API's pages endpoint is
knowledge/permissions/admin_views.py's.

`RefuseOddAdminQueries` answers 400 for every admin view at once to a NUL anywhere in the query
string (Wagtail's listings hand their filters to the database as typed, `?locale=` among them,
and PostgreSQL refuses a NUL in text) and to search terms longer than any search (the search
backends nest a query node per word: some hundreds of words exceeded Python's recursion limit).
"""

import functools

from django.apps import apps
from django.core.exceptions import BadRequest, ValidationError
from django.urls import path, reverse
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as bulk_action
from wagtail.admin.views.chooser import BrowseView
from wagtail.models import Page

from portal.parameters import LARGEST_ID, NUL

# Longer than any search an editor types; far fewer words than break the search backends.
MAX_SEARCH_LENGTH = 255


class RefuseOddAdminQueries:
    """Answers 400 to an admin request whose query string holds a NUL (in a name or a value) or
    search terms (`q`) over MAX_SEARCH_LENGTH: no admin form or filter takes either."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(admin_prefix()):
            query = request.GET
            if any(NUL in name or NUL in "".join(values) for name, values in query.lists()):
                raise BadRequest("A NUL character in the query string")
            if any(len(terms) > MAX_SEARCH_LENGTH for terms in query.getlist("q")):
                raise BadRequest(f"Search terms longer than {MAX_SEARCH_LENGTH} characters")
        return self.get_response(request)


@functools.cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def is_id(model, value):
    """Whether `value` reads as a primary key of `model` that a database can hold."""
    try:
        pk = model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return not isinstance(pk, int) or 0 <= pk <= LARGEST_ID


def pages(**kwargs):
    return Page


def bulk_action_model(app_label, model_name, **kwargs):
    """The model a bulk action URL names, or None (Wagtail's view answers 404)."""
    try:
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None


def ids_or_400(view, names, model_for=pages, keep=()):
    """`view`, answering 400 when a value of the query parameters `names` (other than those in
    `keep`) is not an id of the model `model_for(**url_kwargs)` finds."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        model = model_for(**kwargs)
        values = [value for name in names for value in request.GET.getlist(name)]
        if model is not None and not all(value in keep or is_id(model, value) for value in values):
            raise BadRequest(f"{', '.join(names)}: not an id of {model._meta.label}")
        return view(request, *args, **kwargs)

    # As Wagtail decorates its own admin views.
    return never_cache(require_admin_access(wrapped))


# The chooser's root (its child pages and "chosen" step are in knowledge/permissions/admin_views.py)
# and every model's bulk actions (pages' are the boundary's classes, which Wagtail's bulk view
# dispatches to).
urlpatterns = [
    path(
        "admin/choose-page/",
        ids_or_400(BrowseView.as_view(), ["target_pages[]"], keep=[""]),  # Wagtail skips ""
        name="wagtailadmin_choose_page",
    ),
    path(
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
        ids_or_400(bulk_action, ["id", "childOf"], model_for=bulk_action_model, keep=["all"]),
        name="wagtail_bulk_action",
    ),
]

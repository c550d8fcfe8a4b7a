"""Wagtail admin views that hand query parameters to the database as typed, made to answer 400.

`Page.objects.filter(pk__in=["²"])` raises ValueError (`"²".isdigit()` is true, `int("²")` fails),
SQLite cannot hold a bigger integer than 64 bits, and PostgreSQL refuses a NUL in text: Wagtail's
page chooser, its bulk actions and its admin API answered 500 to such values. Each is wrapped
here through a public way in: the API endpoint by the `construct_admin_api` hook
(wagtail_hooks.py), the views by routes of the same path and name placed ahead of Wagtail's own
(`urlpatterns`, included by portal/urls.py), with Wagtail's admin access check.
"""

import functools

from django.apps import apps
from django.core.exceptions import BadRequest, ValidationError
from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as bulk_action
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from portal.parameters import LARGEST_ID, NUL


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


browse = ids_or_400(BrowseView.as_view(), ["target_pages[]"], keep=[""])  # Wagtail skips ""
urlpatterns = [
    path("admin/choose-page/", browse, name="wagtailadmin_choose_page"),
    path("admin/choose-page/<int:parent_page_id>/", browse, name="wagtailadmin_choose_page_child"),
    path(
        "admin/choose-page/chosen-multiple/",
        ids_or_400(ChosenMultipleView.as_view(), ["id"]),
        name="wagtailadmin_choose_page_chosen_multiple",
    ),
    path(
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
        ids_or_400(bulk_action, ["id", "childOf"], model_for=bulk_action_model, keep=["all"]),
        name="wagtail_bulk_action",
    ),
]


class PortalPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """Wagtail's admin pages endpoint, answering 400 to a NUL in any query parameter (its filters
    and search hand values to the database and the search backend as typed) and to a `find`
    by an id that is not one."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if any(NUL in value for _name, values in request.GET.lists() for value in values):
            raise BadRequestError("query parameters cannot hold a NUL character")

    def find_object(self, queryset, request):
        if "id" in request.GET and not is_id(Page, request.GET["id"]):
            raise BadRequestError("id is not an id")
        return super().find_object(queryset, request)

"""Admin views that take page ids, answering only with pages the user may see.

Wagtail's page chooser (browse and "chosen" steps) and its page bulk actions look ids up in every
page, whatever the user may explore; Django's integer lookups accept "41 ", "+41" or "4_1" as 41,
so no check on the id's text can keep another member's draft title out. Here the views' own
querysets go through the chooser's hooks and the page permission policy instead, and an id that
is not a page id (there, or in the admin API's `find/?id=`) is a 400 rather than a 500.
"""

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.db import connection
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.urls import path, reverse
from django.views.decorators.cache import never_cache

from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page
from wagtail.permissions import policy_registry

from portal.parameters import NUL

PAGE_ID_TYPE = Page._meta.pk.get_internal_type()


def page_ids(values):
    """The page ids in `values`, read as a form would; one that is not a number in the database's
    range of page ids is a bad request."""
    field = forms.IntegerField(
        min_value=1, max_value=connection.ops.integer_field_range(PAGE_ID_TYPE)[1]
    )
    try:
        return [field.clean(value) for value in values]
    except ValidationError as error:
        raise BadRequest("Page ids are numbers.") from error


def pages_named(pages, ids):
    """The pages among `pages` whose id is in `ids`."""
    return pages.filter(pk__in=page_ids(ids))


def choosable_pages(request):
    """Every page, through the hooks Wagtail's chooser lists pages with."""
    pages = Page.objects.all()
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    return pages


class ChoosablePagesBrowseView(BrowseView):
    """The page chooser's browsing, only into a page it would list (Wagtail opens any page and
    names it as the parent)."""

    def get(self, request, parent_page_id=None):
        if not pages_named(choosable_pages(request), [parent_page_id]).exists():
            raise Http404
        page_ids(value for value in request.GET.getlist("target_pages[]") if value)
        return super().get(request, parent_page_id)


class ChoosablePagesChosenMultipleView(ChosenMultipleView):
    """The multiple page chooser's last step, over the pages the chooser itself would offer."""

    def get(self, request):
        # The root is no page to choose (it has no parent).
        pages = choosable_pages(request).filter(depth__gt=1)
        chosen = pages_named(pages, request.GET.getlist("id")).specific()
        return self.render_chosen_response(
            [
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "url": page.url,
                }
                for page in chosen
            ]
        )


class PortalPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages endpoint, answering 400 to a NUL in any query parameter (its filters
    and search hand values to the database as typed) and to a `find/?id=` that is not an id."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if any(NUL in value for _name, values in request.GET.lists() for value in values):
            raise BadRequestError("Query parameters cannot hold a NUL character.")

    def find_object(self, queryset, request):
        try:
            page_ids(request.GET.getlist("id"))
        except BadRequest as error:
            raise BadRequestError(str(error)) from error
        return super().find_object(queryset, request)


class ExplorablePagesMixin:
    """A page bulk action over the pages the user may explore (the page permission policy)."""

    def get_queryset(self, model, object_ids):
        pages = policy_registry.get_by_type(Page).explorable_instances(self.request.user)
        return get_list_or_404(pages_named(pages, object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        if parent_id is not None and not pages_named(Page.objects.all(), [parent_id]).exists():
            raise BadRequest("No such parent page.")
        return super().get_all_objects_in_listing_query(parent_id)


class ExplorableDeleteBulkAction(ExplorablePagesMixin, DeleteBulkAction):
    pass


class ExplorableMoveBulkAction(ExplorablePagesMixin, MoveBulkAction):
    pass


class ExplorablePublishBulkAction(ExplorablePagesMixin, PublishBulkAction):
    pass


class ExplorableUnpublishBulkAction(ExplorablePagesMixin, UnpublishBulkAction):
    pass


BULK_ACTIONS = [
    ExplorableDeleteBulkAction,
    ExplorableMoveBulkAction,
    ExplorablePublishBulkAction,
    ExplorableUnpublishBulkAction,
]

# Wagtail routes its chooser before any hook's admin URLs and gives these views no hook for the
# pages they name, so the project's URLconf puts these routes ahead of Wagtail's (portal/urls.py).
urlpatterns = [
    path(
        "admin/choose-page/<int:parent_page_id>/",
        never_cache(require_admin_access(ChoosablePagesBrowseView.as_view())),
    ),
    path(
        "admin/choose-page/chosen-multiple/",
        never_cache(require_admin_access(ChoosablePagesChosenMultipleView.as_view())),
    ),
]

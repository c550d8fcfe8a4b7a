"""Editors' admin reports (articles past their review-by date) and the member-safe page views."""

import swapper

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.page_cache import purge

from .models import KnowledgeArticlePage
from .permissions import is_editor, own_or_live

Page = swapper.load_model("wagtailcore", "Page")


class EditorReportView(ReportView):
    """Only people who may publish pages (editors, administrators) see these reports."""

    permission_policy = PagePermissionPolicy()
    permission_required = "publish"


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


class FormColumn(Column):
    """A column with a form in each row, so each cell needs the CSRF token."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(context["request"])
        return context


class StillAccurateColumn(FormColumn):
    """A "Mark as still accurate" form per row."""

    cell_template_name = "knowledge/admin/still_accurate_cell.html"


class OutOfDateView(EditorReportView):
    page_title = _("Articles past their review date")
    header_icon = "time"
    index_url_name = "knowledge_out_of_date"
    index_results_url_name = "knowledge_out_of_date_results"
    columns = [
        TitleColumn(
            "title",
            label=_("Article"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        DateColumn("review_by", label=_("Review by")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        UserColumn("owner", label=_("Author")),
        StillAccurateColumn("still_accurate", label=_("Checked it?")),
    ]

    def get_queryset(self):
        return (
            KnowledgeArticlePage.objects.live()
            .filter(review_by__lt=timezone.localdate())
            .select_related("owner")
            .order_by("review_by", "title")
        )


class MemberSafePageSearchView(SearchView):
    """The admin's page search, without other members' drafts (it has no queryset hook)."""

    def annotate_queryset(self, pages):
        return own_or_live(super().annotate_queryset(pages), self.request.user)


class ExplorablePageIndexView(ExplorableIndexView):
    """The explorer, only of a page the user may explore: Wagtail checks only that the page is
    below the user's explorable root, and names it in the title."""

    def get(self, request, parent_page_id=None):
        explorable = self.permission_policy.explorable_instances(request.user)
        if parent_page_id and not explorable.filter(pk=parent_page_id).exists():
            raise Http404
        return super().get(request, parent_page_id)


class PortalPageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with the member-safe explorer and search."""

    index_view_class = ExplorablePageIndexView
    search_view_class = MemberSafePageSearchView


@require_POST
def still_accurate(request, page_id):
    """An editor confirms a live article is still accurate: a new review date, no new revision."""
    article = get_object_or_404(KnowledgeArticlePage.objects.live(), pk=page_id)
    if not article.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    article.mark_reviewed(article.live_revision, renew=True)
    purge([article])
    messages.success(
        request,
        _("“%(title)s” marked as still accurate; next review by %(date)s.")
        % {"title": article.title, "date": date_format(article.review_by)},
    )
    return redirect(get_valid_next_url_from_request(request) or "knowledge_out_of_date")

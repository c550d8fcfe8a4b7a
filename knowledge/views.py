"""Editors' admin reports (articles past their review-by date) and the member-safe page views."""

import swapper

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

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

"""Editors' admin reports: the knowledge review queue and articles past their review-by date."""

import swapper

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import KnowledgeArticlePage
from .permissions import own_or_live
from .roles import WORKFLOW_NAME

Page = swapper.load_model("wagtailcore", "Page")


class EditorReportView(ReportView):
    """Only people who may publish pages (editors, administrators) see these reports."""

    permission_policy = PagePermissionPolicy()
    permission_required = "publish"


class WaitingColumn(Column):
    def get_value(self, instance):
        return timesince(instance.started_at, timezone.now())


class ReviewQueueView(EditorReportView):
    page_title = _("Knowledge review queue")
    header_icon = "tasks"
    index_url_name = "knowledge_review_queue"
    index_results_url_name = "knowledge_review_queue_results"
    columns = [
        TitleColumn(
            "page",
            label=_("Article"),
            accessor="workflow_state.content_object.get_admin_display_title",
            get_url=lambda state: reverse(
                "wagtailadmin_pages:edit", args=[state.workflow_state.object_id]
            ),
        ),
        UserColumn("requested_by", label=_("From"), accessor="workflow_state.requested_by"),
        DateColumn("started_at", label=_("Submitted")),
        WaitingColumn("waiting", label=_("Waiting for")),
        TitleColumn(
            "compare",
            label=_("Changes"),
            accessor="compare_label",
            get_url=lambda state: state.compare_url,
        ),
    ]

    def get_queryset(self):
        return (
            TaskState.objects.reviewable_by(self.request.user)
            .filter(workflow_state__workflow__name=WORKFLOW_NAME)
            .select_related("workflow_state__requested_by__wagtail_userprofile", "revision")
            .prefetch_related("workflow_state__content_object")
            .order_by("started_at")
        )

    def decorate_paginated_queryset(self, object_list):
        """Link each submission to what changed since the page's previous one, read in one query."""
        earlier = {}  # page id -> [(task state pk, revision id)], oldest first
        for page_id, pk, revision_id in (
            TaskState.objects.filter(
                workflow_state__object_id__in={s.workflow_state.object_id for s in object_list}
            )
            .order_by("pk")
            .values_list("workflow_state__object_id", "pk", "revision_id")
        ):
            earlier.setdefault(page_id, []).append((pk, revision_id))
        for state in object_list:
            page_id = state.workflow_state.object_id
            previous = next(
                (
                    revision_id
                    for pk, revision_id in reversed(earlier.get(page_id, []))
                    if pk < state.pk and revision_id != state.revision_id
                ),
                None,
            )
            if previous:
                state.compare_label = _("Compare with the previous submission")
                state.compare_url = reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[page_id, previous, state.revision_id],
                )
            else:
                state.compare_label = _("First submission: view the draft")
                state.compare_url = reverse(
                    "wagtailadmin_pages:workflow_preview",
                    args=[page_id, state.task_id],
                )
        return object_list


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

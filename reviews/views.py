"""The review queue: every submission editors may review, with filters, due dates and claims."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn, UserColumn
from wagtail.models import TaskState

from knowledge.views import EditorReportView, FormColumn

from .filters import ReviewQueueFilterSet
from .models import Claim
from .service_level import due_date


class SubmissionPaginator(WagtailPaginator):
    """Counts what editors review: "3 submissions", not "3 task states"."""

    @property
    def items_count_label(self):
        return ngettext("%(count)s submission", "%(count)s submissions", self.count) % {
            "count": self.count
        }


class WaitingColumn(Column):
    def get_value(self, instance):
        return timesince(instance.started_at, timezone.now())


class DueColumn(Column):
    cell_template_name = "reviews/due_cell.html"


class ClaimColumn(FormColumn):
    """ "I'll review this" or "Release": a form per row."""

    cell_template_name = "reviews/claim_cell.html"


class TypeColumn(Column):
    def get_value(self, instance):
        return instance.workflow_state.content_type.model_class()._meta.verbose_name.capitalize()


class ReviewQueueView(EditorReportView):
    page_title = _("Review queue")
    header_icon = "tasks"
    index_url_name = "reviews_queue"
    index_results_url_name = "reviews_queue_results"
    filterset_class = ReviewQueueFilterSet
    paginator_class = SubmissionPaginator
    columns = [
        TitleColumn(
            "page",
            label=_("Submission"),
            accessor="workflow_state.content_object.get_admin_display_title",
            get_url=lambda state: reverse(
                "wagtailadmin_pages:edit", args=[state.workflow_state.object_id]
            ),
        ),
        TypeColumn("type", label=_("Type")),
        LocaleColumn(
            accessor="workflow_state.content_object.locale_id", label=_("Language"), sort_key=None
        ),
        UserColumn("requested_by", label=_("From"), accessor="workflow_state.requested_by"),
        DateColumn("started_at", label=_("Submitted")),
        WaitingColumn("waiting", label=_("Waiting for")),
        DueColumn("due", label=_("Due")),
        ClaimColumn("claim", label=_("Reviewer")),
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
            .select_related(
                "workflow_state__requested_by__wagtail_userprofile",
                "workflow_state__content_type",
                "revision",
                "claim__reviewer",
            )
            .prefetch_related("workflow_state__content_object")
            .order_by("started_at")
        )

    def decorate_paginated_queryset(self, object_list):
        """Each submission's due date, and a link to what changed since the page's previous
        submission, read in one query."""
        today = timezone.localdate()
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
            state.due = due_date(state.started_at)
            state.overdue = state.due < today
            state.claimed_by = state.claim.reviewer if hasattr(state, "claim") else None
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


def reviewable_state(request, task_state_id):
    """A submission in review that the user may review; anything else is a 404."""
    return get_object_or_404(
        TaskState.objects.reviewable_by(request.user).filter(status=TaskState.STATUS_IN_PROGRESS),
        pk=task_state_id,
    )


@require_POST
def claim(request, task_state_id):
    state = reviewable_state(request, task_state_id)
    try:
        with transaction.atomic():
            Claim.objects.create(task_state=state, reviewer=request.user)
    except IntegrityError:
        messages.error(request, _("Someone else has just claimed this submission."))
    else:
        messages.success(request, _("You are reviewing this submission."))
    return redirect("reviews_queue")


@require_POST
def release(request, task_state_id):
    state = reviewable_state(request, task_state_id)
    Claim.objects.filter(task_state=state, reviewer=request.user).delete()
    messages.success(request, _("You released this submission for another editor."))
    return redirect("reviews_queue")

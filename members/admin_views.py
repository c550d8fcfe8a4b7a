"""Wagtail admin: reviewing applications and moderating comments, each decision a POST."""

import django_filters
from django_comments_xtd.models import XtdComment

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic

from moderation.forms import DismissForm
from moderation.models import FlagReview, needs_action, open_reports

from . import applications
from .models import MembershipApplication


class DecisionView(View):
    """A POST-only action on one object, allowed to those with the viewset's change permission."""

    http_method_names = ["post"]
    permission_policy = None
    model = None
    inspect_url_name = None

    def post(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=pk)
        self.decide(request, obj)
        return redirect(self.inspect_url_name, pk)


class ReviewIndexView(generic.IndexView):
    """Rows open the review (inspect) page, where the decisions are."""

    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)


class ApplicationFilterSet(WagtailFilterSet):
    class Meta:
        model = MembershipApplication
        fields = ["status", "region"]


class DecisionInspectView(generic.InspectView):
    """The review page; its template posts to the decision views named in decision_url_names."""

    decision_url_names = {}


class ApplicationInspectView(DecisionInspectView):
    template_name = "members/admin/application_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_decide"] = self.object.is_pending and self.user_has_permission("change")
        return context


class ApproveApplicationView(DecisionView):
    model = MembershipApplication

    def decide(self, request, application):
        if not application.is_pending:
            messages.error(request, _("This application has already been decided."))
            return
        user = applications.approve(application, by=request.user)
        messages.success(
            request,
            _("Approved: %(name)s can now set a password and log in as “%(username)s”.")
            % {"name": application.name, "username": user.get_username()},
        )


class DeclineApplicationView(DecisionView):
    model = MembershipApplication

    def decide(self, request, application):
        if not application.is_pending:
            messages.error(request, _("This application has already been decided."))
            return
        applications.decline(application, by=request.user)
        messages.success(
            request, _("Declined; %(name)s has been told.") % {"name": application.name}
        )


class CommentFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("Show"),
        choices=[("needs_action", gettext_lazy("Needs action"))],
        empty_label=gettext_lazy("All comments"),
        method="filter_state",
    )
    is_public = django_filters.BooleanFilter(label=gettext_lazy("Approved"))
    is_removed = django_filters.BooleanFilter(label=gettext_lazy("Removed"))
    flagged = django_filters.BooleanFilter(label=gettext_lazy("Flagged"), method="filter_flagged")

    class Meta:
        model = XtdComment
        fields = ["is_public", "is_removed"]

    def filter_flagged(self, queryset, name, value):
        return queryset.filter(flag_count__gt=0) if value else queryset.filter(flag_count=0)

    def filter_state(self, queryset, name, value):
        return needs_action(queryset)


def comment_excerpt(comment):
    return Truncator(comment.comment).chars(120)


def comment_page(comment):
    page = comment.content_object
    return format_html('<a href="{}">{}</a>', page.url, page.title) if page else "-"


class CommentIndexView(ReviewIndexView):
    """Opens on what needs a moderator ("Show: All comments" lists everything)."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "state" not in self.request.GET:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["state"] = "needs_action"
        return kwargs

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user", "content_type")
            .prefetch_related("content_object")
            .annotate(flag_count=Count("flags"))
            .order_by("-submit_date")
        )


COMMENT_COLUMNS = [
    TitleColumn(
        "comment",
        label=gettext_lazy("Comment"),
        accessor=comment_excerpt,
        url_name="member_comments:inspect",
    ),
    Column("user_name", label=gettext_lazy("By")),
    Column("page", label=gettext_lazy("On"), accessor=comment_page),
    DateColumn("submit_date", label=gettext_lazy("Posted")),
    BooleanColumn("is_public", label=gettext_lazy("Approved")),
    BooleanColumn("is_removed", label=gettext_lazy("Removed")),
    Column("flag_count", label=gettext_lazy("Flags")),
]


class CommentInspectView(DecisionInspectView):
    template_name = "members/admin/comment_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["flags"] = self.object.flags.select_related("user", "review__dismissed_by")
        context["can_moderate"] = self.user_has_permission("change")
        context["open_reports"] = open_reports().filter(comment=self.object).exists()
        return context


class ApproveCommentView(DecisionView):
    model = XtdComment

    def decide(self, request, comment):
        comment.is_public = True
        comment.is_removed = False
        comment.save()  # notifications.signals tells the members concerned
        messages.success(request, _("The comment is approved and shown."))


class RemoveCommentView(DecisionView):
    model = XtdComment

    def decide(self, request, comment):
        comment.is_removed = True
        comment.save()
        messages.success(request, _("The comment has been removed."))


class DismissReportsView(DecisionView):
    """Leave a reported comment up: its open reports are dismissed, with the moderator's reason."""

    model = XtdComment

    def decide(self, request, comment):
        form = DismissForm(request.POST)
        if not form.is_valid():
            messages.error(
                request, _("Say why the comment stays, so the decision can be explained.")
            )
            return
        dismissal = {
            "dismissed_at": timezone.now(),
            "dismissed_by": request.user,
            "dismissal_reason": form.cleaned_data["reason"],
        }
        for flag in open_reports().filter(comment=comment):
            FlagReview.objects.update_or_create(
                flag=flag,
                defaults=dismissal,
                create_defaults={"reason": FlagReview.Reason.OTHER, **dismissal},
            )
        messages.success(request, _("The reports are dismissed; the comment stays."))

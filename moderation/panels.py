"""The editors' dashboard panel: what waits for a moderator, each count linking to its list."""

from django_comments_xtd.models import XtdComment

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from members.models import MembershipApplication
from questions.admin_views import unanswered_questions

from .models import open_reports


def link(url_name, **params):
    url = reverse(url_name)
    return f"{url}?{urlencode(params)}" if params else url


class NeedsActionPanel(Component):
    name = "needs_action"
    template_name = "moderation/needs_action_panel.html"
    order = 40

    def get_context_data(self, parent_context):
        comments = XtdComment.objects.filter(is_removed=False)
        reported = comments.filter(pk__in=open_reports().values("comment_id"))
        return {
            "rows": [
                (
                    _("Comments waiting for approval"),
                    comments.filter(is_public=False).count(),
                    link("member_comments:index", state="needs_action", is_public="false"),
                ),
                (
                    _("Reported comments"),
                    reported.count(),
                    link("member_comments:index", state="needs_action", flagged="true"),
                ),
                (
                    _("Applications to join"),
                    MembershipApplication.objects.filter(
                        status=MembershipApplication.Status.PENDING
                    ).count(),
                    link("membership_applications:index", status="pending"),
                ),
                (
                    _("Unanswered questions"),
                    unanswered_questions().count(),
                    link("questions_unanswered"),
                ),
            ]
        }

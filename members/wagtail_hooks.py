from django_comments_xtd.models import XtdComment

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .choosers import author_chooser, member_chooser
from .models import MembershipApplication


class DecisionViewSet(ModelViewSet):
    """Listing and review pages, plus POST-only decisions named in `decisions`."""

    inspect_view_enabled = True
    copy_view_enabled = False
    decisions = {}

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            decision_url_names={name: self.get_url_name(name) for name in self.decisions},
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            *(
                path(
                    f"{name}/<int:pk>/",
                    view_class.as_view(
                        permission_policy=self.permission_policy,
                        inspect_url_name=self.get_url_name("inspect"),
                    ),
                    name=name,
                )
                for name, view_class in self.decisions.items()
            ),
        ]


class ApplicationViewSet(DecisionViewSet):
    model = MembershipApplication
    icon = "user"
    menu_label = _("Applications")
    url_prefix = "members/applications"
    index_view_class = admin_views.ReviewIndexView
    inspect_view_class = admin_views.ApplicationInspectView
    list_display = ["name", "organisation", "region", "status", "submitted_at"]
    filterset_class = admin_views.ApplicationFilterSet
    search_fields = ["name", "organisation"]
    form_fields = ["name", "email", "organisation", "role", "region", "expertise", "hopes_to_share"]
    inspect_view_fields = [
        "name",
        "email",
        "organisation",
        "role",
        "region",
        "expertise",
        "hopes_to_share",
        "listed_in_directory",
        "status",
        "submitted_at",
        "decided_at",
        "decided_by",
    ]
    decisions = {
        "approve": admin_views.ApproveApplicationView,
        "decline": admin_views.DeclineApplicationView,
    }


class CommentViewSet(DecisionViewSet):
    model = XtdComment
    icon = "comment"
    menu_label = _("Comments")
    url_prefix = "members/comments"
    index_view_class = admin_views.CommentIndexView
    inspect_view_class = admin_views.CommentInspectView
    list_display = admin_views.COMMENT_COLUMNS
    filterset_class = admin_views.CommentFilterSet
    form_fields = ["is_public", "is_removed"]
    inspect_view_fields = [
        "user_name",
        "user_email",
        "submit_date",
        "comment",
        "is_public",
        "is_removed",
    ]
    decisions = {
        "approve": admin_views.ApproveCommentView,
        "remove": admin_views.RemoveCommentView,
        "dismiss": admin_views.DismissReportsView,
    }


class CommunityGroup(ViewSetGroup):
    menu_label = _("Community")
    menu_icon = "group"
    menu_order = 250
    items = [ApplicationViewSet("membership_applications"), CommentViewSet("member_comments")]


@hooks.register("register_admin_viewset")
def register_community():
    return CommunityGroup()


@hooks.register("register_admin_viewset")
def register_people_choosers():
    return [member_chooser, author_chooser]

"""Editors moderate questions, answers and flags in the admin, and see unanswered questions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import is_moderator
from .admin_views import QuestionsGroup, UnansweredView
from .search import question_section


@hooks.register("register_admin_viewset")
def register_questions_viewsets():
    return QuestionsGroup()


@hooks.register("register_admin_urls")
def register_unanswered_report():
    return [
        path("questions/unanswered/", UnansweredView.as_view(), name="questions_unanswered"),
        path(
            "questions/unanswered/results/",
            UnansweredView.as_view(results_only=True),
            name="questions_unanswered_results",
        ),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_reports_menu_item")
def register_unanswered_menu_item():
    return ModeratorMenuItem(
        _("Unanswered questions"),
        reverse("questions_unanswered"),
        name="questions-unanswered",
        icon_name="help",
        order=70,
    )


# Questions in site search, as a section of the search page (search/sections.py).
hooks.register("register_search_section", question_section)

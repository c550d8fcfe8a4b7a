"""Editors' admin: questions and answers to moderate, members' flags, and unanswered questions."""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Answer, Flag, Question, State

UNANSWERED_AFTER = datetime.timedelta(days=3)


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    form_fields = ["title", "details", "state", "is_public", "locked"]
    list_display = ["title", "author", "state", "is_public", "locked", "created_at"]
    list_filter = ["state", "is_public", "locked"]
    search_fields = ["title", "details"]


class AnswerViewSet(ModelViewSet):
    model = Answer
    icon = "comment"
    menu_label = _("Answers")
    form_fields = ["body", "state"]
    list_display = ["__str__", "question", "state", "is_accepted", "created_at"]
    list_filter = ["state", "is_accepted"]


class FlagViewSet(ModelViewSet):
    model = Flag
    icon = "warning"
    menu_label = _("Flags")
    form_fields = ["resolved"]
    list_display = ["__str__", "user", "reason", "created_at", "resolved"]
    list_filter = ["resolved"]


class QuestionsGroup(ModelViewSetGroup):
    menu_label = _("Questions")
    menu_icon = "help"
    menu_order = 250
    items = (QuestionViewSet, AnswerViewSet, FlagViewSet)


def unanswered_questions(now=None):
    """Published questions with no published answer, asked more than three days ago."""
    now = now or timezone.now()
    answered = Answer.objects.filter(question=OuterRef("pk"), state=State.PUBLISHED)
    return (
        Question.objects.filter(
            state=State.PUBLISHED,
            merged_into__isnull=True,
            created_at__lt=now - UNANSWERED_AFTER,
        )
        .exclude(Exists(answered))
        .select_related("author")
        .prefetch_related("topics")
        .order_by("created_at")
    )


class UnansweredView(ReportView):
    page_title = _("Unanswered questions")
    header_icon = "help"
    index_url_name = "questions_unanswered"
    index_results_url_name = "questions_unanswered_results"
    permission_policy = ModelPermissionPolicy(Question)
    permission_required = "change"
    columns = [
        TitleColumn(
            "title",
            label=_("Question"),
            get_url=lambda question: question.get_absolute_url(),
        ),
        Column(
            "topics",
            label=_("Topics"),
            accessor=lambda question: ", ".join(t.name for t in question.topics.all()),
        ),
        UserColumn("author", label=_("Asked by")),
        DateColumn("created_at", label=_("Asked")),
    ]

    def get_queryset(self):
        return unanswered_questions()

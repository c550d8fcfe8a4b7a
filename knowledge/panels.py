"""The "My articles" dashboard panel: each of a member's articles with where it stands."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from .models import KnowledgeArticlePage, KnowledgeIndexPage

STATUS_LABELS = {
    "draft": _("Draft"),
    "in_review": _("In review"),
    "changes_requested": _("Changes requested"),
    "published": _("Published"),
    "published_with_draft": _("Published, with unpublished changes"),
}


def article_statuses(user):
    """The user's articles (owned or co-written), newest edit first, with status and comment."""
    articles = list(
        KnowledgeArticlePage.objects.filter(Q(owner=user) | Q(authors=user))
        .distinct()
        .select_related("locale")
        .order_by("-latest_revision_created_at", "-pk")
    )
    states = {
        state.object_id: state
        for state in WorkflowState.objects.filter(
            object_id__in=[str(article.pk) for article in articles],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).select_related("current_task_state")
    }
    for article in articles:
        state = states.get(str(article.pk))
        article.review_comment = ""
        if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
            article.status = "in_review"
        elif state:
            article.status = "changes_requested"
            article.review_comment = state.current_task_state.comment
        elif article.live:
            article.status = (
                "published_with_draft" if article.has_unpublished_changes else "published"
            )
        else:
            article.status = "draft"
        article.status_label = STATUS_LABELS[article.status]
    return articles


class MyArticlesPanel(Component):
    name = "my_articles"
    template_name = "knowledge/admin/my_articles_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {
            "articles": article_statuses(self.user),
            "index": KnowledgeIndexPage.objects.live().first(),
        }

"""Reminders that keep reviews moving, each sent once per event through `notify()` (its key names
the event, so running the command again sends nothing new)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.models import TaskState

from knowledge.models import KnowledgeArticlePage
from knowledge.roles import EDITORS
from notifications.service import notify

from .service_level import overdue_before


def editors():
    return list(get_user_model().objects.filter(groups__name=EDITORS, is_active=True))


def edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def reviewers_of(state):
    """Whoever claimed the submission, else everyone in the task's reviewing groups."""
    claim = getattr(state, "claim", None)
    if claim is not None:
        return [claim.reviewer]
    groups = getattr(state.task.specific, "groups", None)
    if groups is None:
        return editors()
    return list(get_user_model().objects.filter(groups__in=groups.all(), is_active=True).distinct())


def overdue_submissions(today):
    """Tell reviewers, once per submission, that it is past its due date."""
    states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS, started_at__date__lt=overdue_before(today)
        )
        .select_related("task", "claim__reviewer")
        .prefetch_related("workflow_state__content_object")
    )
    count = 0
    for state in states:
        page = state.workflow_state.content_object
        for reviewer in reviewers_of(state):
            key = f"submission_overdue:{state.pk}"
            title = page.get_admin_display_title()
            count += bool(notify(reviewer, "submission_overdue", key, title, edit_url(page.pk)))
    return count


def authors_of(article):
    return [article.owner, *article.authors.all()] if article.owner else list(article.authors.all())


def review_dates(today):
    """An article that reaches its review date: its authors and the editors, once per date.
    Past it, its authors again once a month (from the month after), until someone reviews it."""
    articles = (
        KnowledgeArticlePage.objects.live()
        .filter(review_by__lte=today)
        .select_related("owner")
        .prefetch_related("authors")
    )
    month_start = today.replace(day=1)
    team = editors()
    count = 0
    for article in articles:
        title, url = article.title, edit_url(article.pk)
        key = f"review_date:{article.pk}:{article.review_by.isoformat()}"
        for person in {*authors_of(article), *team}:
            count += bool(notify(person, "review_date", key, title, url))
        if article.review_by < month_start:
            key = f"review_overdue:{article.pk}:{today:%Y-%m}"
            for author in authors_of(article):
                count += bool(notify(author, "review_overdue", key, title, url))
    return count


def send_all(today=None):
    today = today or timezone.localdate()
    return overdue_submissions(today) + review_dates(today)

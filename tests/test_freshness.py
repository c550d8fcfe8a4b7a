"""Keeping knowledge fresh: editors confirm an article is still accurate (no new revision), and
publishing an overdue article reviews it."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from knowledge.models import REVIEW_PERIOD, KnowledgeArticlePage
from tests.helpers import login

LONG_AGO = datetime.date(2020, 1, 1)


@pytest.fixture
def overdue(home):
    index = KnowledgeIndexPageFactory(parent=home)
    article = KnowledgeArticlePageFactory(parent=index, title="Old fax advice")
    article.save_revision().publish()
    # Years later: the review date passed (set as the publish of that day would have).
    KnowledgeArticlePage.objects.filter(pk=article.pk).update(review_by=LONG_AGO)
    return KnowledgeArticlePage.objects.get(pk=article.pk)


def report(user):
    return login(user).get(reverse("knowledge_out_of_date")).content.decode()


def test_editor_marks_an_article_still_accurate_without_a_new_revision(overdue, editor):
    revisions = overdue.revisions.count()
    assert "Old fax advice" in report(editor) and "Mark as still accurate" in report(editor)
    response = login(editor).post(reverse("knowledge_still_accurate", args=[overdue.pk]))
    assert response.status_code == 302
    overdue.refresh_from_db()
    today = timezone.localdate()
    assert overdue.last_reviewed == today and overdue.review_by == today + REVIEW_PERIOD
    assert overdue.revisions.count() == revisions
    assert overdue.live_revision.as_object().review_by == today + REVIEW_PERIOD
    assert "Old fax advice" not in report(editor)


def test_members_cannot_mark_an_article_still_accurate(overdue, member):
    response = login(member).post(reverse("knowledge_still_accurate", args=[overdue.pk]))
    assert response.status_code in (302, 403)
    overdue.refresh_from_db()
    assert overdue.review_by == LONG_AGO
    assert login(member).get(
        reverse("knowledge_still_accurate", args=[overdue.pk])
    ).status_code in (
        302,
        403,
        405,
    )


def test_publishing_an_overdue_article_takes_it_off_the_past_review_date_report(overdue, editor):
    overdue.title = "Old fax advice, revised"
    overdue.save_revision(user=editor).publish(user=editor)
    overdue.refresh_from_db()
    assert overdue.review_by > timezone.localdate()
    assert overdue.last_reviewed == timezone.localdate()
    assert "Old fax advice" not in report(editor)

"""Moderation that ends: reports carry reasons, moderators dismiss them with a reason, the list
opens on what needs action, and editors see what waits for them on the dashboard."""

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.urls import reverse

from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from members.factories import MembershipApplicationFactory, approved_comment
from moderation.models import FlagReview
from tests.helpers import login


@pytest.fixture
def article(home):
    index = KnowledgeIndexPageFactory(parent=home)
    return KnowledgeArticlePageFactory(parent=index, title="Moving email to the cloud")


@pytest.fixture
def reported(article, member, other_member):
    comment = approved_comment(article, other_member, text="Buy cheap watches here.")
    login(member).post(
        reverse("comments-flag", args=[comment.pk]),
        {"reason": "spam", "details": "Advertising.", "next": article.url},
    )
    return comment


def test_a_report_carries_the_members_reason(reported, member):
    review = FlagReview.objects.get(flag__comment=reported, flag__user=member)
    assert review.reason == "spam" and review.details == "Advertising."


def test_a_report_without_a_reason_is_refused_and_records_nothing(article, member, other_member):
    comment = approved_comment(article, other_member, text="Fine words.")
    response = login(member).post(reverse("comments-flag", args=[comment.pk]), {"reason": "x"})
    assert response.status_code == 400
    assert "Spam or advertising" in response.content.decode()
    assert not CommentFlag.objects.exists()


def test_the_moderation_list_opens_on_what_needs_action(article, reported, editor, other_member):
    approved_comment(article, other_member, text="A helpful, unreported comment.")
    held = approved_comment(article, other_member, text="Held for approval.")
    XtdComment.objects.filter(pk=held.pk).update(is_public=False)
    as_editor = login(editor)
    listing = as_editor.get(reverse("member_comments:index")).content.decode()
    assert "Buy cheap watches" in listing and "Held for approval." in listing
    assert "A helpful, unreported comment." not in listing
    everything = as_editor.get(reverse("member_comments:index"), {"state": ""}).content.decode()
    assert "A helpful, unreported comment." in everything


def test_a_moderator_dismisses_reports_with_a_reason_and_the_comment_stays(reported, editor):
    as_editor = login(editor)
    dismiss = reverse("member_comments:dismiss", args=[reported.pk])
    as_editor.post(dismiss, {"reason": ""})
    assert not FlagReview.objects.filter(dismissed_at__isnull=False).exists()

    as_editor.post(dismiss, {"reason": "A legitimate supplier the group asked about."})
    review = FlagReview.objects.get()
    assert review.dismissed_by == editor and review.dismissed_at is not None
    reported.refresh_from_db()
    assert reported.is_public and not reported.is_removed
    listing = as_editor.get(reverse("member_comments:index")).content.decode()
    assert "Buy cheap watches" not in listing
    inspect = as_editor.get(reverse("member_comments:inspect", args=[reported.pk]))
    assert "A legitimate supplier" in inspect.content.decode()


def test_members_cannot_dismiss_reports(reported, member):
    login(member).post(reverse("member_comments:dismiss", args=[reported.pk]), {"reason": "no"})
    assert not FlagReview.objects.filter(dismissed_at__isnull=False).exists()


def test_editors_dashboard_shows_what_needs_action(reported, editor, member):
    MembershipApplicationFactory()
    html = login(editor).get(reverse("wagtailadmin_home")).content.decode()
    assert "Needs action" in html
    assert "Reported comments" in html and "Applications to join" in html
    assert "Unanswered questions" in html
    assert "Needs action" not in login(member).get(reverse("wagtailadmin_home")).content.decode()

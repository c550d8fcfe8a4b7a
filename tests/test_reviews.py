"""Review outcomes told to authors, the review queue editors run, and the reminders that keep it
moving: each message once, in its recipient's language, with the page's title and a link."""

import datetime

import pytest

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Comment, PageSubscription
from wagtail.users.models import UserProfile

from home.factories import TopicFactory
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from knowledge.models import KnowledgeArticlePage
from notifications.models import Notification, Preference
from reviews.models import Claim
from reviews.service_level import add_working_days
from tests.helpers import login
from tests.test_knowledge_workflow import add_url, article_data, task_state, workflow_action


@pytest.fixture
def index(home):
    return KnowledgeIndexPageFactory(parent=home)


@pytest.fixture
def submitted(index, member):
    """A member's article, submitted for review through the admin."""
    login(member).post(add_url(index), {**article_data(), "action-submit": "submit"})
    return KnowledgeArticlePage.objects.get()


def speaks(user, language):
    Preference.objects.update_or_create(user=user, defaults={"language": language})


def edit_link(page):
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize(
    "language, subject",
    [
        ("en", "Edith Editor asked for changes to “Moving a charity's email to the cloud”"),
        ("fr", "Edith Editor a demandé des modifications"),
        ("es", "Edith Editor pidió cambios"),
    ],
)
def test_changes_requested_reaches_the_author_once_in_their_language_with_the_note(
    submitted, member, editor, language, subject, django_capture_on_commit_callbacks
):
    speaks(member, language)
    editor.first_name, editor.last_name = "Edith", "Editor"
    editor.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(login(editor), submitted, "reject", comment="Please add what it cost.")
    [email] = mail.outbox
    assert email.to == [member.email]
    assert subject in email.subject
    assert "rejected" not in (email.subject + email.body).lower()
    assert "Please add what it cost." in email.body
    assert edit_link(submitted) in email.body


def test_approval_reaches_the_author_with_its_comment_in_spanish(
    submitted, member, editor, django_capture_on_commit_callbacks
):
    speaks(member, "es")
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(login(editor), submitted, "approve", comment="Muy útil, gracias.")
    [email] = mail.outbox
    assert email.to == [member.email]
    assert "aprobó y publicó" in email.subject and "Moving a charity" in email.subject
    assert "Muy útil, gracias." in email.body


def test_without_a_chosen_language_emails_follow_the_wagtail_admin_language(
    submitted, member, editor, django_capture_on_commit_callbacks
):
    UserProfile.objects.update_or_create(user=member, defaults={"preferred_language": "fr"})
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(login(editor), submitted, "approve", comment="Merci.")
    [email] = mail.outbox
    assert "a approuvé et publié" in email.subject


def test_inline_comments_arrive_once_in_the_changes_request_not_one_email_each(
    submitted, member, editor, django_capture_on_commit_callbacks
):
    assert not PageSubscription.objects.get(page=submitted, user=member).comment_notifications
    for path, text in [("title", "Shorter, please."), ("intro", "Which three charities?")]:
        Comment.objects.create(page=submitted, user=editor, contentpath=path, text=text)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(login(editor), submitted, "reject", comment="Nearly there.")
    [email] = mail.outbox
    assert "Nearly there." in email.body
    assert "- Title: Shorter, please." in email.body
    assert "Which three charities?" in email.body


def test_the_author_sees_the_reviewers_note_on_the_edit_page(submitted, member, editor):
    workflow_action(login(editor), submitted, "reject", comment="Please add what it cost.")
    page = login(member).get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))
    assert "Please add what it cost." in page.content.decode()


def test_editors_submission_email_names_the_review_stage_in_french(index, member, editor):
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "fr"})
    login(member).post(add_url(index), {**article_data(), "action-submit": "submit"})
    [email] = mail.outbox
    assert email.to == [editor.email]
    assert "Relecture par l’équipe éditoriale" in email.subject + email.body
    assert "Editors' review" not in email.subject + email.body


def test_editor_claims_and_releases_a_submission(submitted, editor, other_member):
    state = task_state(submitted)
    as_editor = login(editor)
    queue = as_editor.get(reverse("reviews_queue")).content.decode()
    assert "1 submission" in queue and "Task state" not in queue
    assert "I'll review this" in queue and "csrfmiddlewaretoken" in queue

    csrf_client = login(editor, enforce_csrf_checks=True)
    assert csrf_client.post(reverse("reviews_claim", args=[state.pk])).status_code == 403
    as_editor.post(reverse("reviews_claim", args=[state.pk]))
    assert Claim.objects.get(task_state=state).reviewer == editor
    mine = as_editor.get(reverse("reviews_queue"), {"reviewer": "me"}).content.decode()
    assert "Moving a charity" in mine and "Release" in mine
    unclaimed = as_editor.get(reverse("reviews_queue"), {"reviewer": "nobody"}).content.decode()
    assert "Moving a charity" not in unclaimed

    as_editor.post(reverse("reviews_release", args=[state.pk]))
    assert not Claim.objects.exists()
    # A member cannot claim: the submission is not theirs to review.
    response = login(other_member).post(reverse("reviews_claim", args=[state.pk]))
    assert response.status_code in (302, 403, 404) and not Claim.objects.exists()
    assert login(editor).get(reverse("reviews_claim", args=[state.pk])).status_code == 405


def test_review_queue_filters_by_topic_language_type_and_age(index, member, editor):
    heat, water = TopicFactory(name="Heat"), TopicFactory(name="Water")
    as_member = login(member)
    for title, topic in [("About heat pumps", heat), ("About water meters", water)]:
        data = {**article_data(title), "topics": [topic.pk], "action-submit": "submit"}
        as_member.post(add_url(index), data)
    old = task_state(KnowledgeArticlePage.objects.get(title="About water meters"))
    old.started_at = timezone.now() - datetime.timedelta(days=10)
    old.save()
    as_editor = login(editor)

    def titles(**params):
        html = as_editor.get(reverse("reviews_queue"), params).content.decode()
        return {title for title in ("About heat pumps", "About water meters") if title in html}

    assert titles() == {"About heat pumps", "About water meters"}
    assert titles(topic=heat.pk) == {"About heat pumps"}
    assert titles(age="7") == titles(age="overdue") == {"About water meters"}
    assert titles(language="fr") == set()
    assert titles(language="en") == {"About heat pumps", "About water meters"}
    assert titles(page_type=ContentType.objects.get_for_model(KnowledgeArticlePage).pk) == {
        "About heat pumps",
        "About water meters",
    }
    html = as_editor.get(reverse("reviews_queue")).content.decode()
    assert html.count("Overdue") == 1
    assert as_editor.get(reverse("reviews_queue"), {"age": "forever"}).status_code == 200


def test_due_dates_count_working_days():
    friday = datetime.date(2026, 12, 4)
    assert add_working_days(friday, 5) == datetime.date(2026, 12, 11)
    assert add_working_days(friday, 1) == datetime.date(2026, 12, 7)


def test_overdue_submissions_remind_the_claimer_once(
    submitted, editor, django_capture_on_commit_callbacks
):
    state = task_state(submitted)
    Claim.objects.create(task_state=state, reviewer=editor)
    state.started_at = timezone.now() - datetime.timedelta(days=14)
    state.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders", stdout=None)
        call_command("send_review_reminders", stdout=None)
    [email] = mail.outbox
    assert email.to == [editor.email]
    assert "past its due date" in email.subject and "Moving a charity" in email.subject


def test_review_date_reminds_authors_and_editors_then_authors_monthly(
    index, member, editor, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    article = KnowledgeArticlePageFactory(
        parent=index, title="Old fax advice", owner=member, review_by=today
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders")
        call_command("send_review_reminders")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, editor.email])
    assert all("Old fax advice" in m.subject for m in mail.outbox)

    mail.outbox.clear()
    KnowledgeArticlePage.objects.filter(pk=article.pk).update(
        review_by=today - datetime.timedelta(days=62)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders")
        call_command("send_review_reminders")
    kinds = sorted(Notification.objects.filter(recipient=member).values_list("kind", flat=True))
    assert kinds.count("review_overdue") == 1
    assert [m.to for m in mail.outbox if "still accurate" in m.subject] == [[member.email]]

"""Editors hear of what waits for them (a new application, a held or reported comment), once,
in their language; a new member's welcome and later emails come in the language they applied in."""

import pytest

from django.conf import settings
from django.core import mail
from django.urls import reverse

from wagtail.users.models import UserProfile

from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from members.factories import MembershipApplicationFactory, approved_comment
from notifications.models import Preference
from tests.helpers import login
from tests.test_comments import POST_URL, comment_data


@pytest.fixture
def article(home):
    index = KnowledgeIndexPageFactory(parent=home)
    return KnowledgeArticlePageFactory(parent=index, title="Moving email to the cloud")


def emails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_editors_are_told_of_a_new_application_in_their_language(
    home, editor, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=editor, language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        application = MembershipApplicationFactory(name="Grace Hopper", organisation="Navy")
    [email] = emails_to(editor)
    assert "Nouvelle candidature" in email.subject and "Grace Hopper (Navy)" in email.subject
    inspect = reverse("membership_applications:inspect", args=[application.pk])
    assert settings.WAGTAILADMIN_BASE_URL + inspect in email.body
    application.save()  # a later save is not a new application
    assert len(emails_to(editor)) == 1


def test_a_french_applicants_welcome_and_later_emails_are_in_french(
    home, editor, django_capture_on_commit_callbacks
):
    application = MembershipApplicationFactory(email="ada@example.org", language="fr")
    mail.outbox.clear()
    login(editor).post(reverse("membership_applications:approve", args=[application.pk]))
    [welcome] = emails_to(application)
    assert "/fr/accounts/" in welcome.body
    assert "Bienvenue" in welcome.body
    application.refresh_from_db()
    assert Preference.objects.get(user=application.user).language == "fr"
    assert UserProfile.get_for_user(application.user).preferred_language == "fr"


def test_moderators_are_told_once_of_a_held_comment(
    client, article, member, editor, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(POST_URL, comment_data(article, "We used a phased migration."))
    [email] = emails_to(editor)
    assert "waiting for approval" in email.subject and "Moving email to the cloud" in email.subject
    assert "We used a phased migration." in email.body
    assert "/admin/members/comments/" in email.body


def test_moderators_are_told_of_a_reported_comment_by_whom(
    client, article, member, other_member, editor, django_capture_on_commit_callbacks
):
    comment = approved_comment(article, other_member, text="Rude words here.")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("comments-flag", args=[comment.pk]), {"next": article.url, "reason": "abuse"}
        )
        client.post(
            reverse("comments-flag", args=[comment.pk]), {"next": article.url, "reason": "abuse"}
        )
    [email] = emails_to(editor)
    assert "Ada Lovelace reported a comment" in email.subject
    assert "Rude words here." in email.body

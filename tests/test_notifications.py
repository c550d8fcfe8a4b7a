"""Notifications: inbox, unread count, email per preference and language, digests, unsubscribe."""

import pytest

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from home.factories import TopicFactory
from knowledge.factories import MemberFactory
from notifications.models import Notification, Preference, TopicFollow
from notifications.service import notify, unsubscribe_token
from notifications.tasks import send_notification_email
from questions.factories import AnswerFactory, QuestionFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def actor(db):
    return MemberFactory(first_name="Grace", last_name="Hopper")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def send(member, actor, key="answer:1", kind="answer", capture=None):
    with capture(execute=True):
        return notify(member, kind, key, "Heat pumps?", "/questions/1/#answer-1", actor=actor)


def test_an_event_reaches_the_inbox_and_one_email_with_an_unsubscribe_link(
    home, member, actor, django_capture_on_commit_callbacks
):
    send(member, actor, capture=django_capture_on_commit_callbacks)
    send(member, actor, capture=django_capture_on_commit_callbacks)  # a retry: nothing new
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.subject == "Grace Hopper answered your question “Heat pumps?”"
    assert "http://testserver/questions/1/#answer-1" in email.body
    token_url = reverse("notifications:unsubscribe", args=[unsubscribe_token(member)])
    assert f"http://testserver{token_url}" in email.body
    assert email.extra_headers["List-Unsubscribe"] == f"<http://testserver{token_url}>"
    inbox = client_for(member).get(reverse("notifications:inbox"))
    assert "Grace Hopper answered your question “Heat pumps?”" in inbox.content.decode()
    assert "private" in inbox["Cache-Control"]


def test_the_email_task_run_twice_sends_once(member, actor):
    notification = notify(member, "answer", "answer:9", "Q", "/questions/9/", actor=actor)
    send_notification_email.call(notification.pk)
    send_notification_email.call(notification.pk)
    assert len(mail.outbox) == 1


def test_email_is_in_the_members_language(home, member, actor, django_capture_on_commit_callbacks):
    Preference.objects.create(user=member, language="fr")
    send(member, actor, capture=django_capture_on_commit_callbacks)
    email = mail.outbox[0]
    assert email.subject == "Grace Hopper a répondu à votre question « Heat pumps? »"
    assert "http://testserver/fr/questions/1/#answer-1" in email.body
    assert "/fr/inbox/unsubscribe/" in email.body


def test_nobody_is_told_about_their_own_action(member):
    assert notify(member, "answer", "answer:1", "Q", "/questions/1/", actor=member) is None
    assert not Notification.objects.exists()


def test_daily_digest_collects_events_into_one_email_once(
    home, member, actor, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=member, email=Preference.Email.DAILY)
    send(member, actor, key="answer:1", capture=django_capture_on_commit_callbacks)
    send(
        member, actor, key="accepted:2", kind="accepted", capture=django_capture_on_commit_callbacks
    )
    assert mail.outbox == []
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "answered your question" in body and "accepted your answer" in body
    assert "/inbox/unsubscribe/" in body


def test_email_off_sends_nothing(home, member, actor, django_capture_on_commit_callbacks):
    Preference.objects.create(user=member, email=Preference.Email.OFF)
    send(member, actor, capture=django_capture_on_commit_callbacks)
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == [] and Notification.objects.count() == 1


def test_unsubscribe_asks_first_then_stops_emails(home, member):
    address = reverse("notifications:unsubscribe", args=[unsubscribe_token(member)])
    client = Client()
    assert client.get(address).status_code == 200
    assert not Preference.objects.filter(email=Preference.Email.OFF).exists()
    client.post(address)
    assert Preference.objects.get(user=member).email == Preference.Email.OFF
    forged = reverse("notifications:unsubscribe", args=["not-a-token"])
    assert client.post(forged).status_code == 404


def test_header_shows_the_unread_count_and_marking_read_clears_it(home, member, actor):
    notify(member, "answer", "answer:1", "Q", "/questions/1/", actor=actor)
    notify(member, "accepted", "accepted:1", "Q", "/questions/1/", actor=actor)
    client = client_for(member)
    page = client.get(reverse("notifications:settings")).content.decode()
    assert '<span class="badge">2<span class="visually-hidden"> unread notifications' in page
    first = Notification.objects.first()
    client.post(reverse("notifications:mark_read", args=[first.pk]))
    assert Notification.objects.filter(read_at__isnull=True).count() == 1
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_a_member_cannot_mark_anothers_notification(home, member, actor):
    notification = notify(member, "answer", "answer:1", "Q", "/questions/1/", actor=actor)
    other = client_for(MemberFactory())
    assert other.post(reverse("notifications:mark_read", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_unread_count_costs_one_query(home, member, actor):
    """The same page for a member with no notification and one with five unread: same queries."""
    busy = MemberFactory()
    for number in range(5):
        notify(busy, "answer", f"answer:{number}", "Q", "/questions/1/", actor=actor)
    address = reverse("notifications:settings")

    def queries(user):
        client = client_for(user)
        client.get(address)  # first use makes rows (preference, settings), so the next re-reads
        client.get(address)
        with CaptureQueriesContext(connection) as context:
            page = client.get(address).content.decode()
        return len(context.captured_queries), page

    quiet_count, quiet_page = queries(member)
    busy_count, busy_page = queries(busy)
    assert busy_count == quiet_count
    assert '<span class="badge">5<' in busy_page and 'class="badge"' not in quiet_page


def test_visitors_have_no_inbox(home):
    response = Client().get(reverse("notifications:inbox"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_followed_topic_and_question_bring_news(home, member, django_capture_on_commit_callbacks):
    topic = TopicFactory(name="Energy", slug="energy")
    client = client_for(member)
    client.post(
        reverse("notifications:settings"),
        {"email": "immediately", "language": "en", "can_help": "on", "topics": [topic.pk]},
    )
    client.post(
        reverse("notifications:settings"),
        {"email": "immediately", "language": "en", "can_help": "on", "topics": [topic.pk]},
    )
    assert TopicFollow.objects.filter(user=member, topic=topic).count() == 1
    asker = MemberFactory()
    QuestionFactory(author=asker)  # trusted
    with django_capture_on_commit_callbacks(execute=True):
        client_for(asker).post(
            reverse("questions:ask"), {"title": "Solar?", "details": "Any?", "topics": [topic.pk]}
        )
    question = QuestionFactory._meta.model.objects.get(title="Solar?")
    assert Notification.objects.get(recipient=member).kind == "followed_topic"
    client.post(reverse("questions:follow", args=[question.pk]), {"action": "follow"})
    answerer = MemberFactory()
    AnswerFactory(author=answerer)  # trusted
    client_for(answerer).post(reverse("questions:answer", args=[question.pk]), {"body": "Yes."})
    kinds = set(Notification.objects.values_list("recipient_id", "kind"))
    assert (member.pk, "followed_question") in kinds
    assert (asker.pk, "answer") in kinds


def test_a_members_email_language_is_theirs_not_the_askers(home, member, actor):
    """An event caused from a French page does not make a member's emails French."""
    with translation.override("fr"):
        notify(member, "answer", "answer:1", "Q", "/questions/1/", actor=actor)
    assert Preference.objects.get(user=member).language == "en"
    client_for(actor).get("/es/inbox/settings/")
    assert Preference.objects.get(user=actor).language == "es"

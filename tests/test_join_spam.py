"""Applications to join: limited per address and per mailbox, a honeypot, and an acknowledgement."""

import re

import pytest

from django.core import mail
from django.urls import reverse

from members.models import MembershipApplication

JOIN_URL = "/members/join/"


def application(email, **fields):
    return {
        "name": "Grace Hopper",
        "email": email,
        "organisation": "Compiler Collective",
        "role": "Digital lead",
        "hopes_to_share": "How we moved our email to the cloud.",
        **fields,
    }


def apply(client, email, address="192.0.2.1", url=JOIN_URL, **fields):
    return client.post(url, application(email, **fields), REMOTE_ADDR=address)


def test_applications_from_one_address_are_limited(client, home, settings):
    for number in range(settings.MEMBERS_APPLICATIONS_PER_ADDRESS_PER_HOUR):
        response = apply(client, f"person{number}@example.org")
        assert response.status_code == 302
    response = apply(client, "one-too-many@example.org")
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert not MembershipApplication.objects.filter(email="one-too-many@example.org").exists()
    assert apply(client, "elsewhere@example.org", address="198.51.100.7").status_code == 302
    assert MembershipApplication.objects.count() == 6


def test_tag_and_case_variants_of_one_mailbox_count_as_one(client, home, settings):
    assert settings.MEMBERS_APPLICATIONS_PER_MAILBOX_PER_DAY == 3
    variants = [
        "grace@example.org",
        "Grace+1@example.org",
        "grace+2@EXAMPLE.org",
        "grace+3@example.org",
    ]
    for number, email in enumerate(variants):
        response = apply(client, email, address=f"192.0.2.{number + 10}")
        assert response.status_code == 302
        assert response.url == reverse("members:join_thanks")
    stored = set(MembershipApplication.objects.values_list("email", flat=True))
    assert stored == {"grace@example.org", "grace+1@example.org", "grace+2@example.org"}
    assert len(mail.outbox) == 3


def test_a_filled_in_honeypot_is_thanked_and_dropped(client, home):
    response = apply(client, "bot@example.org", website="https://spam.example/")
    assert response.status_code == 302
    assert response.url == reverse("members:join_thanks")
    assert not MembershipApplication.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, home):
    form = client.get(JOIN_URL).content.decode()
    hidden = re.search(r'<div class="visually-hidden" aria-hidden="true">(.*?)</div>', form, re.S)
    assert hidden, "the honeypot's wrapper"
    assert "Leave this field empty" in hidden.group(1)
    field = re.search(r"<input[^>]*name=\"website\"[^>]*>", hidden.group(1)).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field


@pytest.mark.parametrize(
    "url,language,subject",
    [
        (JOIN_URL, "en", "We have received your application"),
        ("/fr/members/join/", "fr", "Nous avons bien reçu votre candidature"),
        ("/es/members/join/", "es", "Hemos recibido su solicitud"),
    ],
)
def test_applicants_are_acknowledged_in_the_language_they_applied_in(
    client, home, url, language, subject
):
    response = apply(client, "ada@example.org", url=url)
    assert response.status_code == 302
    stored = MembershipApplication.objects.get()
    assert stored.language == language
    [message] = mail.outbox
    assert message.to == ["ada@example.org"]
    assert message.subject == subject
    assert "Grace Hopper" in message.body

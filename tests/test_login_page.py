"""The login page says why a visitor landed there from a members-only link."""

from django.urls import reverse

WHY = "for members of the network"


def test_a_members_only_link_lands_on_a_login_page_that_says_why(client, db):
    page = client.get(reverse("login"), {"next": "/knowledge/members-only/"}).content.decode()
    assert WHY in page


def test_the_plain_login_page_does_not_claim_a_page_was_asked_for(client, db):
    assert WHY not in client.get(reverse("login")).content.decode()


def test_the_reason_is_given_in_french(client, db):
    page = client.get("/fr" + reverse("login"), {"next": "/fr/knowledge/x/"}).content.decode()
    assert "réservée aux membres du réseau" in page

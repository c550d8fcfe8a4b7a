"""Journey: a member searches the directory for a need, finds a peer by what the peer published,
asks for an introduction; the peer accepts and both see each other's contact details."""

import pytest
from playwright.sync_api import expect

from members.models import MemberProfile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_member_finds_a_peer_by_their_work_and_is_introduced(journey, network):
    MemberProfile.objects.filter(user=network.member).update(contact_details="Call Amira on 0100")
    MemberProfile.objects.filter(user=network.other_member).update(
        contact_details="Bruno: Signal @bruno.repairs"
    )

    amira = journey.new_person(user=network.member)
    journey.goto("/members/", step="member opens the directory", page=amira)
    journey.check(page=amira)

    journey.step("member searches for a need the peer has published on")
    amira.get_by_label("What are you looking for?").fill("counting cyclists")
    amira.get_by_role("button", name="Find members").click()
    result = amira.locator(".member-card").filter(has_text="Bruno Costa")
    expect(result).to_have_count(1)
    journey.check(page=amira)

    journey.step("member opens the peer's profile and sees what their work shows")
    result.get_by_role("link", name="Bruno Costa").click()
    expect(amira.locator(".contributions")).to_contain_text(
        "Counting cyclists without expensive sensors"
    )
    expect(amira.get_by_text("Signal @bruno.repairs")).to_have_count(0)
    expect(amira.get_by_text("bruno@example.org")).to_have_count(0)
    journey.check(page=amira)

    journey.step("member asks for an introduction with a short note")
    amira.get_by_role("link", name="Ask for an introduction").click()
    amira.get_by_label("A short note").fill("How did you recruit the volunteers who counted?")
    amira.get_by_role("button", name="Send the request").click()
    expect(amira.get_by_text("Your request was sent.")).to_be_visible()
    journey.check(page=amira)

    bruno = journey.new_person(user=network.other_member)
    journey.goto("/introductions/", step="the peer opens their introductions", page=bruno)
    bruno.get_by_role("link", name="Amira Haddad").click()
    expect(bruno.get_by_text("How did you recruit the volunteers who counted?")).to_be_visible()
    expect(bruno.get_by_text("Call Amira on 0100")).to_have_count(0)
    journey.check(page=bruno)

    journey.step("the peer accepts and sees the member's contact details")
    bruno.get_by_role("button", name="Accept the introduction").click()
    expect(bruno.get_by_text("Call Amira on 0100")).to_be_visible()
    expect(bruno.get_by_text("amira@example.org")).to_have_count(0)
    journey.check(page=bruno)

    journey.step("the member sees the peer's contact details on their profile")
    amira.reload()
    expect(amira.get_by_text("Signal @bruno.repairs")).to_be_visible()
    journey.check(page=amira)

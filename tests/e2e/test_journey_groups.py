"""Journey: a member asks to join a working group, the convener approves, the member posts in the
group and downloads a group document; a member outside the group is refused each (a 404)."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from knowledge.factories import MemberFactory
from workgroups.factories import ConvenerFactory, WorkingGroupFactory
from workgroups.models import Joining

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GROUP = "Heat pumps in community buildings"
MINUTES = b"Minutes of the first meeting: three halls surveyed."


def test_member_asks_to_join_convener_approves_member_posts_and_downloads(journey, network):
    group = WorkingGroupFactory(
        name=GROUP, purpose="Halls and libraries swapping gas boilers.", joining=Joining.REQUEST
    )
    ConvenerFactory(group=group, user=network.other_member)
    document = get_document_model().objects.create(
        title="First meeting minutes",
        file=ContentFile(MINUTES, name="minutes.txt"),
        collection=group.collection,
    )
    outsider_user = MemberFactory(username="olga", first_name="Olga", last_name="Novak")

    amira = journey.new_person(user=network.member)
    journey.goto("/", step="member finds the groups from the header", page=amira)
    amira.get_by_role("link", name="Groups", exact=True).click()
    amira.get_by_role("link", name=GROUP).click()
    expect(amira.get_by_role("heading", level=1)).to_have_text(GROUP)
    journey.check(page=amira)

    journey.step("member asks to join")
    amira.get_by_role("button", name="Ask to join").click()
    expect(
        amira.get_by_text("Your request to join has been sent to the conveners.")
    ).to_be_visible()
    journey.check(page=amira)

    journey.step("the convener is told and approves")
    bruno = journey.new_person(user=network.other_member)
    journey.goto("/inbox/", page=bruno)
    bruno.get_by_role("link", name=f"Amira Haddad asked to join “{GROUP}”").click()
    bruno.get_by_role("link", name="Go to the members’ space").click()
    bruno.get_by_role("navigation", name="Members’ space").get_by_role(
        "link", name="Members"
    ).click()
    journey.check(page=bruno)
    bruno.get_by_role("button", name="Approve").click()
    expect(bruno.get_by_text("Approved: they are now a member of the group.")).to_be_visible()
    journey.check(page=bruno)

    journey.step("the member posts in the group")
    journey.goto("/inbox/", page=amira)
    amira.get_by_role("link", name=f"You are now a member of “{GROUP}”").click()
    amira.get_by_role("link", name="Go to the members’ space").click()
    amira.get_by_label("Title").fill("Which heat loss survey did you use?")
    amira.get_by_label("Message").fill("We have three halls to survey before spring.")
    amira.get_by_role("button", name="Post").click()
    expect(amira.get_by_role("heading", level=1)).to_have_text(
        "Which heat loss survey did you use?"
    )
    journey.check(page=amira)
    thread_url = amira.url

    journey.step("the member downloads the group's document")
    amira.get_by_role("navigation", name="Members’ space").get_by_role(
        "link", name="Documents"
    ).click()
    journey.check(page=amira)
    with amira.expect_download() as download:
        amira.get_by_role("link", name="First meeting minutes").click()
    assert Path(download.value.path()).read_bytes() == MINUTES

    journey.step("a member outside the group is refused each")
    olga = journey.new_person(user=outsider_user)
    base = f"/groups/{group.pk}"
    for address in (f"{base}/board/", thread_url, f"{base}/documents/", document.url):
        # Asked with her cookies but outside the page, where a 404 is no console error.
        response = olga.request.get(address)
        assert response.status == 404, address
        assert b"heat loss" not in response.body(), address
    journey.goto(f"{base}/", page=olga)
    expect(olga.get_by_role("button", name="Ask to join")).to_be_visible()
    expect(olga.get_by_text("Which heat loss survey")).to_have_count(0)
    journey.check(page=olga)

"""Journey (e), by keyboard only: a visitor applies to join, a staff member approves the
application in the Wagtail admin, and the new member sets a password from the welcome email."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.urls import reverse

from members.models import MembershipApplication

from .content import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_applies_and_staff_approve_by_keyboard(journey, network):
    page = journey.page
    keyboard = page.keyboard

    journey.goto("/", step="visitor arrives on the home page")
    journey.step("follow the Join link in the header")
    journey.tab_to(
        page.get_by_role("navigation", name="Your account").get_by_role("link", name="Join")
    )
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the network")
    journey.check()

    journey.step("fill in the application")
    for label, text in [
        ("Name", "Grace Hopper"),
        ("Email", "grace@example.org"),
        ("Organisation", "Compiler Collective"),
        ("Role", "Digital lead"),
    ]:
        journey.tab_to(page.get_by_role("textbox", name=label))
        keyboard.type(text)
    region = page.get_by_role("combobox", name="Region")
    journey.tab_to(region)
    keyboard.type("Wales")
    expect(region).to_have_value(str(network.regions["Wales"].pk))
    journey.tab_to(page.get_by_role("checkbox", name="Cyber security"))
    keyboard.press("Space")
    journey.tab_to(page.get_by_role("textbox", name="What you hope to share"))
    keyboard.type("How we moved our email to the cloud.")
    journey.tab_to(page.get_by_role("checkbox", name="List me in the member directory"))
    keyboard.press("Space")
    expect(page.get_by_role("checkbox", name="Cyber security")).to_be_checked()
    journey.check()

    journey.step("send the application")
    journey.tab_to(page.get_by_role("button", name="Send my application"))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    journey.check()
    application = MembershipApplication.objects.get(email="grace@example.org")
    assert application.is_pending and application.region == network.regions["Wales"]

    staff = journey.new_person()
    journey.step("staff member logs in to the admin")
    journey.goto(reverse("wagtailadmin_login"), page=staff)
    journey.tab_to(staff.locator("#id_username"), page=staff)
    staff.keyboard.type(network.editor.username)
    journey.tab_to(staff.locator("#id_password"), page=staff)
    staff.keyboard.type(PASSWORD)
    staff.keyboard.press("Enter")
    expect(staff).to_have_url(re.compile(r"/admin/$"))
    journey.check(page=staff)

    journey.step("staff member opens the pending application")
    journey.goto(reverse("membership_applications:index") + "?status=pending", page=staff)
    journey.check(page=staff)
    journey.tab_to(staff.get_by_role("link", name="Grace Hopper"), page=staff, limit=120)
    staff.keyboard.press("Enter")
    expect(staff.get_by_text("Compiler Collective", exact=True)).to_be_visible()
    journey.check(page=staff)

    journey.step("staff member approves it")
    approve = staff.get_by_role("button", name="Approve and create the account")
    journey.tab_to(approve, page=staff, limit=120)
    staff.keyboard.press("Enter")
    expect(staff.get_by_text("Approved: Grace Hopper can now set a password")).to_be_visible()
    journey.check(page=staff)
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.user.groups.filter(name="Members").exists()

    journey.step("new member chooses a password from the welcome email")
    received, welcome = [message for message in mail.outbox if message.to == ["grace@example.org"]]
    assert received.subject == "We have received your application"
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", welcome.body).group(1)
    journey.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a password")
    journey.check()
    for field in ("#id_new_password1", "#id_new_password2"):
        journey.tab_to(page.locator(field))
        keyboard.type("a-long-new-passphrase")
    journey.tab_to(page.get_by_role("button", name="Save my password"))
    keyboard.press("Enter")
    expect(page.get_by_role("link", name="My profile", exact=True)).to_be_visible()
    journey.check()

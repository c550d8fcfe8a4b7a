"""The journeys' safety net: a 500, a console error or an axe violation fails the step it is in."""

import re

import pytest

from django.urls import reverse

from home.models import HomePage
from knowledge.factories import EditorFactory

from .conftest import JourneyFailure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_axe_violation_fails_with_the_step_rule_and_address(journey, home):
    journey.goto("/", step="home page with an unlabelled button")
    journey.page.evaluate("document.querySelector('main').append(document.createElement('button'))")
    with pytest.raises(JourneyFailure) as failure:
        journey.check()
    message = str(failure.value)
    assert "step “home page with an unlabelled button”" in message
    assert journey.page.url in message
    assert re.search(r"button-name \(critical\)", message)


def test_a_console_error_fails_the_step_it_happened_in(journey, home):
    journey.goto("/", step="home page")
    with journey.page.expect_console_message():
        journey.page.evaluate("console.error('search suggestions broke')")
    with pytest.raises(JourneyFailure, match="step “home page”.*search suggestions broke"):
        journey.check()


def test_an_uncaught_script_error_fails_the_step(journey, home):
    journey.goto("/", step="home page")
    with journey.page.expect_event("pageerror"):
        journey.page.evaluate("setTimeout(() => { throw new Error('unhandled in our code'); })")
    with pytest.raises(JourneyFailure, match="uncaught script error.*unhandled in our code"):
        journey.check()


def test_a_server_error_fails_with_the_step_and_address(journey, home, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("home page exploded")

    monkeypatch.setattr(HomePage, "serve", broken)
    with pytest.raises(JourneyFailure, match=r"step “visit the home page”.*HTTP 500 from http"):
        journey.goto("/", step="visit the home page")


def test_in_the_admin_only_violations_in_our_markup_fail(journey, home):
    editor = EditorFactory(is_staff=True)
    admin = journey.new_person(user=editor)
    journey.goto(reverse("wagtailadmin_home"), step="admin dashboard", page=admin)
    admin.evaluate("document.querySelector('main').append(document.createElement('button'))")
    journey.check(page=admin)
    notes = (journey.folder / "axe-wagtail-admin.txt").read_text()
    assert "admin dashboard" in notes and "button-name (critical)" in notes

    journey.step("admin dashboard with a violation in our markup")
    admin.evaluate(
        """() => {
            const ours = document.createElement("div");
            ours.setAttribute("data-portal-admin", "");
            ours.append(document.createElement("button"));
            document.querySelector("main").append(ours);
        }"""
    )
    with pytest.raises(JourneyFailure, match="button-name"):
        journey.check(page=admin)

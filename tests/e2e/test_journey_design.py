"""The header, filters and skip link as a visitor meets them: a phone's folded menu (and the open
one without JavaScript), case-study filters that apply on change, few Tab presses to the results."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_on_a_phone_the_menu_folds_behind_a_button_that_says_whether_it_is_open(journey, network):
    page = journey.new_person(viewport=PHONE)
    journey.goto("/", step="home on a phone", page=page)
    button = page.get_by_role("button", name="Menu")
    main_menu = page.get_by_role("navigation", name="Main")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(main_menu).to_be_hidden()
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 100, f"the folded header takes {header['height']} px"
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(main_menu).to_be_visible()
    page.keyboard.press("Escape")
    expect(main_menu).to_be_hidden()
    expect(button).to_be_focused()
    journey.check(page=page, every_impact=True)


def test_without_javascript_the_menu_stays_open_and_the_filters_keep_their_button(journey, network):
    page = journey.new_person(viewport=PHONE, javascript=False)
    journey.goto("/", step="home without JavaScript", page=page)
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    journey.goto(network.pages["case_study_index"].url, step="filters without JS", page=page)
    page.get_by_role("checkbox", name=re.compile("^Wales")).check()
    page.get_by_role("button", name="Show case studies").click()
    expect(page).to_have_url(re.compile(r"region=wales"))
    expect(page.get_by_role("heading", name="1 case study")).to_be_visible()


def test_a_case_study_filter_applies_on_change_and_keeps_the_focus(journey, network):
    page = journey.page
    journey.goto(network.pages["case_study_index"].url, step="case study filters")
    expect(page.get_by_role("button", name="Show case studies")).to_be_hidden()
    page.get_by_role("checkbox", name=re.compile("^Wales")).check()
    expect(page).to_have_url(re.compile(r"region=wales"))
    expect(page.get_by_role("heading", name="1 case study")).to_be_visible()
    expect(page.get_by_role("checkbox", name=re.compile("^Wales"))).to_be_focused()
    journey.check(every_impact=True)


def test_skip_to_results_reaches_the_first_case_study_in_a_few_presses(journey, network):
    page = journey.page
    journey.goto(network.pages["case_study_index"].url, step="keyboard to the first card")
    first_card = page.locator(".case-results .card__title a").first
    # Skip to main content, Skip to results (Enter), then the first card: three Tab presses.
    for key in ["Tab", "Tab", "Enter", "Tab"]:
        page.keyboard.press(key)
    expect(first_card).to_be_focused()
    journey.assert_focus_visible()

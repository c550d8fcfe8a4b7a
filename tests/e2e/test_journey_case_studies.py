"""Journey (a), by keyboard only: a visitor searches for a case study, narrows the results by
sector and region, opens one and goes on to a related one."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


CASE_STUDY_TITLES = [
    "Bike share for a mid-sized city",
    "Council e-bike fleet",
    "Bike lanes on a budget",
    "Bike repair cafes",
]


def facet_link(page, facet, label):
    section = page.locator(".search-facet").filter(has=page.get_by_role("heading", name=facet))
    return section.get_by_role("link", name=re.compile(rf"^{re.escape(label)} \(\d+\)"))


def test_visitor_finds_a_case_study_and_a_related_one_by_keyboard(journey, network):
    page = journey.page
    keyboard = page.keyboard

    journey.goto("/", step="visitor arrives on the home page")
    journey.check()

    journey.step("search for bike from the header")
    search_box = page.get_by_role("combobox", name="Search the site")
    journey.tab_to(search_box)
    keyboard.type("bike")
    expect(page.get_by_role("option", name="Bike share for a mid-sized city")).to_be_visible()
    keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=bike$"))
    # How many pages mention "bike" beyond the case studies depends on the search backend's
    # stemming; the case studies are there on every backend.
    for title in CASE_STUDY_TITLES:
        expect(page.locator(".search-result__title").filter(has_text=title)).to_be_visible()
    journey.check()

    journey.step("narrow to the local government sector")
    journey.tab_to(facet_link(page, "Sector", "Local government"))
    keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"sector=local-government"))
    expect(page.get_by_role("status")).to_have_text("3 results")
    journey.check()

    journey.step("narrow to Ontario")
    journey.tab_to(facet_link(page, "Region", "Ontario"))
    keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"region=ontario"))
    expect(page.get_by_role("status")).to_have_text("2 results")
    results = page.locator(".search-result__title")
    expect(results).to_have_count(2)
    assert sorted(results.all_inner_texts()) == [
        "Bike share for a mid-sized city",
        "Council e-bike fleet",
    ]
    journey.check()

    journey.step("open the bike share case study")
    journey.tab_to(page.get_by_role("link", name="Bike share for a mid-sized city"))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bike share for a mid-sized city")
    related = page.get_by_role("region", name="Related case studies")
    expect(related.get_by_role("link")).to_have_text(
        ["Council e-bike fleet", "Bike lanes on a budget"]
    )
    journey.check()

    journey.step("read the related council e-bike fleet case study")
    journey.tab_to(related.get_by_role("link", name="Council e-bike fleet"))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Council e-bike fleet")
    expect(page.locator(".case-facts")).to_contain_text("Local government")
    journey.check()

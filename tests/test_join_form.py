"""The way to join: from every call to join to the application form, a form that says what is
wrong and keeps what was typed, in every language, and stores nothing until it is valid."""

import re

import pytest

from django.utils import translation

from wagtail.models import Locale

from home.factories import RegionFactory, StandardPageFactory, TopicFactory
from members.models import MembershipApplication
from tests.test_i18n import translate

LANGUAGES = {"en": "/members/join/", "fr": "/fr/members/join/", "es": "/es/members/join/"}
REQUIRED = {"en": "(required)", "fr": "(requis)", "es": "(obligatorio)"}
SUMMARY = {"en": "There is a problem", "fr": "Il y a un problème", "es": "Hay un problema"}
PRIVACY = {
    "en": "What happens to your details",
    "fr": "Ce que deviennent vos informations",
    "es": "Qué pasa con sus datos",
}
SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


@pytest.fixture
def join_page(home, locales):
    page = StandardPageFactory(parent=home, title="Join the network", slug="join")
    home.join_page, home.join_heading = page, "Join the network"
    home.save_revision().publish()
    translate(home, locales["fr"], title="Accueil")
    translate(page, locales["fr"], title="Rejoindre le réseau")
    return page


@pytest.fixture
def terms(locales):
    topic = TopicFactory(name="Cloud and infrastructure", slug="cloud")
    region = RegionFactory(name="Wales", slug="wales")
    TopicFactory(
        name="Cloud et infrastructure",
        slug="cloud",
        locale=locales["fr"],
        translation_key=topic.translation_key,
    )
    RegionFactory(
        name="Pays de Galles",
        slug="wales",
        locale=locales["fr"],
        translation_key=region.translation_key,
    )
    return topic, region


def valid(**fields):
    return {
        "name": "Grace Hopper",
        "email": "grace@example.org",
        "organisation": "Compiler Collective",
        "role": "Digital lead",
        "hopes_to_share": "How we moved our email to the cloud.",
        **fields,
    }


def main(response):
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


def test_the_call_to_join_page_leads_to_the_form_in_its_language(client, join_page):
    home_html = client.get("/").content.decode()
    assert 'href="/join/">Apply to join</a>' in home_html
    assert 'href="/members/join/"' in main(client.get("/join/"))
    assert 'href="/fr/members/join/"' in main(client.get("/fr/join/"))
    assert client.get("/members/join/").status_code == 200


def test_other_standard_pages_have_no_apply_button(client, home, join_page):
    StandardPageFactory(parent=home, title="About", slug="about")
    assert "/members/join/" not in main(client.get("/about/"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_marks_required_fields_and_says_what_happens_to_the_data(
    client, home, terms, language
):
    html = main(client.get(LANGUAGES[language]))
    assert html.count(REQUIRED[language]) == 5  # name, email, organisation, role, hopes
    assert PRIVACY[language] in html
    assert "---------" not in html
    assert not re.search(r"<label[^>]*>[^<]*:\s*<", html)  # no colons after labels
    assert "maxlength" not in html  # browsers would cut pasted text silently
    assert 'id="id_hopes_to_share_count"' in html


def test_regions_and_expertise_are_named_in_the_pages_language(client, home, terms):
    topic, region = terms
    french = main(client.get("/fr/members/join/"))
    assert "Cloud et infrastructure" in french and "Pays de Galles" in french
    assert "Cloud and infrastructure" not in french
    response = client.post(
        "/fr/members/join/", valid(expertise=[topic.pk], region=region.pk), REMOTE_ADDR="192.0.2.9"
    )
    assert response.status_code == 302
    application = MembershipApplication.objects.get()
    assert application.region == region and list(application.expertise.all()) == [topic]


BAD_INPUT = {
    "empty": (
        dict.fromkeys(valid(), ""),
        ["name", "email", "organisation", "role", "hopes_to_share"],
    ),
    "invalid": (
        valid(email="not an address", region="99999999999", expertise=["x"]),
        ["email", "region", "expertise"],
    ),
    "too long": (valid(name="N" * 10_000, hopes_to_share="h" * 10_000), ["name", "hopes_to_share"]),
    "script-laden": (valid(name=SCRIPT, email=SCRIPT, role=SCRIPT * 20), ["email", "role"]),
    "nul characters": (valid(organisation="Org\x00anisation"), ["organisation"]),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_gets_a_summary_and_field_errors_keeps_input_and_stores_nothing(
    client, home, terms, language, case
):
    data, invalid_fields = BAD_INPUT[case]
    response = client.post(LANGUAGES[language], data, REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 200
    html = main(response)
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in summary and "data-error-summary" in summary
    assert SUMMARY[language] in summary
    for field in invalid_fields:
        assert f'href="#id_{field}' in summary
        assert f'id="id_{field}_error"' in html
        assert (
            re.search(rf'<[^>]*aria-invalid="true"[^>]*id="id_{field}[_"]', html)
            or field == "expertise"
        )
    assert SCRIPT not in html  # shown as text, never as markup
    if case == "too long":
        assert "N" * 10_000 in html and "h" * 10_000 in html  # kept whole, not cut
    assert not MembershipApplication.objects.exists()
    translation.activate("en")

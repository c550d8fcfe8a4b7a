"""Every public page type, and the member-only ones, render without errors and pass axe."""

import pytest

from django.urls import reverse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_every_public_page_type_renders_cleanly_and_passes_axe(journey, network):
    pages = network.pages
    visits = [
        ("home page", "/"),
        ("standard page", pages["about"].url),
        ("news index", pages["news_index"].url),
        ("news page", pages["news"].url),
        ("case study index", pages["case_study_index"].url),
        ("case study index, filtered", pages["case_study_index"].url + "?sector=local-government"),
        ("case study", pages["Bike share for a mid-sized city"].url),
        ("knowledge index", pages["knowledge_index"].url),
        ("knowledge article", pages["article"].url),
        ("topic list", "/topics/"),
        ("topic page", "/topics/transport/"),
        ("search, browsing", reverse("search")),
        ("search results", reverse("search") + "?q=bike"),
        ("search, nothing found", reverse("search") + "?q=zeppelin"),
        ("join form", reverse("members:join")),
        ("login", reverse("login")),
        ("password reset", reverse("password_reset")),
    ]
    for step, path in visits:
        journey.goto(path, step=step)
        journey.check()


def test_member_pages_render_cleanly_and_pass_axe(journey, network):
    journey.log_in_as(network.member)
    visits = [
        ("member directory", reverse("members:directory")),
        ("member profile", reverse("members:profile", args=[network.other_member.pk])),
        ("own profile", reverse("members:own_profile")),
        ("edit own profile", reverse("members:edit_profile")),
        ("article with the comment form", network.pages["article"].url),
    ]
    for step, path in visits:
        journey.goto(path, step=step)
        journey.check()

"""Every public page type, and the member-only ones, render without errors, pass every axe rule
(best practices included, any impact) and validate with the Nu HTML Checker."""

import pytest

from django.urls import reverse

from .html_checker import html_errors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def visit_all(journey, visits):
    """Each page checked with every axe rule; their HTML, as served, validated together."""
    documents = {}
    for step, path in visits:
        response = journey.goto(path, step=step)
        journey.check(every_impact=True)
        documents[f"{step} ({path})"] = response.text()
    errors = html_errors(documents)
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)


def test_every_public_page_type_is_valid_html_and_passes_every_axe_rule(journey, network):
    pages = network.pages
    visit_all(
        journey,
        [
            ("home page", "/"),
            ("standard page", pages["about"].url),
            ("code of conduct", "/code-of-conduct/"),
            ("news index", pages["news_index"].url),
            ("news page", pages["news"].url),
            ("case study index", pages["case_study_index"].url),
            (
                "case study index, filtered",
                f"{pages['case_study_index'].url}?sector=local-government",
            ),
            ("case study", pages["Bike share for a mid-sized city"].url),
            ("knowledge index", pages["knowledge_index"].url),
            ("knowledge article", pages["article"].url),
            ("topic list", "/topics/"),
            ("topic page", "/topics/transport/"),
            ("search, browsing", reverse("search")),
            ("search results", reverse("search") + "?q=bike"),
            ("search, nothing found", reverse("search") + "?q=zeppelin"),
            ("questions, the visitor's teaser", reverse("questions:index")),
            ("join page", pages["join"].url),
            ("join form", reverse("members:join")),
            ("login", reverse("login")),
            ("password reset", reverse("password_reset")),
        ],
    )


def test_member_pages_are_valid_html_and_pass_every_axe_rule(journey, network):
    journey.log_in_as(network.member)
    visit_all(
        journey,
        [
            ("member directory", reverse("members:directory")),
            ("member profile", reverse("members:profile", args=[network.other_member.pk])),
            ("own profile", reverse("members:own_profile")),
            ("edit own profile", reverse("members:edit_profile")),
            ("article with the comment form", network.pages["article"].url),
        ],
    )

"""Journeys (f) and (g): members discuss an article; a visitor reads a page in another language."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail

from wagtail.models import Locale, Page

from members.factories import approved_comment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_member_comments_and_another_member_replies(journey, network):
    article = network.pages["article"]
    elsewhere = network.pages["Bike share for a mid-sized city"]
    for user in (network.member, network.other_member):
        for number in range(2):  # two approved comments: trusted, so posts show at once
            approved_comment(elsewhere, user, f"Earlier comment {number} by {user.first_name}")

    amira = journey.new_person(user=network.member)
    journey.goto(article.url, step="member opens an article with no discussion yet", page=amira)
    expect(amira.locator("#comments")).to_contain_text("No comments yet.")
    journey.check(page=amira)

    journey.step("member posts a comment")
    amira.get_by_label("Your comment").fill("Did the volunteers count in the rain too?")
    amira.get_by_role("button", name="Post comment").click()
    expect(amira.get_by_text("Your comment has been posted.")).to_be_visible()
    comment = amira.locator(".comment").filter(has_text="Did the volunteers count in the rain")
    expect(comment).to_contain_text("Amira Haddad")
    journey.check(page=amira)

    bruno = journey.new_person(user=network.other_member)
    journey.goto(article.url, step="another member opens the reply form", page=bruno)
    bruno.locator(".comment-reply summary").filter(has_text="Reply").click()
    reply_box = bruno.get_by_label("Your reply")
    expect(reply_box).to_be_visible()
    journey.check(page=bruno)

    journey.step("another member posts a reply")
    reply_box.fill("Yes, and the numbers barely changed.")
    bruno.get_by_role("button", name="Post reply").click()
    replies = bruno.locator(".comment-list--replies .comment")
    expect(replies).to_have_count(1)
    expect(replies).to_contain_text("Yes, and the numbers barely changed.")
    expect(replies).to_contain_text("Bruno Costa")
    journey.check(page=bruno)

    journey.step("the first member sees the reply under their comment")
    amira.reload()
    thread = amira.locator("#comments > .comment-list > li").filter(has=comment)
    expect(thread.locator(".comment-list--replies")).to_contain_text("the numbers barely changed")
    journey.check(page=amira)
    [email] = [message for message in mail.outbox if message.to == [network.member.email]]
    assert "Bruno Costa replied to your comment" in email.subject
    assert "the numbers barely changed" in email.body
    assert "/inbox/unsubscribe/" in email.body


def translate(page, language_code, **fields):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return Page.objects.get(pk=copy.pk).specific


def test_visitor_switches_language_on_a_translated_page(journey, network):
    translate(network.home, "fr", title="Réseau d'apprentissage entre pairs")
    translate(network.home, "es", title="Red de aprendizaje entre pares")
    translate(
        network.pages["about"],
        "fr",
        title="À propos du réseau",
        intro="Un réseau d'organisations qui apprennent les unes des autres.",
    )
    page = journey.page
    switcher = page.get_by_role("navigation", name="Language")

    journey.goto("/about/", step="visitor reads the about page in English")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    journey.check()

    journey.step("switch to French")
    switcher.get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/about/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("À propos du réseau")
    expect(page.get_by_role("navigation", name=re.compile("Langue|Language"))).to_contain_text(
        "Français"
    )
    journey.check()

    journey.step("switch to Spanish, where the page is not translated yet")
    spanish = page.locator(".language-switcher a[hreflang='es']")
    expect(spanish).to_contain_text("Español")
    spanish.click()
    expect(page).to_have_url(re.compile(r"/es/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    journey.check()

    journey.step("back to English")
    page.locator(".language-switcher a[hreflang='en']").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    journey.check()

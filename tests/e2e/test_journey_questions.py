"""Journey (h): a member asks, a routed expert is told and answers, the asker accepts, an editor
turns the answer into a knowledge article draft, the answerer submits it for review, an editor
approves it, and the live article credits both; the inbox and emails show each step."""

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.urls import reverse

from knowledge.models import KnowledgeArticlePage
from notifications.models import TopicFollow
from questions.factories import AnswerFactory, QuestionFactory

from .test_journey_knowledge import (  # noqa: F401  (_no_autosave: the fixture, applied here too)
    _no_autosave,
    submit_from_action_menu,
    workflow_action,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "How did you count cyclists on a budget?"


def emailed(user, text):
    """Whether an email to `user` names `text` in its subject or body."""
    return any(
        message.to == [user.email] and (text in message.subject or text in message.body)
        for message in mail.outbox
    )


def test_member_asks_expert_answers_and_the_answer_becomes_a_reviewed_article(journey, network):
    transport = network.topics["Transport"]
    # Both have posted before, so their posts are not held for a moderator.
    QuestionFactory(author=network.member, topics=[transport])
    AnswerFactory(author=network.other_member)
    TopicFollow.objects.create(user=network.member, topic=transport)

    amira = journey.new_person(user=network.member)
    journey.goto("/questions/", step="member opens the questions", page=amira)
    journey.check(page=amira)

    journey.step("member asks a question")
    amira.get_by_role("link", name="Ask a question").click()
    expect(amira.locator(".similar-suggestions")).to_be_hidden()  # nothing typed, nothing shown
    amira.get_by_label("Title").fill(TITLE)
    amira.get_by_label("Details").fill("Sensors cost too much. What did you do instead?")
    amira.get_by_label("Transport").check()
    journey.check(page=amira)
    amira.get_by_role("button", name="Post my question").click()
    expect(amira.get_by_text("Your question has been posted.")).to_be_visible()
    journey.check(page=amira)

    journey.step("the expert finds “Can you help?” in the inbox and by email")
    assert any(
        message.to == [network.other_member.email] and "Can you help?" in message.subject
        for message in mail.outbox
    )
    bruno = journey.new_person(user=network.other_member)
    journey.goto("/inbox/", page=bruno)
    expect(bruno.locator(".inbox-link .badge")).to_contain_text("1")
    bruno.get_by_role("link", name=f"Can you help? Amira Haddad asked “{TITLE}”").click()
    expect(bruno.get_by_role("heading", level=1)).to_have_text(TITLE)
    journey.check(page=bruno)

    journey.step("the expert answers")
    bruno.get_by_label("Your answer").fill("Volunteers with clickers at six junctions for a week.")
    bruno.get_by_role("button", name="Post my answer").click()
    expect(bruno.get_by_text("Your answer has been posted.")).to_be_visible()
    journey.check(page=bruno)

    journey.step("the asker is told, and accepts the answer")
    assert any(
        message.to == [network.member.email] and "Bruno Costa answered" in message.subject
        for message in mail.outbox
    )
    journey.goto("/inbox/", page=amira)
    amira.get_by_role("link", name=f"Bruno Costa answered your question “{TITLE}”").click()
    amira.get_by_role("button", name="Accept this answer").click()
    expect(amira.get_by_text("You accepted this answer.")).to_be_visible()
    expect(amira.locator(".answer--accepted")).to_contain_text("Accepted answer")
    journey.check(page=amira)
    assert any(
        message.to == [network.other_member.email] and "accepted your answer" in message.subject
        for message in mail.outbox
    )

    journey.step("an editor turns it into a knowledge article draft")
    edith = journey.new_person(user=network.editor)
    question_url = amira.url.split("#")[0]
    journey.goto(question_url, page=edith)
    edith.get_by_role("button", name="Turn into a knowledge article").click()
    expect(edith.locator("#id_title")).to_have_value(TITLE)
    article = KnowledgeArticlePage.objects.get(title=TITLE)
    assert not article.live and article.owner == network.other_member
    assert list(article.authors.all()) == [network.member]

    journey.step("the question shows the article, and the answerer is told")
    journey.goto(question_url, page=amira)
    expect(amira.get_by_text("This answer became an article, now in review.")).to_be_visible()
    journey.check(page=amira)
    journey.goto("/inbox/", page=bruno)
    expect(
        bruno.get_by_role("link", name=f"“{TITLE}” became a knowledge article draft")
    ).to_be_visible()
    journey.check(page=bruno)

    journey.step("the answerer submits the draft for review")
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    journey.goto(edit_url, page=bruno)
    expect(bruno.locator("#id_title")).to_have_value(TITLE)
    submit_from_action_menu(bruno, "Submit to Knowledge review")
    expect(bruno.get_by_text(f"Page '{TITLE}' has been submitted for moderation.")).to_be_visible()
    article.refresh_from_db()
    assert article.workflow_in_progress and not article.live
    journey.check(page=bruno)
    assert emailed(network.editor, TITLE)  # the reviewers are told

    journey.goto(edit_url, step="an editor approves it in the admin", page=edith)
    workflow_action(journey, edith, "Approve with comment", "Clear and useful, thank you.")
    article.refresh_from_db()
    assert article.live and not article.has_unpublished_changes
    journey.check(page=edith)
    assert emailed(network.other_member, TITLE)  # the author hears the outcome

    journey.step("the question shows the live article, which credits answerer and asker")
    journey.goto(question_url, page=amira)
    notice = amira.locator(".notice--success")
    expect(notice).to_contain_text("This answer became an article:")
    notice.get_by_role("link", name=TITLE).click()
    expect(amira.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(amira.locator("main")).to_contain_text("By Bruno Costa, Amira Haddad")
    journey.check(page=amira)

    journey.step("the asker, who follows its topic, finds the new article in the inbox")
    journey.goto("/inbox/", page=amira)
    amira.get_by_role("link", name=f"New on a topic you follow: “{TITLE}”").click()
    expect(amira.get_by_role("heading", level=1)).to_have_text(TITLE)
    journey.check(page=amira)
    assert emailed(network.member, f"New on a topic you follow: “{TITLE}”")

"""Journey (i): an editor claims a submission from the review queue, requests changes with an
inline comment (the author gets one email, in French, with the note and the comment), the author
reads the note on the edit page and resubmits, the editor approves with a comment, and the author
receives the approval with its comment in French."""

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.urls import reverse

from wagtail.models import WorkflowState

from knowledge.factories import KnowledgeArticlePageFactory
from notifications.models import Preference
from reviews.models import Claim

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Lending tools from a library"


@pytest.fixture(autouse=True)
def _no_autosave(settings):
    """As in the knowledge journey: an autosave in flight would race the review's decision."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def submitted_article(network):
    """The member's draft, submitted to "Knowledge review" as the admin's Submit does."""
    member = network.member
    article = KnowledgeArticlePageFactory(
        parent=network.pages["knowledge_index"], title=TITLE, owner=member, live=False
    )
    article.save_revision(user=member)
    article.get_workflow().start(article, member)
    return article


def from_action_menu(page, label):
    """The footer's action menu (a comment card has a "More actions" menu of its own)."""
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=label).click()


def workflow_action(journey, page, action, comment):
    """An editor's decision with a comment in Wagtail's modal."""
    from_action_menu(page, action)
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(comment)
    with page.expect_navigation():
        dialog.get_by_role("button", name=action).click()


def emails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_editor_claims_requests_changes_with_inline_comments_and_approves(journey, network):
    Preference.objects.create(user=network.member, language="fr")
    article = submitted_article(network)
    mail.outbox.clear()

    editor = journey.new_person(user=network.editor)
    journey.goto(reverse("reviews_queue"), step="editor opens the review queue", page=editor)
    row = editor.get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Knowledge article")
    journey.check(page=editor)

    journey.step("editor claims the submission")
    row.get_by_role("button", name="I'll review this").click()
    expect(editor.get_by_text("You are reviewing this submission.")).to_be_visible()
    assert Claim.objects.get().reviewer == network.editor
    journey.check(page=editor)

    journey.step("editor opens it and comments on the summary")
    editor.get_by_role("row").filter(has_text=TITLE).get_by_role("link", name=TITLE).click()
    expect(editor.locator("#id_title")).to_have_value(TITLE)
    editor.locator("[data-contentpath='intro']").get_by_role("button", name="Add comment").click()
    editor.get_by_role("textbox", name="Enter your comments").fill("Which library? Name it.")
    editor.get_by_role("button", name="Comment", exact=True).click()
    journey.check(page=editor, axe=False)

    journey.step("editor requests changes")
    workflow_action(journey, editor, "Request changes", "Please add what the tools cost.")
    state = WorkflowState.objects.for_instance(article).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [email] = emails_to(network.member)
    assert "a demandé des modifications" in email.subject and TITLE in email.subject
    assert "Please add what the tools cost." in email.body
    assert "Which library? Name it." in email.body
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert edit_url in email.body

    member = journey.new_person(user=network.member)
    journey.goto(edit_url, step="author reads the note on the edit page", page=member)
    note = member.locator(".messages li.warning")
    expect(note).to_have_text("Changes requested by Edith Stone: Please add what the tools cost.")
    journey.check(page=member, axe=False)

    journey.step("author revises and resubmits")
    member.locator("#id_intro").fill("How our library lends drills and ladders, and the cost.")
    from_action_menu(member, "Resubmit to Editors' review")
    expect(member.get_by_text("has been submitted for moderation")).to_be_visible()
    assert WorkflowState.objects.for_instance(article).get().status == "in_progress"

    mail.outbox.clear()
    journey.goto(edit_url, step="editor approves with a comment", page=editor)
    workflow_action(journey, editor, "Approve with comment", "Clear and useful, thank you.")
    article.refresh_from_db()
    assert article.live
    [approval] = emails_to(network.member)
    assert "a approuvé et publié" in approval.subject and TITLE in approval.subject
    assert "Clear and useful, thank you." in approval.body

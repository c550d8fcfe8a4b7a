"""Journeys (b), (c) and (d), one after the other on one article:

(b) a member logs in, writes a knowledge article in the Wagtail admin with a heading, text and an
    image, submits it for review and sees "In review" on their dashboard;
(c) an editor requests changes with a comment, the member revises and resubmits, the editor
    approves;
(d) a visitor finds the new article through the search suggestions and the search page.
"""

import re

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from wagtail.models import WorkflowState

from home.factories import picture
from knowledge.models import KnowledgeArticlePage

from .content import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Running a repair cafe in a library"
CREATED_AND_SUBMITTED = f"Page '{TITLE}' created and submitted for moderation."
RESUBMITTED = f"Page '{TITLE}' has been submitted for moderation."


@pytest.fixture(autouse=True)
def _no_autosave(settings):
    """Wagtail's autosave (every 500 ms) off: a journey clicks faster than a person, and an
    autosave still in flight when it submits races the submission. Seen here: on a new page both
    create it and the second fails on the taken slug (a 500); on review, the autosave's new
    revision makes the editor's decision stale (a 400)."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def my_articles(page):
    return page.get_by_role("region", name="My articles")


def insert_block(page, kind):
    """Open the last "+" of the body's stream and pick a block type."""
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=kind, exact=True).click()


def body_text(page):
    """The rich text editors of the body's paragraphs."""
    return page.locator("[data-contentpath='body'] [contenteditable='true']")


def submit_from_action_menu(page, label):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=label).click()


def workflow_action(journey, page, action, comment):
    """An editor's decision from the page's action menu, with a comment in Wagtail's modal."""
    submit_from_action_menu(page, action)
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(comment)
    journey.check(page=page)
    with page.expect_navigation():
        dialog.get_by_role("button", name=action).click()


def test_member_writes_editor_reviews_and_visitor_finds_the_article(journey, network, tmp_path):
    # (b) The member logs in on the public site and goes to the admin.
    member = journey.new_person()
    journey.goto(reverse("login"), step="member logs in", page=member)
    member.get_by_label("Username").fill(network.member.username)
    member.get_by_label("Password").fill(PASSWORD)
    member.get_by_role("button", name="Log in").click()
    expect(my_articles(member)).to_be_visible()  # members land on their work

    journey.goto(reverse("wagtailadmin_home"), step="member opens the dashboard", page=member)
    expect(my_articles(member)).to_contain_text("You have not written any articles yet.")
    journey.check(page=member)

    journey.step("member starts an article from the dashboard")
    my_articles(member).get_by_role("link", name="Write an article").click()
    expect(member.get_by_role("heading", level=1)).to_contain_text(
        "knowledge article", ignore_case=True
    )
    journey.check(page=member)

    journey.step("member writes a heading, text and an image")
    member.locator("#id_title").fill(TITLE)
    member.locator("#id_intro").fill("What we learned lending tools and fixing toasters.")
    insert_block(member, "Heading")
    member.locator("[name='body-0-value-text']").fill("What we did")
    insert_block(member, "Paragraph")
    body_text(member).last.click()
    member.keyboard.type("Volunteers fixed forty toasters in the first month.")
    insert_block(member, "Image")
    member.get_by_role("button", name="Choose an image").click()
    chooser = member.get_by_role("dialog")
    chooser.get_by_role("tab", name="Upload").click()
    upload = tmp_path / "repair-cafe.png"
    upload.write_bytes(picture("An uploaded photo", width=640, height=360).file.getvalue())
    chooser.locator("input[type=file]").set_input_files(str(upload))
    chooser.get_by_label("Title").fill("Volunteers at the repair cafe")
    chooser.get_by_role("button", name="Upload").click()
    expect(chooser).to_be_hidden()
    member.get_by_label("Alt text", exact=True).fill("Volunteers mending a toaster at a long table")
    member.get_by_role("checkbox", name="Transport").check()
    journey.check(page=member)

    journey.step("member submits the article for review")
    submit_from_action_menu(member, "Submit to Knowledge review")
    expect(member.get_by_text(CREATED_AND_SUBMITTED)).to_be_visible()
    article = KnowledgeArticlePage.objects.get(title=TITLE)
    assert article.workflow_in_progress and not article.live
    assert [block.block_type for block in article.get_latest_revision_as_object().body] == [
        "heading",
        "paragraph",
        "image",
    ]
    journey.check(page=member)

    journey.goto(reverse("wagtailadmin_home"), step="member sees it in review", page=member)
    row = my_articles(member).get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("In review")
    journey.check(page=member)

    # (c) The editor asks for changes.
    editor = journey.new_person(user=network.editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    journey.goto(edit_url, step="editor opens the submitted article", page=editor)
    expect(editor.locator("#id_title")).to_have_value(TITLE)
    journey.check(page=editor)
    journey.step("editor requests changes with a comment")
    workflow_action(journey, editor, "Request changes", "Please say what the tools cost.")
    state = WorkflowState.objects.for_instance(article).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    journey.check(page=editor)

    journey.goto(reverse("wagtailadmin_home"), step="member reads the request", page=member)
    row = my_articles(member).get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Changes requested")
    expect(row).to_contain_text("Please say what the tools cost.")
    journey.check(page=member)

    journey.step("member revises and resubmits")
    row.get_by_role("link", name=TITLE).click()
    insert_block(member, "Paragraph")
    body_text(member).last.click()
    member.keyboard.type("The tools cost 300 pounds, paid by the library.")
    journey.check(page=member)
    submit_from_action_menu(member, "Resubmit to Editors' review")
    expect(member.get_by_text(RESUBMITTED)).to_be_visible()
    revised = KnowledgeArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert "300 pounds" in str(revised.body)
    assert WorkflowState.objects.for_instance(article).get().status == "in_progress"
    journey.check(page=member)

    journey.goto(edit_url, step="editor approves the revised article", page=editor)
    expect(body_text(editor).last).to_have_text("The tools cost 300 pounds, paid by the library.")
    workflow_action(journey, editor, "Approve with comment", "Thanks, clear and useful.")
    article.refresh_from_db()
    assert article.live and not article.has_unpublished_changes
    journey.check(page=editor)

    journey.goto(reverse("wagtailadmin_home"), step="member sees it published", page=member)
    row = my_articles(member).get_by_role("row").filter(has_text=TITLE)
    expect(row).to_contain_text("Published")
    journey.check(page=member)

    # (d) A visitor finds it: first in the suggestions, then on the search page.
    visitor = journey.page
    journey.goto("/", step="visitor types in the search box")
    search_box = visitor.get_by_role("combobox", name="Search the site")
    search_box.click()
    search_box.press_sequentially("repair cafe")
    suggestion = visitor.get_by_role("option", name=TITLE)
    expect(suggestion).to_be_visible()
    expect(search_box).to_have_attribute("aria-expanded", "true")
    journey.check()

    journey.step("visitor opens the suggestion")
    suggestion.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("main")).to_contain_text("The tools cost 300 pounds")
    expect(
        visitor.locator("main img[alt='Volunteers mending a toaster at a long table']")
    ).to_be_visible()
    journey.check()

    journey.step("visitor searches for the article's text")
    search_box = visitor.get_by_role("combobox", name="Search the site")
    search_box.fill("toasters")
    search_box.press("Enter")
    expect(visitor).to_have_url(re.compile(r"/search/\?q=toasters"))
    result = visitor.locator(".search-result").filter(has_text=TITLE)
    expect(result).to_be_visible()
    expect(result.locator(".search-result__kind")).to_contain_text("Knowledge article")
    journey.check()
    result.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)

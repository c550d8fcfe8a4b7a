"""The member → editor review loop and its denials, driven through the Wagtail admin."""

import datetime

import pytest

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import TopicFactory
from knowledge.factories import (
    KnowledgeArticlePageFactory,
)
from knowledge.models import KnowledgeArticlePage
from knowledge.panels import article_statuses
from tests.helpers import login


def article_data(title="Moving a charity's email to the cloud", **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "intro": "What three charities learned moving their mail.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Plan the switch for a quiet week.</p>"))]
            ),
            "review_by": "",
            **extra,
        }
    )
    return data


def add_url(knowledge_index):
    return reverse(
        "wagtailadmin_pages:add", args=["knowledge", "knowledgearticlepage", knowledge_index.pk]
    )


def draft_of(member, knowledge_index, title="Draft by someone else"):
    """A member's unpublished draft, made as the admin would: owned by them, with a revision."""
    article = KnowledgeArticlePageFactory(
        parent=knowledge_index, title=title, owner=member, live=False
    )
    article.save_revision(user=member)
    return article


def task_state(article):
    return (
        WorkflowState.objects.for_instance(article)
        .get(status=WorkflowState.STATUS_IN_PROGRESS)
        .current_task_state
    )


def workflow_action(client, article, action, comment=""):
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state(article).pk]
    )
    return client.post(url, {"comment": comment})


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_member_draft_to_review_to_changes_to_approval_goes_live_and_is_searchable(
    knowledge_index, member, editor, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Cloud and infrastructure")
    as_member, as_editor = login(member), login(editor)

    response = as_member.post(
        add_url(knowledge_index),
        {**article_data(), "topics": [topic.pk], "action-submit": "submit"},
    )
    assert response.status_code == 302, response.context["form"].errors
    article = KnowledgeArticlePage.objects.get(title="Moving a charity's email to the cloud")
    assert article.owner == member and not article.live
    assert article.workflow_in_progress
    assert recipients() == ["edith@example.org"]
    assert "Moving a charity" in mail.outbox[0].subject

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(as_editor, article, "reject", comment="Please add what it cost.")
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(article).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients() == ["amira@example.org"]
    assert "asked for changes" in mail.outbox[0].subject
    assert "rejected" not in mail.outbox[0].subject + mail.outbox[0].body
    assert "Please add what it cost." in mail.outbox[0].body
    (status,) = article_statuses(member)
    assert status.status == "changes_requested"
    assert status.review_comment == "Please add what it cost."
    dashboard = as_member.get(reverse("wagtailadmin_home")).content.decode()
    assert "My articles" in dashboard and "Please add what it cost." in dashboard

    mail.outbox.clear()
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = as_member.post(
        edit_url,
        {
            **article_data(
                slug=article.slug,
                body=streamfield(
                    [("paragraph", rich_text("<p>It cost us two days and £300.</p>"))]
                ),
            ),
            "topics": [topic.pk],
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.workflow_in_progress and not article.live
    assert recipients() == ["edith@example.org"]

    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[article.pk, state.task_states.order_by("pk").first().revision_id, "latest"],
    )
    assert as_editor.get(compare).status_code == 200
    assert "two days and" in as_editor.get(compare).content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(
            as_editor, article, "approve", comment="Thanks, clear and useful."
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live and not article.has_unpublished_changes
    assert article.last_reviewed == timezone.localdate()
    assert article.review_by > timezone.localdate()
    assert recipients() == ["amira@example.org"]
    assert "Thanks, clear and useful." in mail.outbox[0].body
    assert article_statuses(member)[0].status == "published"
    found = Page.objects.live().search("two days")
    assert article.pk in [page.pk for page in found]
    assert Client().get(article.url).status_code == 200


def test_member_publish_action_only_submits_a_draft(knowledge_index, member):
    response = login(member).post(
        add_url(knowledge_index), {**article_data(), "action-publish": "publish"}
    )
    assert response.status_code == 302
    article = KnowledgeArticlePage.objects.get()
    assert not article.live and article.first_published_at is None
    assert not PageLogEntry.objects.filter(page=article, action="wagtail.publish").exists()


def test_member_cannot_approve_own_submission(knowledge_index, member):
    as_member = login(member)
    as_member.post(add_url(knowledge_index), {**article_data(), "action-submit": "submit"})
    article = KnowledgeArticlePage.objects.get()
    response = workflow_action(as_member, article, "approve")
    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert not article.live and article.workflow_in_progress
    assert task_state(article).status == "in_progress"


def test_member_missing_required_fields_keeps_input_and_shows_errors(knowledge_index, member):
    data = {**article_data(title=""), "intro": "Typed before the mistake.", "action-submit": "1"}
    response = login(member).post(add_url(knowledge_index), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required" in html
    assert "Typed before the mistake." in html
    assert not KnowledgeArticlePage.objects.exists()


def test_workflow_action_on_page_not_in_review_is_refused_with_message(
    knowledge_index, editor, member
):
    login(member).post(add_url(knowledge_index), {**article_data(), "action-submit": "submit"})
    article = KnowledgeArticlePage.objects.get()
    finished = task_state(article)
    as_editor = login(editor)
    workflow_action(as_editor, article, "approve")
    article.refresh_from_db()
    published = article.live_revision_id
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "reject", finished.pk])
    response = as_editor.post(url, {"comment": "Too late"}, follow=True)
    assert response.status_code == 200
    assert any("not currently" in str(message) for message in response.context["messages"])
    article.refresh_from_db()
    assert article.live and article.live_revision_id == published
    assert WorkflowState.objects.for_instance(article).get().status == WorkflowState.STATUS_APPROVED


def test_workflow_actions_require_csrf_token(knowledge_index, member, editor):
    login(member).post(add_url(knowledge_index), {**article_data(), "action-submit": "submit"})
    article = KnowledgeArticlePage.objects.get()
    response = workflow_action(login(editor, enforce_csrf_checks=True), article, "approve")
    assert response.status_code == 403
    article.refresh_from_db()
    assert not article.live and article.workflow_in_progress


def test_editing_a_page_in_review_requires_reapproval(knowledge_index, member, editor, settings):
    assert settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT is True
    as_member = login(member)
    as_member.post(add_url(knowledge_index), {**article_data(), "action-submit": "submit"})
    article = KnowledgeArticlePage.objects.get()
    submitted = task_state(article)
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    changed = {**article_data(title="A later change", slug=article.slug)}

    as_member.post(edit_url, changed)
    article.refresh_from_db()
    assert article.latest_revision_id == submitted.revision_id, "locked while in review"

    as_editor = login(editor)
    as_editor.post(edit_url, changed)
    article.refresh_from_db()
    assert article.latest_revision_id != submitted.revision_id

    workflow_action(as_editor, article, "approve")
    article.refresh_from_db()
    assert not article.live, "approving the old revision does not publish the edited one"
    again = task_state(article)
    assert again.pk != submitted.pk and again.revision_id == article.latest_revision_id

    workflow_action(as_editor, article, "approve")
    article.refresh_from_db()
    assert article.live and article.title == "A later change"


OTHER_PAGE_VIEWS = [
    ("wagtailadmin_pages:edit", "get"),
    ("wagtailadmin_pages:edit", "post"),
    ("wagtailadmin_pages:delete", "get"),
    ("wagtailadmin_pages:delete", "post"),
    ("wagtailadmin_pages:copy", "post"),
    ("wagtailadmin_pages:history", "get"),
    ("wagtailadmin_pages:revisions_index", "get"),
    ("wagtailadmin_pages:workflow_history", "get"),
    ("wagtailadmin_pages:preview_on_edit", "get"),
    ("wagtailadmin_pages:unpublish", "post"),
    ("wagtailadmin_pages:move", "get"),
]


@pytest.mark.parametrize(("url_name", "method"), OTHER_PAGE_VIEWS)
def test_member_cannot_touch_another_members_page(
    knowledge_index, member, other_member, url_name, method
):
    article = draft_of(other_member, knowledge_index, title="Bruno's secret draft")
    KnowledgeArticlePageFactory(parent=knowledge_index, title="Live by Bruno", owner=other_member)
    before = (article.title, article.latest_revision_id, Page.objects.count())
    response = getattr(login(member), method)(
        reverse(url_name, args=[article.pk]),
        {"new_title": "Copied", "new_slug": "copied", "new_parent_page": knowledge_index.pk},
    )
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith(reverse("wagtailadmin_home"))
    assert "Bruno's secret draft" not in response.content.decode()
    article.refresh_from_db()
    assert (article.title, article.latest_revision_id, Page.objects.count()) == before


def test_member_cannot_compare_revisions_of_another_members_page(
    knowledge_index, member, other_member
):
    article = draft_of(other_member, knowledge_index)
    first = article.latest_revision_id
    article.title = "Second thoughts"
    article.save_revision(user=other_member)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first, "latest"])
    response = login(member).get(url)
    assert response.status_code in (302, 403)
    assert "Second thoughts" not in response.content.decode()


def test_member_cannot_unpublish_or_move_own_published_article(knowledge_index, member, home):
    article = KnowledgeArticlePageFactory(
        parent=knowledge_index, owner=member, title="My live guide"
    )
    as_member = login(member)
    unpublish = as_member.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    move = as_member.post(
        reverse("wagtailadmin_pages:move_confirm", args=[article.pk, home.pk]), {}
    )
    assert unpublish.status_code in (302, 403) and move.status_code in (302, 403)
    article.refresh_from_db()
    assert article.live and article.get_parent().pk == knowledge_index.pk


def test_members_do_not_see_other_members_drafts_in_explorer_search_or_chooser(
    knowledge_index, member, other_member
):
    draft_of(other_member, knowledge_index, title="Bruno's secret draft")
    draft_of(member, knowledge_index, title="Amira's own draft")
    KnowledgeArticlePageFactory(
        parent=knowledge_index, title="A published guide", owner=other_member
    )
    as_member = login(member)
    pages = [
        as_member.get(reverse("wagtailadmin_explore", args=[knowledge_index.pk])),
        as_member.get(reverse("wagtailadmin_pages:search"), {"q": "draft"}),
        as_member.get(reverse("wagtailadmin_pages:search"), {"q": "secret"}),
        as_member.get(reverse("wagtailadmin_choose_page_child", args=[knowledge_index.pk])),
        as_member.get(reverse("wagtailadmin_choose_page_search"), {"q": "secret"}),
        as_member.get(reverse("wagtailadmin_home")),
    ]
    for response in pages:
        assert response.status_code == 200, response.request["PATH_INFO"]
        assert "Bruno&#x27;s secret draft" not in response.content.decode(), response.request[
            "PATH_INFO"
        ]
        assert "Bruno&#x27;s secret draft" not in response.content.decode()
        assert "Bruno's secret draft" not in response.content.decode()
    explorer = pages[0].content.decode()
    assert "Amira&#x27;s own draft" in explorer and "A published guide" in explorer


def test_members_explorer_starts_at_the_knowledge_index_and_menus_are_trimmed(
    knowledge_index, member
):
    response = login(member).get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("wagtailadmin_explore", args=[knowledge_index.pk]) in html
    assert reverse("wagtailadmin_reports:locked_pages") not in html
    assert reverse("wagtailsnippets:index") not in html
    assert reverse("wagtailusers_users:index") not in html


def test_editor_sees_review_queue_with_who_and_how_long(knowledge_index, member, editor):
    login(member).post(add_url(knowledge_index), {**article_data(), "action-submit": "submit"})
    state = task_state(KnowledgeArticlePage.objects.get())
    state.started_at = timezone.now() - datetime.timedelta(days=3)
    state.save()
    html = login(editor).get(reverse("reviews_queue")).content.decode()
    assert "Moving a charity" in html
    assert member.get_full_name() in html
    assert "3\xa0days" in html
    assert (
        reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[state.workflow_state.object_id, state.task_id],
        )
        in html
    )
    assert login(member).get(reverse("reviews_queue")).status_code in (302, 403)


def test_review_queue_links_resubmissions_to_their_changes_in_constant_queries(
    knowledge_index, member, editor
):
    as_member, as_editor = login(member), login(editor)
    as_member.post(
        add_url(knowledge_index), {**article_data("Resubmitted guide"), "action-submit": "submit"}
    )
    article = KnowledgeArticlePage.objects.get()
    first_revision = task_state(article).revision_id
    workflow_action(as_editor, article, "reject", comment="Please add costs.")
    as_member.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {**article_data("Resubmitted guide", slug=article.slug), "action-submit": "submit"},
    )
    resubmitted = task_state(article)
    queue = reverse("reviews_queue")
    html = as_editor.get(queue).content.decode()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[article.pk, first_revision, resubmitted.revision_id],
    )
    assert compare in html and "Compare with the previous submission" in html
    assert "First submission" not in html

    with CaptureQueriesContext(connection) as one:
        as_editor.get(queue)
    for n in range(3):
        new_article = {**article_data(f"New guide {n}"), "action-submit": "submit"}
        as_member.post(add_url(knowledge_index), new_article)
    as_editor.get(queue)  # as before the first count: what the admin keeps between requests
    with CaptureQueriesContext(connection) as four:
        html = as_editor.get(queue).content.decode()
    assert html.count("First submission: view the draft") == 3
    assert 0 < len(four.captured_queries) <= len(one.captured_queries)


def test_editor_sees_articles_past_their_review_date(knowledge_index, editor, member):
    KnowledgeArticlePageFactory(
        parent=knowledge_index,
        title="Old advice on fax machines",
        review_by=datetime.date(2020, 1, 1),
    )
    KnowledgeArticlePageFactory(parent=knowledge_index, title="Fresh advice")
    as_editor = login(editor)
    html = as_editor.get(reverse("knowledge_out_of_date")).content.decode()
    assert "Old advice on fax machines" in html and "Fresh advice" not in html
    assert login(member).get(reverse("knowledge_out_of_date")).status_code in (302, 403)

"""Every page someone can submit for review reaches reviewers who exist and can approve it
(issue 16): no page falls to Wagtail's default "Moderators approval", whose group is empty."""

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowState, get_page_models

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import HomePageFactory, StandardPageFactory
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
)
from knowledge.models import KnowledgeArticlePage
from knowledge.roles import DEFAULT_WORKFLOW_NAME, SITE_WORKFLOW_NAME, WORKFLOW_NAME, ensure_roles
from news.factories import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def drafts(home):
    """A draft of every page type, where the site would hold it."""
    news = NewsIndexPageFactory(parent=home)
    studies = CaseStudyIndexPageFactory(parent=home)
    knowledge = KnowledgeIndexPageFactory(parent=home)
    pages = [
        HomePageFactory(parent=Page.get_first_root_node(), title="Second site", slug="second"),
        StandardPageFactory(parent=home, title="About", slug="about"),
        NewsIndexPageFactory(parent=home, title="Press", slug="press"),
        NewsPageFactory(parent=news, title="Ferry timetable"),
        CaseStudyIndexPageFactory(parent=home, title="Library", slug="library"),
        CaseStudyPageFactory(parent=studies, title="Ferries"),
        KnowledgeIndexPageFactory(parent=home, title="Guides", slug="guides"),
        KnowledgeArticlePageFactory(parent=knowledge, title="Ferry tips"),
    ]
    for page in pages:
        Page.objects.filter(pk=page.pk).update(live=False)
    return [Page.objects.get(pk=page.pk).specific for page in pages]


def test_every_page_type_is_covered(drafts):
    page_types = {model for model in get_page_models() if model is not Page}
    assert {type(page) for page in drafts} == page_types


def test_every_page_type_goes_from_submit_to_approval_by_a_real_editor(drafts):
    submitter = EditorFactory(username="edith", email="edith@example.org")
    reviewer = EditorFactory(username="emma", email="emma@example.org")
    as_reviewer = Client()
    as_reviewer.force_login(reviewer)
    for page in drafts:
        workflow = page.get_workflow()
        assert workflow.active and workflow.name in (WORKFLOW_NAME, SITE_WORKFLOW_NAME), page
        page.save_revision(user=submitter)
        assert page.permissions_for_user(submitter).can_submit_for_moderation(), page
        mail.outbox.clear()
        state = workflow.start(page, submitter)
        assert [message.to for message in mail.outbox] == [["emma@example.org"]], page

        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        )
        assert as_reviewer.post(url, {"comment": ""}).status_code == 302, page
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED, page
        assert Page.objects.get(pk=page.pk).live, page


def test_members_articles_go_to_knowledge_review(drafts):
    member = MemberFactory()
    index = next(page for page in drafts if isinstance(page, KnowledgeArticlePage)).get_parent()
    article = KnowledgeArticlePageFactory(parent=index, title="Mine", owner=member)
    assert article.get_workflow().name == WORKFLOW_NAME


def test_no_page_is_left_to_the_default_moderators_workflow(home):
    ensure_roles()
    default = Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME).first()
    if default is not None:
        assert not default.active
        assert not default.workflow_pages.exists()
    assert home.get_workflow().name == SITE_WORKFLOW_NAME

"""Translations go through review (issue 16): never live before their source, never published half
translated, by any route; a translation of a reviewed page is submitted to its workflow from the
translation editor and approved by an editor."""

import json
import re

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
)
from knowledge.roles import SITE_WORKFLOW_NAME, WORKFLOW_NAME
from tests.helpers import login


@pytest.fixture
def fr(home):
    Locale.objects.get_or_create(language_code="en")
    french = Locale.objects.get_or_create(language_code="fr")[0]
    home.copy_for_translation(french).save_revision().publish()
    return french


@pytest.fixture
def reviewer(db):
    return EditorFactory(username="emma", email="emma@example.org")


@pytest.fixture
def index(home, fr, editor):
    index = KnowledgeIndexPageFactory(parent=home)
    submit(login(editor), index, fr)
    return index


def submit(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert client.post(url, {"locales": [locale.pk]}).status_code == 302


def translation_for(page, locale):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate_strings(translation, limit=None):
    """Translate the source's texts into the target language, all of them or the first `limit`."""
    segments = StringSegment.objects.filter(source=translation.source).order_by("order")
    for segment in segments[:limit] if limit else segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"FR {segment.string.data}", "translation_type": "manual"},
        )
    return segments.count()


def french_of(page, locale):
    return Page.objects.get(translation_key=page.translation_key, locale=locale).specific


def publish_routes(client, french, translation):
    """Every way an editor might publish the French page; each POST returns its response."""
    edit = reverse("wagtailadmin_pages:edit", args=[french.pk])
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    update = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    return [
        client.post(edit, {"action": "publish"}),
        client.post(edit, {"action-publish": "action-publish", "title": french.title}),
        client.post(f"{bulk}?id={french.pk}", {"include_descendants": ""}),
        client.post(
            f"/admin/api/main/pages/{french.pk}/action/publish/",
            {},
            content_type="application/json",
        ),
        client.post(update, {"publish_translations": "on"}),
    ]


def editor_props(client, french):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).content.decode()
    props = re.search(r'data-props="([^"]+)"', html).group(1)
    return html, json.loads(props.replace("&quot;", '"').replace("&amp;", "&"))


def test_translation_never_goes_live_before_its_source(
    index, fr, editor, member, django_capture_on_commit_callbacks
):
    article = KnowledgeArticlePageFactory(
        parent=index, title="Cutting food waste", owner=member, live=False
    )
    article.save_revision(user=member)
    article.get_workflow().start(article, member)
    as_editor = login(editor)
    submit(as_editor, article, fr)
    translation = translation_for(article, fr)
    translate_strings(translation)
    french = french_of(article, fr)

    html, props = editor_props(as_editor, french)
    assert props["perms"]["canPublish"] is False
    assert "The original page is not live yet." in html
    with django_capture_on_commit_callbacks(execute=True):
        for response in publish_routes(as_editor, french, translation):
            assert response.status_code < 500
    assert not Page.objects.get(pk=french.pk).live
    assert Client().get("/fr/knowledge/").status_code in (200, 404)
    assert "FR Cutting food waste" not in Client().get(french.url or "/fr/").content.decode()


def test_half_translated_page_cannot_be_published(
    index, fr, editor, django_capture_on_commit_callbacks
):
    article = KnowledgeArticlePageFactory(parent=index, title="Cutting food waste")
    as_editor = login(editor)
    submit(as_editor, article, fr)
    translation = translation_for(article, fr)
    total = translate_strings(translation, limit=1)
    assert total > 1
    french = french_of(article, fr)

    html, props = editor_props(as_editor, french)
    assert props["perms"]["canPublish"] is False
    assert f"{total - 1} of {total} texts are not translated yet." in html
    assert 'value="submit-for-review"' not in html
    with django_capture_on_commit_callbacks(execute=True):
        for response in publish_routes(as_editor, french, translation):
            assert response.status_code < 500
        response = as_editor.post(
            reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "submit-for-review"}
        )
    assert not Page.objects.get(pk=french.pk).live
    assert not WorkflowState.objects.for_instance(french).exists()

    # Once every text is translated, the same editor publishes it from the translation editor.
    translate_strings(translation)
    assert editor_props(as_editor, french)[1]["perms"]["canPublish"] is True
    with django_capture_on_commit_callbacks(execute=True):
        as_editor.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})
    assert Page.objects.get(pk=french.pk).live


def test_update_translations_publishes_only_what_may_go_live(
    index, fr, editor, django_capture_on_commit_callbacks
):
    done = KnowledgeArticlePageFactory(parent=index, title="Composting at work")
    as_editor = login(editor)
    submit(as_editor, done, fr)
    translate_strings(translation_for(done, fr))
    update = reverse(
        "wagtail_localize:update_translations", args=[translation_for(done, fr).source_id]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(update, {"publish_translations": "on"})
    assert response.status_code == 302
    assert french_of(done, fr).live


@pytest.mark.parametrize("kind", ["knowledge", "casestudy"])
def test_member_submits_a_complete_translation_for_review_and_an_editor_approves(
    home, index, fr, editor, reviewer, member, kind, django_capture_on_commit_callbacks
):
    if kind == "knowledge":
        page = KnowledgeArticlePageFactory(parent=index, title="Cutting food waste", owner=member)
        workflow_name = WORKFLOW_NAME
    else:
        studies = CaseStudyIndexPageFactory(parent=home)
        submit(login(editor), studies, fr)
        page = CaseStudyPageFactory(parent=studies, title="Ferries", owner=member)
        workflow_name = SITE_WORKFLOW_NAME
    submit(login(editor), page, fr)
    translate_strings(translation_for(page, fr))
    french = french_of(page, fr)
    Page.objects.filter(pk=french.pk).update(owner=member)
    translator = login(member if kind == "knowledge" else editor)

    html, props = editor_props(translator, french)
    assert 'value="submit-for-review"' in html
    mail.outbox.clear()
    edit = reverse("wagtailadmin_pages:edit", args=[french.pk])
    response = translator.post(edit, {"action": "submit-for-review"})
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(french).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == workflow_name
    assert "emma@example.org" in {address for message in mail.outbox for address in message.to}
    assert not Page.objects.get(pk=french.pk).live

    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[french.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert login(reviewer).post(approve, {"comment": ""}).status_code == 302
    french = Page.objects.get(pk=french.pk)
    assert french.live and french.title.startswith("FR ")


def test_approving_a_translation_whose_source_went_offline_changes_nothing(
    index, fr, editor, reviewer, django_capture_on_commit_callbacks
):
    article = KnowledgeArticlePageFactory(parent=index, title="Cutting food waste")
    as_editor = login(editor)
    submit(as_editor, article, fr)
    translate_strings(translation_for(article, fr))
    french = french_of(article, fr)
    as_editor.post(
        reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "submit-for-review"}
    )
    state = WorkflowState.objects.for_instance(french).get()
    article.unpublish()

    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[french.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = login(reviewer).post(approve, {"comment": ""})
    assert response.status_code in (302, 403)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == "in_progress"
    assert not Page.objects.get(pk=french.pk).live

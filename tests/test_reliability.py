"""Fault cases: failed publishes roll back, search outages don't block editors, schedules run,
concurrent edits are never silently lost (issue 10)."""

import datetime

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, WorkflowState
from wagtail.search.backends import get_search_backend
from wagtail.signals import page_published
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from knowledge.factories import EditorFactory, KnowledgeIndexPageFactory, MemberFactory
from knowledge.models import KnowledgeArticlePage
from news.factories import NewsPageFactory
from news.models import NewsPage


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw")


@pytest.fixture
def admin(superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    return client


@pytest.fixture
def article(news_index):
    return NewsPageFactory(parent=news_index, title="Old title", slug="article")


def edit_data(page, title, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": "intro",
            "date": "2026-05-01",
            "author": "",
            "body": streamfield([]),
            **extra,
        }
    )


def test_database_error_while_publishing_keeps_the_live_version_and_schedule(admin, article):
    expiry = timezone.now() + datetime.timedelta(days=30)
    article.expire_at = expiry
    article.save_revision().publish()
    article.refresh_from_db()
    live_revision_id = article.live_revision_id
    revisions_before = Revision.objects.count()

    def fail(**kwargs):
        raise DatabaseError("disk full")

    page_published.connect(fail, dispatch_uid="test-fail")
    try:
        response = admin.post(
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
            edit_data(
                article, "New title", expire_at="2030-01-01 00:00", **{"action-publish": "publish"}
            ),
        )
    finally:
        page_published.disconnect(dispatch_uid="test-fail")
    assert response.status_code == 500
    article = NewsPage.objects.get(pk=article.pk)
    assert article.title == "Old title" and article.live
    assert article.live_revision_id == live_revision_id
    assert article.expire_at == expiry
    assert Revision.objects.count() == revisions_before
    assert "Old title" in Client().get(article.url).content.decode()


def test_a_scheduled_version_locks_the_page_against_overwriting(admin, article, superuser):
    scheduled = article.save_revision(
        user=superuser, approved_go_live_at=timezone.now() + datetime.timedelta(days=3)
    )
    response = admin.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_data(article, "New title", **{"action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert "locked" in response.content.decode()
    scheduled.refresh_from_db()
    assert scheduled.approved_go_live_at is not None


def test_search_engine_outage_does_not_block_publishing_and_update_index_catches_up(
    admin, news_index, monkeypatch
):
    backend_class = type(get_search_backend())

    def down(*args, **kwargs):
        raise ConnectionError("search engine down")

    monkeypatch.setattr(backend_class, "add", down)
    monkeypatch.setattr(backend_class, "add_bulk", down)
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    page = NewsPage(slug="zeppelin")
    response = admin.post(
        url, edit_data(page, "Zeppelin timetable", **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    assert NewsPage.objects.get(slug="zeppelin").live
    monkeypatch.undo()
    assert not get_search_backend().search("Zeppelin", NewsPage).count()
    call_command("update_index", verbosity=0)
    assert [p.slug for p in get_search_backend().search("Zeppelin", NewsPage)] == ["zeppelin"]


def test_scheduled_publishing_publishes_due_pages_and_survives_a_bad_one(
    news_index, superuser, monkeypatch
):
    past = timezone.now() - datetime.timedelta(minutes=5)
    pages = []
    for slug in ["first", "bad", "last"]:
        page = NewsPageFactory(parent=news_index, slug=slug, title=slug)
        page.unpublish()
        page.title = f"{slug} approved"
        page.save_revision(user=superuser, approved_go_live_at=past)
        pages.append(page)
    original = Revision.publish

    def publish(revision, *args, **kwargs):
        if revision.object_id == str(pages[1].pk):
            raise DatabaseError("corrupt row")
        return original(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish)
    with pytest.raises(CommandError, match="1 scheduled change"):
        call_command("publish_scheduled")
    first, bad, last = (NewsPage.objects.get(pk=p.pk) for p in pages)
    assert first.live and first.title == "first approved"
    assert last.live and last.title == "last approved"
    assert not bad.live
    assert bad.revisions.filter(approved_go_live_at__isnull=False).exists()
    monkeypatch.undo()
    call_command("publish_scheduled")
    assert NewsPage.objects.get(pk=bad.pk).live


def test_an_approved_member_article_goes_live_on_its_schedule(home, settings):
    """Member asks for a publication date, an editor approves, the schedule publishes it."""
    index = KnowledgeIndexPageFactory(parent=home)
    member, editor = MemberFactory(username="amira"), EditorFactory(username="edith")
    as_member, as_editor = Client(), Client()
    as_member.force_login(member)
    as_editor.force_login(editor)
    go_live = timezone.now() + datetime.timedelta(days=2)
    data = nested_form_data(
        {
            "title": "Tide tables for harbours",
            "slug": "tide-tables",
            "intro": "When to sail.",
            "body": streamfield([("paragraph", rich_text("<p>High water at noon.</p>"))]),
            "review_by": "",
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "action-submit": "submit",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=["knowledge", "knowledgearticlepage", index.pk])
    assert as_member.post(add, data).status_code == 302
    article = KnowledgeArticlePage.objects.get(slug="tide-tables")
    state = WorkflowState.objects.for_instance(article).get().current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.pk])
    assert as_editor.post(approve, {"comment": "Good"}).status_code == 302

    article.refresh_from_db()
    scheduled = article.revisions.get(approved_go_live_at__isnull=False)
    assert not article.live and scheduled.approved_go_live_at.date() == go_live.date()
    call_command("publish_scheduled")
    assert not KnowledgeArticlePage.objects.get(pk=article.pk).live, "not before its time"
    assert Client().get(article.url).status_code == 404

    # Two days later (the schedule moved back rather than the clock forward):
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.approved_go_live_at = past
    scheduled.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    article = KnowledgeArticlePage.objects.get(pk=article.pk)
    assert article.live and article.live_revision_id == scheduled.pk
    assert not article.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert "High water at noon." in Client().get(article.url).content.decode()


def test_expired_pages_are_unpublished_by_the_schedule(article):
    article.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    article.save()
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live and article.expired


def test_a_locked_page_cannot_be_saved_by_another_editor(article, django_user_model):
    owner = django_user_model.objects.create_superuser("owner", "o@example.org", "pw")
    other = django_user_model.objects.create_superuser("other", "x@example.org", "pw")
    a, b = Client(), Client()
    a.force_login(owner)
    b.force_login(other)
    assert a.post(reverse("wagtailadmin_pages:lock", args=[article.pk])).status_code == 302
    revisions = article.revisions.count()
    response = b.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_data(article, "Overwritten", **{"action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert "locked" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Old title"
    assert article.revisions.count() == revisions


def test_a_stale_editor_is_warned_and_nothing_is_lost(article, django_user_model):
    one = django_user_model.objects.create_superuser("one", "1@example.org", "pw")
    two = django_user_model.objects.create_superuser("two", "2@example.org", "pw")
    first, second = Client(), Client()
    first.force_login(one)
    second.force_login(two)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    loaded = article.save_revision(user=one)
    stale = {
        "loaded_revision_id": loaded.pk,
        "loaded_revision_created_at": loaded.created_at.isoformat(),
    }
    assert first.post(url, edit_data(article, "First edit", **stale)).status_code == 302
    autosave = second.post(
        url, edit_data(article, "Second edit", **stale), HTTP_ACCEPT="application/json"
    )
    assert autosave.json()["error_code"] == "invalid_revision"
    assert second.post(url, edit_data(article, "Second edit", **stale)).status_code == 302
    titles = [r.content["title"] for r in article.revisions.order_by("created_at", "pk")]
    assert titles[-2:] == ["First edit", "Second edit"]

"""The whole-page cache, seen from outside: what a visitor gets, what a member gets, and which
changes show on the next anonymous request (docs/caching.md)."""

import os
import stat

import pytest
from django_comments_xtd.models import XtdComment

from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from home.factories import ImageFactory, TopicFactory
from home.models import SiteSettings
from knowledge.factories import (
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
)
from members.factories import approved_comment
from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.settings import env
from tests.helpers import login
from tests.test_knowledge_workflow import article_data

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache that notes the addresses it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def news(site):
    SiteSettings.for_site(site)  # made on first use: a setting saved, so a purge
    index = NewsIndexPageFactory(parent=site.root_page, slug="news")
    item = NewsPageFactory(parent=index, title="Harbour reopens", slug="harbour-reopens")
    return index, item


def visit(url):
    """An anonymous visitor's GET: a fresh client, no cookies."""
    return Client().get(url)


def is_cached(url):
    return visit(url).get("X-Page-Cache") == "hit"


def test_a_visitor_gets_a_stored_page_that_proxies_may_hold_too(news):
    index, _item = news
    first = visit(index.url)
    second = visit(index.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    cache_control = second["Cache-Control"]
    assert "public" in cache_control and "s-maxage=300" in cache_control


def test_members_get_fresh_pages_that_nobody_stores(news, client):
    index, _item = news
    member = MemberFactory(first_name="Quentin")
    client.force_login(member)
    response = client.get(index.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "Quentin" not in visit(index.url).content.decode()


def test_a_page_with_a_form_and_a_csrf_token_is_never_stored(news):
    assert visit("/members/join/").get("X-Page-Cache") is None
    assert not is_cached("/members/join/")


def test_a_members_only_article_is_never_stored_for_anyone(site, client):
    SiteSettings.for_site(site)
    index = KnowledgeIndexPageFactory(parent=site.root_page)
    secret = KnowledgeArticlePageFactory(parent=index, members_only=True, title="Quokka plans")
    client.force_login(MemberFactory())
    assert "Quokka plans" in client.get(secret.url).content.decode()
    response = visit(secret.url)
    assert response.status_code == 302
    assert "Quokka plans" not in visit(index.url).content.decode()


def test_a_publish_shows_on_the_next_anonymous_request(news):
    index, _item = news
    visit(index.url)
    NewsPageFactory(parent=index, title="Ferry timetable", live=False).save_revision().publish()
    assert "Ferry timetable" in visit(index.url).content.decode()


def test_a_draft_or_autosave_of_a_live_page_purges_nothing(news):
    index, item = news
    visit(index.url)
    visit(item.url)
    item.title = "Unreviewed headline"
    item.save_revision()  # what the editor's autosave writes: a revision, not the live page
    assert is_cached(index.url) and is_cached(item.url)
    assert "Unreviewed headline" not in visit(item.url).content.decode()


def test_autosaving_a_live_article_in_the_editor_purges_nothing(site, editor):
    SiteSettings.for_site(site)
    index = KnowledgeIndexPageFactory(parent=site.root_page)
    article = KnowledgeArticlePageFactory(parent=index, title="Harbour walls")
    visit(index.url)
    visit(article.url)
    as_editor = login(editor)
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    revision = {}  # Wagtail's autosave: a first revision, then overwriting it while they type
    for title in ("Harbour walls, unrev", "Harbour walls, unreviewed"):
        data = article_data(title=title, slug=article.slug) | revision
        response = as_editor.post(edit, data, headers={"Accept": "application/json"})
        assert response.json()["success"]
        revision = {"overwrite_revision_id": response.json()["revision_id"]}
    assert article.revisions.count() == 1
    assert is_cached(index.url) and is_cached(article.url)
    assert "unreviewed" not in visit(article.url).content.decode()


def test_unpublishing_moving_and_deleting_show_at_once(home, news):
    index, item = news
    other = NewsIndexPageFactory(parent=home, slug="archive", title="Archive")
    visit(index.url)
    item.unpublish()
    assert "Harbour reopens" not in visit(index.url).content.decode()
    item.save_revision().publish()
    visit(index.url)
    item.move(other, pos="last-child")
    assert "Harbour reopens" not in visit(index.url).content.decode()
    visit(other.url)
    item.delete()
    assert "Harbour reopens" not in visit(other.url).content.decode()


def test_a_new_view_restriction_applies_on_the_next_request(news):
    index, item = news
    assert visit(item.url).status_code == 200
    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    assert visit(item.url).status_code == 302


@pytest.mark.parametrize("change", ["snippet", "setting", "image"])
def test_snippet_setting_and_image_saves_purge_every_page(news, site, change):
    index, _item = news
    visit(index.url)
    if change == "snippet":
        TopicFactory(name="Lighthouses")
    elif change == "setting":
        settings = SiteSettings.for_site(site)
        settings.save()
    else:
        ImageFactory()
    assert visit(index.url)["X-Page-Cache"] == "miss"


def test_an_approved_comment_shows_and_a_held_one_purges_nothing(site):
    SiteSettings.for_site(site)
    index = KnowledgeIndexPageFactory(parent=site.root_page)
    article = KnowledgeArticlePageFactory(parent=index)
    author = MemberFactory()
    comment = approved_comment(article, author, text="Waiting for a moderator")
    comment.is_public = False  # held: it waits in the moderators' queue
    comment.save()
    visit(article.url)
    XtdComment.objects.create(
        content_type=comment.content_type,
        object_pk=comment.object_pk,
        site_id=1,
        user=author,
        comment="Another held one",
        is_public=False,
    )
    assert is_cached(article.url)
    comment.is_public = True  # a moderator approves it
    comment.save()
    assert "Waiting for a moderator" in visit(article.url).content.decode()


def test_the_frontend_cache_is_purged_for_the_pages_listing_a_published_page(
    news, settings, django_capture_on_commit_callbacks
):
    index, _item = news
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    page = NewsPageFactory(parent=index, title="Ferry timetable", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert {index.full_url, index.get_site().root_page.full_url} <= set(PURGED)


def test_the_file_cache_folder_is_made_private(tmp_path):
    folder = env.private_directory(tmp_path / "pages")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700


def test_a_folder_others_may_enter_is_refused_for_the_file_cache(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    with pytest.raises(ImproperlyConfigured, match="chmod 700"):
        env.private_directory(shared)

"""Shared fixtures: the site (home under the root), a news section, a knowledge section with
another member's secret draft, members and an editor."""

import os
import uuid

import pytest
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task

from django.apps import apps
from django.core.cache import caches
from django.db import connection
from django.db.models.signals import post_delete
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.index import class_is_indexed, get_indexed_models

from home.factories import HomePageFactory
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
)
from members.factories import MemberProfileFactory
from news.factories import NewsIndexPageFactory
from portal.settings import env
from tests.helpers import SECRET


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Forget what a previous test's rolled-back data left in the caches: stored pages, rate
    limits and Wagtail's cached site root paths (stale once a test's sites are rolled back)."""
    caches["default"].clear()
    caches["pages"].clear()
    caches["limits"].clear()


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the default language: a request to /es/… leaves Spanish active in the
    test's thread (LocaleMiddleware activates per request), and `reverse` would then add /es/."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home(db):
    """A HomePage as the default site's root, replacing Wagtail's placeholder page."""
    root = Page.get_first_root_node()
    root.get_children().delete()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def knowledge_index(home):
    return KnowledgeIndexPageFactory(parent=home)


@pytest.fixture
def secret_draft(knowledge_index, other_member):
    """Another member's unpublished article with two revisions, submitted for review."""
    article = KnowledgeArticlePageFactory(
        parent=knowledge_index, title=f"{SECRET} first", owner=other_member, live=False
    )
    article.save_revision(user=other_member)
    article.title = f"{SECRET} second"
    article.save_revision(user=other_member)
    article.get_workflow().start(article, other_member)
    return article


@pytest.fixture
def member(db):
    """A member with a profile in the directory (Ada Lovelace, user name amira)."""
    user = MemberFactory(
        username="amira", email="amira@example.org", first_name="Ada", last_name="Lovelace"
    )
    return MemberProfileFactory(user=user, organisation="Analytical Co").user


@pytest.fixture
def other_member(db):
    return MemberFactory(username="bruno", email="bruno@example.org")


@pytest.fixture
def editor(db):
    return EditorFactory(username="edith", email="edith@example.org")


@pytest.fixture
def count_queries(client):
    """GET a URL (expecting 200) and count its SQL, leaving out savepoints."""

    def count(url, **params):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url, params)
        assert response.status_code == 200, url
        return sum(
            1
            for query in context.captured_queries
            if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        )

    return count


class IndexRefresher:
    """Refreshes the engine's index for a model as soon as something is written to it."""

    def __init__(self, backend):
        self.backend = backend

    def on_task(self, task_result, **kwargs):
        if task_result.task.module_path == insert_or_update_object_task.module_path:
            self.refresh(apps.get_model(*task_result.args[:2]))

    def on_delete(self, sender, **kwargs):
        if class_is_indexed(sender):
            self.refresh(sender)

    def refresh(self, model):
        self.backend.get_index_for_model(model).refresh()


@pytest.fixture(scope="session")
def search_engine_indexes():
    """Empty indexes, with their mappings, on the engine at SEARCH_URL for this test run, under a
    random prefix; deleted at the end."""
    prefix = f"portal_test_{uuid.uuid4().hex[:8]}_"
    config = env.search_backends(os.environ.get("SEARCH_BACKEND"), os.environ["SEARCH_URL"], prefix)
    params = dict(config["default"])
    backend = get_search_backend(params.pop("BACKEND"), **params)
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        if not index.exists():
            index.put()
        index.add_model(model)
    yield config
    backend.es.indices.delete(index=f"{prefix}*")


@pytest.fixture(autouse=True)
def _live_search_engine(request):
    """Tests marked `live_search` search the engine at SEARCH_URL when it is set (CI's third run),
    the database backend otherwise. Writes refresh the indexes, so a search sees what the test just
    saved (as a visitor would a second later); the documents are deleted after each test."""
    if not os.environ.get("SEARCH_URL") or request.node.get_closest_marker("live_search") is None:
        yield
        return
    config = request.getfixturevalue("search_engine_indexes")
    request.getfixturevalue("settings").WAGTAILSEARCH_BACKENDS = config
    backend = get_search_backend()
    refresher = IndexRefresher(backend)
    task_finished.connect(refresher.on_task)
    post_delete.connect(refresher.on_delete)
    try:
        yield
    finally:
        task_finished.disconnect(refresher.on_task)
        post_delete.disconnect(refresher.on_delete)
        backend.es.delete_by_query(
            index=f"{backend.index_prefix}*", body={"query": {"match_all": {}}}, refresh=True
        )

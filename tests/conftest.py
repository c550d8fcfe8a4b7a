"""Shared fixtures: the site (home under the root), a news section, members and an editor."""

import pytest

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site

from home.factories import HomePageFactory
from knowledge.factories import EditorFactory, MemberFactory
from members.factories import MemberProfileFactory
from news.factories import NewsIndexPageFactory


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

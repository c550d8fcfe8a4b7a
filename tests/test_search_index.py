"""Index freshness: publishing, unpublishing, moving, privacy and deletion reach search results.

Wagtail keeps the index current through django-modelsearch's signal handlers and its
`insert_or_update_object_task` (run at once in tests); search/signals.py reindexes after publish
so topics saved with the revision are indexed too. A failing search backend must never block
publishing, and `update_index` catches up afterwards.
"""

import logging

import pytest

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.factories import TopicFactory
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

URL = reverse("search")


def titles(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [item["page"].title for item in response.context["items"]]


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def article(home):
    """A published knowledge article anyone may read."""
    page = KnowledgeArticlePageFactory(
        parent=KnowledgeIndexPageFactory(parent=home), title="Geothermal boreholes"
    )
    page.save_revision().publish()
    return page


def publish_with_title(page, title):
    page.title = title
    page.save_revision().publish()


def test_publishing_a_draft_adds_it_to_results(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Placeholder", live=False)
    assert titles(client, "placeholder") == []
    publish_with_title(page, "Hydrogen boilers trial")
    assert titles(client, "hydrogen") == ["Hydrogen boilers trial"]
    assert titles(client, "placeholder") == []


def test_topics_saved_with_the_revision_are_searchable_once_published(client, article):
    article.topics.add(TopicFactory(name="Ground source", slug="ground-source"))
    article.save_revision().publish()
    assert titles(client, "ground source") == ["Geothermal boreholes"]


def test_unpublishing_removes_it_from_results(client, article):
    assert titles(client, "geothermal") == ["Geothermal boreholes"]
    article.unpublish()
    assert titles(client, "geothermal") == []


def test_moved_page_is_found_at_its_new_address(client, home, news_index):
    page = NewsPageFactory(parent=news_index, title="Boreholes in the park", slug="boreholes")
    page.save_revision().publish()
    archive = NewsIndexPageFactory(parent=home, title="Archive", slug="archive")
    page.move(archive, pos="last-child")
    response = client.get(URL, {"q": "boreholes"})
    assert [item["page"].title for item in response.context["items"]] == ["Boreholes in the park"]
    html = response.content.decode()
    assert 'href="/archive/boreholes/"' in html
    assert f'href="{news_index.url}boreholes/"' not in html


def test_password_restriction_removes_it_from_visitor_results(client, article):
    PageViewRestriction.objects.create(
        page=article,
        restriction_type=PageViewRestriction.PASSWORD,
        password="x",  # noqa: S106
    )
    assert titles(client, "geothermal") == []


def test_making_an_article_members_only_hides_it_from_visitors_not_members(client, article):
    article.members_only = True
    article.save_revision().publish()
    assert titles(client, "geothermal") == []
    member = User.objects.create_user("member", password="x")
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)
    assert titles(client, "geothermal") == ["Geothermal boreholes"]


def test_deleting_removes_it_from_results_and_index(client, article):
    pk = article.pk
    article.delete()
    assert titles(client, "geothermal") == []
    assert not IndexEntry.objects.filter(object_id=str(pk)).exists()


def test_failing_search_backend_never_blocks_publishing_and_update_index_catches_up(
    client, article, monkeypatch, caplog
):
    backend_class = type(get_search_backend())

    def unavailable(self, obj):
        raise ConnectionError("search engine unavailable")

    monkeypatch.setattr(backend_class, "add", unavailable)
    with caplog.at_level(logging.ERROR):
        publish_with_title(article, "Hydrogen boilers trial")
    article.refresh_from_db()
    assert article.live and article.title == "Hydrogen boilers trial"
    assert not article.has_unpublished_changes
    assert any(record.levelno >= logging.ERROR for record in caplog.records)
    assert titles(client, "hydrogen") == []  # the index missed the change

    monkeypatch.undo()
    call_command("update_index", verbosity=0)
    assert titles(client, "hydrogen") == ["Hydrogen boilers trial"]
    assert titles(client, "geothermal") == []

"""Index freshness: publishing, unpublishing, moving, privacy and deletion reach search results.

Wagtail keeps the index current through django-modelsearch's signal handlers and its
`insert_or_update_object_task` (run at once in tests); search/signals.py reindexes after publish
so topics saved with the revision are indexed too. Privacy is read from the pages themselves, so
a move or a new restriction applies at once. A failing search backend must never block
publishing, and `update_index` catches up afterwards.
"""

import logging

import pytest

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.factories import TopicFactory
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

URL = reverse("search")


def titles(client, query):
    """The titles found; the count and facets must agree with them (nothing counted unseen)."""
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    found = [item["page"].title for item in response.context["items"]]
    assert response.context["results"].paginator.count == len(found)
    for facet in response.context["facets"]:
        assert sum(option["count"] for option in facet["options"]) <= len(found), facet
    return found


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


def snippets(client, query):
    """{title: snippet HTML} of what a search finds."""
    items = client.get(URL, {"q": query}).context["items"]
    return {item["page"].title: str(item["snippet"]) for item in items}


def test_a_draft_edit_reaches_the_snippet_only_once_published(client, article):
    """Snippets are cut from the stored text, which a saved draft must not change."""
    article.intro = "Boreholes drilled under the confidential merger site."
    article.save_revision()
    assert titles(client, "confidential") == []
    assert "confidential" not in snippets(client, "boreholes")["Geothermal boreholes"]
    article.save_revision().publish()
    assert "<mark>confidential</mark>" in snippets(client, "confidential")["Geothermal boreholes"]


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


def restricted_section(home, title):
    section = NewsIndexPageFactory(parent=fresh(home), title=title, slug=title.lower())
    PageViewRestriction.objects.create(
        page=section,
        restriction_type=PageViewRestriction.PASSWORD,
        password="x",  # noqa: S106
    )
    return section


def fresh(page):
    """The page as stored: adding children leaves in-memory parents with stale tree fields."""
    return Page.objects.get(pk=page.pk).specific


def test_page_moved_into_a_restricted_section_leaves_visitor_results(client, home, news_index):
    page = NewsPageFactory(parent=news_index, title="Boreholes in the park")
    page.save_revision().publish()
    page.move(restricted_section(home, "Private"), pos="last-child")
    assert titles(client, "boreholes") == []


def test_section_moved_under_a_restricted_one_takes_its_pages_with_it(client, home, news_index):
    NewsPageFactory(parent=news_index, title="Boreholes in the park").save_revision().publish()
    fresh(news_index).move(restricted_section(home, "Private"), pos="last-child")
    assert titles(client, "boreholes") == []


def test_reordering_siblings_keeps_a_restricted_sections_pages_hidden(client, home, news_index):
    """Placing a page before a restricted section renumbers the section's subtree: its pages
    must stay hidden under the new numbers, and a public section's pages stay found."""
    private = restricted_section(home, "Private")
    NewsPageFactory(parent=private, title="Boreholes in secret").save_revision().publish()
    NewsPageFactory(parent=news_index, title="Boreholes in public").save_revision().publish()
    old_paths = dict(Page.objects.values_list("pk", "path"))
    old_paths.pop(home.pk)
    newcomer = NewsIndexPageFactory(parent=fresh(home), title="Newcomer", slug="newcomer")
    fresh(newcomer).move(fresh(private), pos="left")
    fresh(news_index).move(fresh(newcomer), pos="left")
    paths = dict(Page.objects.values_list("pk", "path"))
    assert any(paths[pk] != path for pk, path in old_paths.items())  # the moves renumbered them
    assert titles(client, "boreholes") == ["Boreholes in public"]


def test_update_index_rebuilds_the_index(client, article):
    get_search_backend().reset_indexes()
    assert titles(client, "geothermal") == []
    call_command("update_index", verbosity=0)
    assert titles(client, "geothermal") == ["Geothermal boreholes"]


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

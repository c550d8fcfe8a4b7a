"""Fragments of members' pages in the cache (docs/caching.md): never shown to a reader outside
the audience they were rendered for, and purged with the pages."""

import pytest

from django.test import Client

from home.factories import TopicFactory
from knowledge.factories import KnowledgeArticlePageFactory
from tests.helpers import login


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def article(knowledge_index):
    """An article whose related section lists a members-only article to members."""
    topic = TopicFactory(name="Heat pumps")
    KnowledgeArticlePageFactory(
        parent=knowledge_index, title="Members' heat pump costs", members_only=True, topics=[topic]
    )
    return KnowledgeArticlePageFactory(parent=knowledge_index, title="Heat pumps", topics=[topic])


def test_a_visitor_never_gets_the_fragment_rendered_for_a_member(article, member):
    for _ in range(2):  # the second render comes from the cached fragment
        assert "Members&#x27; heat pump costs" in login(member).get(article.url).content.decode()
    visitor = Client().get(article.url).content.decode()
    assert "Heat pumps" in visitor
    assert "heat pump costs" not in visitor


def test_a_members_cached_fragment_shows_a_published_change_at_once(article, member):
    as_member = login(member)
    assert "Heat pumps" in as_member.get(article.url).content.decode()
    article.title = "Air source heat pumps"
    article.save_revision().publish()
    assert "Air source heat pumps" in as_member.get(article.url).content.decode()

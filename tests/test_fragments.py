"""Fragments of members' pages in the cache (docs/caching.md): never shown to a reader outside
the audience they were rendered for, never holding one reader's own, and purged with the pages."""

import pytest

from django.test import Client
from django.urls import reverse

from home.factories import TopicFactory
from knowledge.factories import KnowledgeArticlePageFactory, UserFactory
from members.factories import approved_comment
from members.models import MemberProfile
from notifications.models import Notification
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


def test_a_signed_in_non_member_never_gets_the_fragment_rendered_for_members(article, member):
    for _ in range(2):
        assert "Members&#x27; heat pump costs" in login(member).get(article.url).content.decode()
    applicant = login(UserFactory()).get(article.url).content.decode()  # signed in, no group
    assert "Heat pumps" in applicant
    assert "heat pump costs" not in applicant
    assert "Write an article" not in applicant


def test_each_reader_gets_their_own_badge_and_report_links_beside_the_cached_fragments(
    article, member, other_member
):
    approved_comment(article, member, text="Ours cost less than quoted.")
    Notification.objects.create(
        recipient=other_member, kind="answer", key="k", subject="A reply", url="/"
    )
    for _ in range(2):  # the second render of each takes the fragments from the cache
        own = login(member).get(article.url).content.decode()
        other = login(other_member).get(article.url).content.decode()
        assert "Ours cost less than quoted." in own and "Ours cost less than quoted." in other
        assert "Report this comment" not in own  # one's own comment
        assert "Report this comment" in other
        assert "unread notification" not in own
        assert '<span class="badge">1<span class="visually-hidden"> unread notification' in other


# The discussion: each comment's author line and text are kept with the fragments; what depends
# on the reader (the report link, the forms) never is.


def discussion(client, page):
    """The page's discussion as `client` reads it the second time: from the cache (a test's
    first request also makes the site's settings, which purges)."""
    client.get(page.url)
    html = client.get(page.url).content.decode()
    return html.split('id="comments"', 1)[1].split("</section>", 1)[0]


def test_a_cached_discussion_gives_each_reader_their_own_report_links_and_forms(
    article, member, other_member
):
    approved_comment(article, member, text="From Ada")
    other = discussion(login(other_member), article)
    own = discussion(login(member), article)
    visitor = discussion(Client(), article)
    assert all("From Ada" in section for section in (other, own, visitor))
    assert "Report this comment" in other and "Post comment" in other
    assert "Report this comment" not in own and "Post comment" in own
    assert "Report this comment" not in visitor and "Post comment" not in visitor


def test_a_comment_authors_link_follows_their_listing_at_once(article, member, other_member):
    approved_comment(article, member, text="From Ada")
    reader = login(other_member)
    profile_url = reverse("members:profile", args=[member.pk])
    assert profile_url in discussion(reader, article)
    profile = MemberProfile.objects.get(user=member)
    profile.listed_in_directory = False
    profile.save()
    section = discussion(reader, article)
    assert profile_url not in section and "Ada Lovelace" in section


def test_new_and_removed_comments_show_at_once_in_a_cached_discussion(
    article, member, other_member
):
    comment = approved_comment(article, member, text="From Ada")
    reader = login(other_member)
    assert "From Ada" in discussion(reader, article)
    approved_comment(article, other_member, text="From Bruno")
    assert "From Bruno" in discussion(reader, article)
    comment.is_removed = True
    comment.save()
    section = discussion(reader, article)
    assert "From Ada" not in section and "removed by a moderator" in section

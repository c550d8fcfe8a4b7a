"""Notifications from the rest of the portal: a reply to your comment, a comment on your article,
and new content on a topic you follow; each once, and only once visitors of the page may see it."""

import datetime

import pytest
from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import XtdComment

from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

from home.factories import TopicFactory
from knowledge.factories import (
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
    UserFactory,
)
from members.factories import MemberProfileFactory, approved_comment
from news.factories import NewsPageFactory
from notifications.models import Notification, TopicFollow
from tests.helpers import login
from tests.test_knowledge_workflow import workflow_action

POST_URL = "/comments/post/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def index(home):
    return KnowledgeIndexPageFactory(parent=home)


@pytest.fixture
def topic(db):
    return TopicFactory(name="Cycling", slug="cycling")


def comment_data(page, text, reply_to=0):
    return {
        **XtdCommentForm(page).initial,
        "comment": text,
        "reply_to": reply_to,
        "next": f"{page.url}#comments",
        "honeypot": "",
    }


def trusted(page, user=None):
    """A member whose comments are public at once (two approved already)."""
    user = user or MemberProfileFactory().user
    for number in range(2):
        approved_comment(page, user, text=f"Approved {number} by {user.pk}")
    return user


def told(user, kind=None):
    notes = Notification.objects.filter(recipient=user)
    return list(notes.filter(kind=kind) if kind else notes)


def test_a_reply_to_your_comment_reaches_you_once_with_an_email(
    index, member, django_capture_on_commit_callbacks
):
    article = KnowledgeArticlePageFactory(parent=index, title="Counting cyclists")
    first = approved_comment(article, member, text="We used clickers.")
    replier = trusted(article)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(replier).post(
            POST_URL, comment_data(article, "How many volunteers?", reply_to=first.pk)
        )
    assert response.status_code == 302
    reply = XtdComment.objects.get(comment="How many volunteers?")
    [note] = told(member, "comment_reply")
    assert note.url == f"{article.url}#c{reply.pk}" and note.actor == replier
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "replied to your comment on “Counting cyclists”" in mail.outbox[0].subject
    reply.save()  # a later save (a flag, an edit by a moderator) tells nobody again
    assert len(told(member)) == 1


def test_a_held_reply_tells_nobody_until_a_moderator_approves_it(index, member, editor):
    article = KnowledgeArticlePageFactory(parent=index)
    first = approved_comment(article, member, text="We used clickers.")
    newcomer = MemberProfileFactory().user
    login(newcomer).post(POST_URL, comment_data(article, "First words.", reply_to=first.pk))
    held = XtdComment.objects.get(comment="First words.")
    assert not held.is_public and told(member) == []
    login(editor).post(reverse("member_comments:approve", args=[held.pk]))
    assert [note.kind for note in told(member)] == ["comment_reply"]


def test_a_comment_on_your_article_reaches_its_owner_and_co_authors(index, member, other_member):
    co_author = MemberFactory()
    article = KnowledgeArticlePageFactory(parent=index, owner=member, title="Bike lanes")
    article.authors.set([co_author])
    article.save()
    commenter = trusted(article)
    trusted(article, other_member)  # earlier comments: approved directly, before this test's
    Notification.objects.all().delete()
    response = login(commenter).post(POST_URL, comment_data(article, "Great guide."))
    assert response.status_code == 302, response.content.decode()[:3000]
    for author in (member, co_author):
        [note] = told(author, "article_comment")
        assert note.subject == "Bike lanes" and note.actor == commenter
    assert told(commenter) == [] and told(other_member) == []


def test_your_own_comment_on_your_article_tells_you_nothing(index, member):
    article = KnowledgeArticlePageFactory(parent=index, owner=member)
    trusted(article, member)
    login(member).post(POST_URL, comment_data(article, "An update from me."))
    assert told(member) == []


def test_a_reply_to_an_authors_comment_on_their_article_is_one_notification(index, member):
    article = KnowledgeArticlePageFactory(parent=index, owner=member)
    first = approved_comment(article, member, text="Ask me anything.")
    replier = trusted(article)
    Notification.objects.all().delete()
    login(replier).post(POST_URL, comment_data(article, "What did it cost?", reply_to=first.pk))
    assert [note.kind for note in told(member)] == ["comment_reply"]


def draft(index, topic, **fields):
    page = KnowledgeArticlePageFactory(parent=index, live=False, topics=[topic], **fields)
    return page


def test_followers_of_a_topic_are_told_when_an_article_is_first_published(
    index, topic, member, other_member, django_capture_on_commit_callbacks
):
    TopicFollow.objects.create(user=member, topic=topic)
    article = draft(index, topic, title="Cycle counts on a budget", owner=other_member)
    article.save_revision(user=other_member)  # drafts and autosaves tell nobody
    assert told(member) == []
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision(user=other_member).publish()
    [note] = told(member, "followed_topic_page")
    assert note.subject == "Cycle counts on a budget" and note.url == article.url
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert told(other_member) == []  # the owner is not told of their own article

    TopicFollow.objects.create(user=other_member, topic=topic)
    article.refresh_from_db()
    article.title = "Cycle counts on a budget, revised"
    article.save_revision(user=member).publish()  # a republication tells nobody
    article.unpublish()
    article.save_revision().publish()
    assert len(told(member)) == 1 and told(other_member) == []


def test_a_co_author_who_submitted_and_follows_the_topic_is_told_of_the_approval_once(
    index, topic, member, other_member, editor, django_capture_on_commit_callbacks
):
    TopicFollow.objects.create(user=other_member, topic=topic)
    article = draft(index, topic, title="Cycle counts", owner=member)
    article.authors.set([other_member])
    article.save_revision(user=other_member)
    article.get_workflow().start(article, other_member)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(login(editor), article, "approve")
    article.refresh_from_db()
    assert article.live
    assert [note.kind for note in told(other_member)] == ["approved"]
    assert [message.to for message in mail.outbox].count([other_member.email]) == 1


def test_news_and_translations_are_told_once_per_piece_of_content(home, news_index, member):
    french = Locale.objects.get_or_create(language_code="fr")[0]
    topic = TopicFactory(name="Cycling", slug="cycling")
    topic_fr = topic.copy_for_translation(french)
    topic_fr.name = "Vélo"
    topic_fr.save()
    TopicFollow.objects.create(user=member, topic=topic_fr)  # follows it in French
    news = NewsPageFactory(parent=news_index, live=False, topics=[topic], title="Lanes open")
    news.save_revision().publish()
    [note] = told(member)
    assert note.kind == "followed_topic_page" and note.subject == "Lanes open"


def test_a_scheduled_publication_tells_followers_when_it_goes_live(index, topic, member):
    TopicFollow.objects.create(user=member, topic=topic)
    article = draft(index, topic)
    article.go_live_at = timezone.now() + datetime.timedelta(days=1)
    article.save_revision().publish()
    assert told(member) == []


def test_members_only_articles_are_told_only_to_members(index, topic, member):
    outsider = UserFactory()  # signed up, not (or no longer) a member
    for user in (member, outsider):
        TopicFollow.objects.create(user=user, topic=topic)
    article = draft(index, topic, members_only=True)
    article.save_revision().publish()
    assert [note.kind for note in told(member)] == ["followed_topic_page"]
    assert told(outsider) == []


def test_a_page_notification_links_to_the_page_in_every_language(index, topic, member):
    TopicFollow.objects.create(user=member, topic=topic)
    article = draft(index, topic, title="Cycle counts")
    article.save_revision().publish()
    html = login(member).get("/fr/inbox/").content.decode()
    assert f'href="{article.url}"' in html

"""Leaks: what a working group's members share never reaches visitors or other members (issue 20).

A token goes into a group's thread, reply, document and meeting, and into a proposed group's name.
Visitors and a member outside the group then look everywhere the site shows content: the groups
list and page, the group's space, search and its suggestions, questions' suggestions, feeds, the
sitemap, document addresses, their inbox and the page cache. Forged ids are 404s, never 403s.
"""

import pytest

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model

from knowledge.factories import EditorFactory, MemberFactory
from news.factories import NewsIndexPageFactory
from tests.helpers import login
from workgroups.factories import (
    ConvenerFactory,
    MeetingFactory,
    MembershipFactory,
    ReplyFactory,
    ThreadFactory,
    WorkingGroupFactory,
)
from workgroups.models import Status

TOKEN = "wombatquill"


@pytest.fixture
def planted(site, settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    NewsIndexPageFactory(parent=site.root_page, slug="news")
    group = WorkingGroupFactory(name="Heat pumps", purpose="Community buildings.")
    insider = ConvenerFactory(group=group, user=MemberFactory(username="insider")).user
    thread = ThreadFactory(group=group, author=insider, title=f"Thread {TOKEN}", body=TOKEN)
    reply = ReplyFactory(thread=thread, author=insider, body=f"Reply {TOKEN}")
    meeting = MeetingFactory(group=group, title=f"Meeting {TOKEN}", notes=TOKEN)
    document = get_document_model().objects.create(
        title=f"Document {TOKEN}",
        file=ContentFile(TOKEN.encode(), name="secret.txt"),
        collection=group.collection,
    )
    proposal = WorkingGroupFactory(name=f"Proposal {TOKEN}", status=Status.PROPOSED)
    ConvenerFactory(group=proposal, user=insider)
    other = WorkingGroupFactory(name="Cargo bikes")
    outsider = MemberFactory(username="outsider")
    ConvenerFactory(group=other, user=outsider)
    return {
        "group": group,
        "thread": thread,
        "reply": reply,
        "meeting": meeting,
        "document": document,
        "proposal": proposal,
        "other": other,
        "insider": insider,
        "outsider": outsider,
    }


def url(name, *args):
    return reverse(f"workgroups:{name}", args=args)


def public_urls(planted):
    search = reverse("search")
    return [
        "/",
        url("index"),
        planted["group"].get_absolute_url(),
        f"{search}?q={TOKEN.upper()}",
        f"{reverse('search_suggest')}?q={TOKEN[:6].upper()}",
        f"{reverse('questions:similar')}?q={TOKEN[:6].upper()}",
        "/news/feed/",
        "/sitemap.xml",
    ]


def private_urls(planted):
    group, thread = planted["group"], planted["thread"]
    return [
        url("board", group.pk),
        url("members", group.pk),
        url("documents", group.pk),
        url("meetings", group.pk),
        thread.get_absolute_url(),
        planted["meeting"].get_absolute_url(),
        url("flag", group.pk, thread.pk),
        url("flag_reply", group.pk, planted["reply"].pk),
        planted["document"].url,
        planted["proposal"].get_absolute_url(),
    ]


def test_the_insider_sees_what_the_group_shares(planted):
    insider = login(planted["insider"])
    for address in private_urls(planted):
        response = insider.get(address)
        assert response.status_code == 200, address
    assert TOKEN in insider.get(url("board", planted["group"].pk)).content.decode()
    assert TOKEN.encode() in b"".join(insider.get(planted["document"].url).streaming_content)
    assert insider.get(url("board", planted["group"].pk))["Cache-Control"] == ("private, no-cache")


def test_the_groups_space_never_reaches_visitors_or_other_members(planted):
    insider = login(planted["insider"])
    for address in public_urls(planted):  # the insider first: nothing may be cached for others
        assert insider.get(address).status_code == 200, address
    for person in (Client(), login(planted["outsider"])):
        for attempt in ("first", "cached"):
            for address in public_urls(planted):
                response = person.get(address)
                assert response.status_code == 200, (address, attempt)
                assert TOKEN not in response.content.decode(), (address, attempt)
            for address in private_urls(planted):
                assert person.get(address).status_code == 404, (address, attempt)


def test_posting_to_a_space_one_is_not_in_is_a_404_and_saves_nothing(planted):
    group, thread = planted["group"], planted["thread"]
    outsider = login(planted["outsider"])
    posts = [
        (url("board", group.pk), {"title": "Hi", "body": "x"}),
        (thread.get_absolute_url(), {"body": "x"}),
        (url("documents", group.pk), {"title": "x"}),
        (url("meetings", group.pk), {"title": "x"}),
        (url("decide", group.pk, planted["insider"].pk), {"action": "remove"}),
        (url("invite", group.pk), {"username": "outsider"}),
        (url("moderate_thread", group.pk, thread.pk), {"action": "hide"}),
        (url("article", group.pk), {"title": "x"}),
    ]
    for address, data in posts:
        assert outsider.post(address, data).status_code == 404, address
    assert thread.replies.count() == 1 and group.memberships.count() == 1


def test_a_thread_or_meeting_of_another_group_is_a_404_through_ones_own_group(planted):
    outsider = login(planted["outsider"])
    own = planted["other"].pk
    assert outsider.get(url("board", own)).status_code == 200
    for address in (
        url("thread", own, planted["thread"].pk),
        url("meeting", own, planted["meeting"].pk),
        url("flag_reply", own, planted["reply"].pk),
        url("moderate_thread", own, planted["thread"].pk),
    ):
        assert outsider.get(address).status_code in (404, 405), address
        assert outsider.post(address, {"action": "hide"}).status_code == 404, address


def test_ids_that_do_not_exist_are_404s(planted):
    insider = login(planted["insider"])
    group = planted["group"].pk
    for address in (
        url("detail", 999999),
        url("board", 999999),
        url("thread", group, 999999),
        url("meeting", group, 999999),
        f"/groups/{'9' * 30}/",
        "/documents/999999/secret.txt",
    ):
        assert insider.get(address).status_code == 404, address
        assert Client().get(address).status_code == 404, address


def test_notifications_about_a_group_reach_only_its_members(planted):
    from workgroups import events

    MembershipFactory(group=planted["group"], user=MemberFactory(username="newcomer"))
    events.thread_published(planted["thread"])
    inbox = login(planted["outsider"]).get(reverse("notifications:inbox")).content.decode()
    assert TOKEN not in inbox
    newcomer = planted["group"].memberships.get(user__username="newcomer").user
    assert TOKEN in login(newcomer).get(reverse("notifications:inbox")).content.decode()


def test_the_admins_document_listing_and_chooser_hide_group_documents_from_members(planted):
    editor = login(EditorFactory())  # the listing shows them to those who moderate groups
    assert TOKEN in editor.get(reverse("wagtaildocs:index")).content.decode()
    outsider = login(planted["outsider"])
    for address in (
        reverse("wagtaildocs:index"),
        # Queries are echoed back, so they use the token in capitals.
        f"{reverse('wagtaildocs:index')}?q={TOKEN.upper()}",
        reverse("wagtaildocs_chooser:choose"),
        f"{reverse('wagtaildocs_chooser:choose_results')}?q={TOKEN.upper()}",
    ):
        response = outsider.get(address)
        assert response.status_code in (200, 302, 403), address
        assert TOKEN not in response.content.decode(), address

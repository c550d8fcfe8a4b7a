"""Working groups: proposing, joining, conveners' decisions, the board, documents, meetings and
a group article, with real requests and real permissions."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Site

from knowledge.factories import KnowledgeIndexPageFactory, MemberFactory
from notifications.models import Notification
from questions.models import Flag, State
from tests.helpers import login
from workgroups.factories import (
    ConvenerFactory,
    MembershipFactory,
    ThreadFactory,
    WorkingGroupFactory,
)
from workgroups.models import (
    Joining,
    Membership,
    Status,
    Thread,
    WorkingGroup,
    WorkingGroupSettings,
)


@pytest.fixture
def group(site):
    return WorkingGroupFactory(name="Heat pumps", joining=Joining.REQUEST)


@pytest.fixture
def convener(group):
    return ConvenerFactory(group=group, user=MemberFactory(username="conny")).user


def url(name, *args):
    return reverse(f"workgroups:{name}", args=args)


def upload(name="minutes.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 minutes", content_type="application/pdf")


def test_a_proposal_waits_for_an_editor_by_default_and_its_proposer_convenes_it(
    site, member, editor
):
    response = login(member).post(
        url("propose"),
        {"name": "Cargo bikes", "purpose": "Sharing cargo bikes.", "joining": "open"},
    )
    group = WorkingGroup.objects.get(name="Cargo bikes")
    assert response.status_code == 302
    assert group.status == Status.PROPOSED
    assert list(group.conveners()) == [member]
    assert Notification.objects.filter(recipient=editor, kind="group_proposed").exists()
    assert Client().get(group.get_absolute_url()).status_code == 404
    assert login(member).get(group.get_absolute_url()).status_code == 200


def test_a_proposal_goes_live_at_once_when_the_setting_says_so(site, member):
    WorkingGroupSettings.objects.create(site=site, approve_new_groups=False)
    login(member).post(
        url("propose"), {"name": "Repair cafés", "purpose": "Fixing.", "joining": "open"}
    )
    group = WorkingGroup.objects.get(name="Repair cafés")
    assert group.status == Status.LIVE
    assert Client().get(group.get_absolute_url()).status_code == 200


def test_an_editor_approving_a_group_in_the_admin_tells_its_convener(site, member, editor):
    group = WorkingGroupFactory(status=Status.PROPOSED, name="Solar co-ops")
    ConvenerFactory(group=group, user=member)
    edit = reverse("wagtailsnippets_workgroups_workinggroup:edit", args=[group.pk])
    client = login(editor)
    form = client.get(edit).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "name": group.name,
            "purpose": group.purpose,
            "joining": group.joining,
            "status": Status.LIVE,
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-id": str(group.memberships.get().pk),
            "memberships-0-user": str(member.pk),
            "memberships-0-role": "convener",
            "memberships-0-status": "active",
            "memberships-0-ORDER": "1",
            "memberships-0-DELETE": "",
        }
    )
    data.pop("topics", None)
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    group.refresh_from_db()
    assert group.status == Status.LIVE
    assert Notification.objects.filter(recipient=member, kind="group_live").exists()


def test_editors_list_groups_with_their_last_post_and_members_cannot(site, member, editor, group):
    ThreadFactory(group=group)
    listing = reverse("wagtailsnippets_workgroups_workinggroup:list")
    response = login(editor).get(listing)
    assert response.status_code == 200 and "Heat pumps" in response.content.decode()
    assert login(member).get(listing).status_code in (302, 403)


def test_an_editor_creates_a_group_whose_documents_only_its_members_read(site, editor, member):
    from wagtail.models import CollectionViewRestriction

    group = WorkingGroupFactory(name="Made by an editor")
    ConvenerFactory(group=group, user=member)
    restriction = CollectionViewRestriction.objects.get(collection=group.collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert {g.name for g in restriction.groups.all()} == {f"Working group {group.pk}", "Editors"}
    assert member.groups.filter(pk=group.access_group_id).exists()


def test_request_approve_post_and_download(group, convener, member):
    client = login(member)
    client.post(url("join", group.pk))
    membership = Membership.objects.get(group=group, user=member)
    assert membership.status == Membership.Status.REQUESTED
    assert Notification.objects.filter(recipient=convener, kind="group_request").exists()
    assert client.get(url("board", group.pk)).status_code == 404

    login(convener).post(url("decide", group.pk, member.pk), {"action": "approve"})
    assert Membership.objects.get(pk=membership.pk).status == Membership.Status.ACTIVE
    assert Notification.objects.filter(recipient=member, kind="group_welcome").exists()

    response = client.post(url("board", group.pk), {"title": "Survey", "body": "Which one?"})
    thread = Thread.objects.get(group=group)
    assert response.status_code == 302 and thread.state == State.PUBLISHED
    assert Notification.objects.filter(recipient=convener, kind="group_thread").exists()

    login(convener).post(url("documents", group.pk), {"title": "Minutes", "file": upload()})
    document = get_document_model().objects.get(title="Minutes")
    assert document.collection_id == group.collection_id
    assert client.get(document.url).status_code == 200


def test_an_open_group_is_joined_at_once(site, member):
    group = WorkingGroupFactory(joining=Joining.OPEN)
    response = login(member).post(url("join", group.pk))
    assert response.status_code == 302
    assert response["Location"] == url("board", group.pk)
    assert member.groups.filter(pk=group.access_group_id).exists()


def test_an_invited_member_joins_by_accepting(group, convener, member):
    login(convener).post(url("invite", group.pk), {"username": member.username})
    assert Notification.objects.filter(recipient=member, kind="group_invite").exists()
    login(member).post(url("join", group.pk))
    assert Membership.objects.get(group=group, user=member).status == Membership.Status.ACTIVE


def test_inviting_someone_who_is_not_a_member_says_so(group, convener):
    response = login(convener).post(url("invite", group.pk), {"username": "nobody"}, follow=True)
    assert "There is no member with that user name." in response.content.decode()
    assert group.memberships.count() == 1


def test_a_member_who_is_not_a_convener_cannot_decide(group, convener, member, other_member):
    MembershipFactory(group=group, user=member)
    MembershipFactory(group=group, user=other_member, status=Membership.Status.REQUESTED)
    response = login(member).post(url("decide", group.pk, other_member.pk), {"action": "approve"})
    assert response.status_code == 403
    assert Membership.objects.get(user=other_member).status == Membership.Status.REQUESTED


def test_removing_a_member_closes_the_groups_documents_to_them(group, convener, member):
    MembershipFactory(group=group, user=member)
    assert member.groups.filter(pk=group.access_group_id).exists()
    login(convener).post(url("decide", group.pk, member.pk), {"action": "remove"})
    assert not member.groups.filter(pk=group.access_group_id).exists()
    assert login(member).get(url("board", group.pk)).status_code == 404


def test_a_first_post_in_an_open_group_waits_for_a_convener(site, member, other_member):
    group = WorkingGroupFactory(joining=Joining.OPEN)
    ConvenerFactory(group=group, user=other_member)
    MembershipFactory(group=group, user=member)
    login(member).post(url("board", group.pk), {"title": "Hello", "body": "First post"})
    thread = Thread.objects.get(group=group)
    assert thread.state == State.HELD
    told = Notification.objects.filter(recipient=other_member, kind="group_thread")
    assert not told.exists()
    convener = login(other_member)
    assert "Hello" in convener.get(url("board", group.pk)).content.decode()
    convener.post(url("moderate_thread", group.pk, thread.pk), {"action": "publish"})
    assert Thread.objects.get(pk=thread.pk).state == State.PUBLISHED
    assert told.count() == 1


def test_flagging_a_post_reaches_the_conveners_once(group, convener, member):
    MembershipFactory(group=group, user=member)
    thread = ThreadFactory(group=group, author=convener)
    client = login(member)
    for _attempt in range(2):
        response = client.post(url("flag", group.pk, thread.pk), {"reason": "rude"})
        assert response.status_code == 302
    assert Flag.objects.filter(object_id=thread.pk).count() == 1
    login(convener).post(url("moderate_thread", group.pk, thread.pk), {"action": "hide"})
    assert Thread.objects.get(pk=thread.pk).state == State.HIDDEN
    assert client.get(thread.get_absolute_url()).status_code == 404


def test_replies_are_rate_limited(group, convener, member):
    MembershipFactory(group=group, user=member)
    thread = ThreadFactory(group=group, author=convener)
    client = login(member)
    responses = [
        client.post(url("thread", group.pk, thread.pk), {"body": f"reply {n}"}) for n in range(21)
    ]
    assert [response.status_code for response in responses] == [302] * 20 + [429]
    assert f'href="{url("index")}"' in responses[-1].content.decode()
    assert thread.replies.count() == 20


def test_a_convener_plans_a_meeting_in_its_own_time_zone(group, convener, member):
    MembershipFactory(group=group, user=member)
    response = login(convener).post(
        url("meetings", group.pk),
        {
            "title": "Kick-off",
            "date": "2027-01-15",
            "time": "18:30",
            "time_zone": "America/Montreal",
            "video_link": "https://meet.example.org/k",
            "agenda": "Introductions",
        },
    )
    meeting = group.meetings.get()
    assert response.status_code == 302
    assert meeting.starts_at.isoformat() == "2027-01-15T23:30:00+00:00"
    page = login(member).get(meeting.get_absolute_url()).content.decode()
    assert "18:30" in page and "America/Montreal" in page
    assert Notification.objects.filter(recipient=member, kind="group_meeting").exists()
    refused = login(member).post(url("meetings", group.pk), {"title": "Mine"})
    assert refused.status_code == 403


def test_a_group_drafts_an_article_with_its_members_as_co_authors(group, convener, member):
    KnowledgeIndexPageFactory(parent=Site.objects.get().root_page)
    MembershipFactory(group=group, user=member)
    client = login(convener)
    for _click in range(2):
        response = client.post(url("article", group.pk), {"title": "Heat pumps: what we learned"})
        assert response.status_code == 302
    article = group.articles.get()
    assert not article.live and article.owner == convener
    assert list(article.authors.all()) == [member]
    article.save_revision(user=convener).publish()
    assert article.members_only
    assert article.title not in Client().get(group.get_absolute_url()).content.decode()
    assert article.title in login(member).get(group.get_absolute_url()).content.decode()


def test_archived_groups_are_read_only(group, convener, member):
    MembershipFactory(group=group, user=member)
    WorkingGroup.objects.filter(pk=group.pk).update(status=Status.ARCHIVED)
    response = login(member).post(url("board", group.pk), {"title": "Late", "body": "Post"})
    assert response.status_code == 403
    assert login(member).post(url("join", group.pk), follow=True).status_code == 200


def test_demo_groups_have_members_threads_documents_and_meetings_and_build_twice(db):
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = WorkingGroup.objects.count(), Thread.objects.count(), Membership.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (
        WorkingGroup.objects.count(),
        Thread.objects.count(),
        Membership.objects.count(),
    ) == counts
    assert counts[0] == 4
    assert WorkingGroup.objects.filter(joining=Joining.REQUEST).count() == 1
    for group in WorkingGroup.objects.all():
        assert group.conveners().exists() and group.threads.exists() and group.meetings.exists()
        assert get_document_model().objects.filter(collection=group.collection).exists()

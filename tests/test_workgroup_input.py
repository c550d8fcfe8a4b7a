"""Bad input to working groups: join requests to groups that do not exist, to oneself's group,
repeated quickly or in parallel; clear messages, no duplicates, no 500s."""

import threading

import pytest

from django.conf import settings
from django.db import connection
from django.urls import reverse

from knowledge.factories import MemberFactory
from notifications.models import Notification
from tests.helpers import login
from workgroups.factories import ConvenerFactory, WorkingGroupFactory
from workgroups.models import Joining, Membership, Status


def join_url(group_id):
    return reverse("workgroups:join", args=[group_id])


@pytest.mark.parametrize("group_id", ["999999", "0", "9" * 30, "abc", "-1"])
def test_joining_a_group_that_does_not_exist_is_a_404(site, member, group_id):
    response = login(member).post(f"/groups/{group_id}/join/")
    assert response.status_code in (400, 404)
    assert not Membership.objects.exists()


def test_joining_a_proposed_group_one_cannot_see_is_a_404(site, member):
    group = WorkingGroupFactory(status=Status.PROPOSED)
    assert login(member).post(join_url(group.pk)).status_code == 404


def test_a_convener_joining_their_own_group_is_told_they_are_in_it(site, member):
    group = WorkingGroupFactory()
    ConvenerFactory(group=group, user=member)
    response = login(member).post(join_url(group.pk), follow=True)
    assert "You are a member of this group." in response.content.decode()
    assert Membership.objects.get().role == Membership.Role.CONVENER


def test_repeated_join_requests_leave_one_request_and_one_notification(site, member):
    group = WorkingGroupFactory(joining=Joining.REQUEST)
    convener = ConvenerFactory(group=group).user
    client = login(member)
    for _click in range(3):
        response = client.post(join_url(group.pk), follow=True)
        assert response.status_code == 200
        assert "Your request to join has been sent" in response.content.decode()
    assert Membership.objects.filter(user=member).count() == 1
    assert Notification.objects.filter(recipient=convener, kind="group_request").count() == 1


def test_join_requests_are_rate_limited(site, member):
    groups = [WorkingGroupFactory() for _n in range(11)]
    client = login(member)
    statuses = [client.post(join_url(group.pk)).status_code for group in groups]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429
    assert Membership.objects.filter(user=member).count() == 10


def test_a_get_to_join_changes_nothing(site, member):
    group = WorkingGroupFactory()
    assert login(member).get(join_url(group.pk)).status_code == 405
    assert not Membership.objects.exists()


def test_a_proposal_without_a_name_is_refused_with_a_message(site, member):
    response = login(member).post(reverse("workgroups:propose"), {"purpose": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="parallel writers need PostgreSQL (SQLite serialises writers)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_join_requests_from_two_clients_leave_one_membership(home):
    group = WorkingGroupFactory(joining=Joining.REQUEST)
    ConvenerFactory(group=group)
    member = MemberFactory()
    barrier = threading.Barrier(2)
    statuses = []

    def run():
        client = login(member)
        barrier.wait()
        statuses.append(client.post(join_url(group.pk)).status_code)
        connection.close()

    workers = [threading.Thread(target=run) for _n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert statuses == [302, 302]
    assert Membership.objects.filter(user=member).count() == 1
    assert Notification.objects.filter(kind="group_request").count() == 1

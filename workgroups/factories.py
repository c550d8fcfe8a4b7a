"""Factories for working groups and what their members share; demo content and tests use them."""

import datetime

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from home.factories import many
from knowledge.factories import MemberFactory

from .models import Joining, Meeting, Membership, Reply, Status, Thread, WorkingGroup


class WorkingGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Heat pumps in community buildings {n}")
    purpose = factory.Faker("paragraph", nb_sentences=3)
    joining = Joining.REQUEST
    status = Status.LIVE
    topics = many("topics")

    class Meta:
        model = WorkingGroup
        skip_postgeneration_save = True


class MembershipFactory(DjangoModelFactory):
    group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(MemberFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE

    class Meta:
        model = Membership
        django_get_or_create = ["group", "user"]


class ConvenerFactory(MembershipFactory):
    role = Membership.Role.CONVENER


class ThreadFactory(DjangoModelFactory):
    group = factory.SubFactory(WorkingGroupFactory)
    author = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda n: f"Which survey did you use, take {n}?")
    body = factory.Faker("paragraph", nb_sentences=3)

    class Meta:
        model = Thread


class ReplyFactory(DjangoModelFactory):
    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(MemberFactory)
    body = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = Reply


class MeetingFactory(DjangoModelFactory):
    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Monthly call {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    time_zone = "Europe/Paris"
    video_link = "https://meet.example.org/heat-pumps"
    agenda = "1. Round of news\n2. Survey results"

    class Meta:
        model = Meeting

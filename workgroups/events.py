"""What happens in a group tells whom, through the notification service: only the group's own
active members (and the editors for proposals) ever hear about what a group's space holds."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from knowledge.roles import EDITORS
from notifications.service import notify

from .models import Membership, Reply


def path_of(thing):
    """The address in the default language; the inbox and emails translate it."""
    with translation.override(settings.LANGUAGE_CODE):
        return thing.get_absolute_url()


def active_members(group):
    return get_user_model().objects.filter(
        is_active=True,
        group_memberships__group=group,
        group_memberships__status=Membership.Status.ACTIVE,
    )


def group_proposed(group, proposer):
    editors = get_user_model().objects.filter(is_active=True, groups__name=EDITORS)
    for editor in editors:
        notify(editor, "group_proposed", f"group:{group.pk}", group.name, path_of(group), proposer)


def group_live(group):
    for convener in group.conveners():
        notify(convener, "group_live", f"group-live:{group.pk}", group.name, path_of(group))


def join_requested(membership):
    group = membership.group
    key = f"group-request:{membership.pk}"
    for convener in group.conveners():
        notify(convener, "group_request", key, group.name, path_of(group), membership.user)


def invited(membership, convener):
    group = membership.group
    key = f"group-invite:{membership.pk}"
    notify(membership.user, "group_invite", key, group.name, path_of(group), convener)


def welcomed(membership, convener):
    group = membership.group
    key = f"group-welcome:{membership.pk}"
    notify(membership.user, "group_welcome", key, group.name, path_of(group), convener)


def thread_published(thread):
    key = f"group-thread:{thread.pk}"
    for member in active_members(thread.group):
        notify(member, "group_thread", key, thread.title, path_of(thread), thread.author)


def reply_published(reply):
    """The thread's author and everyone who replied, if they are still active members."""
    thread = reply.thread
    repliers = Reply.objects.filter(thread=thread).values("author")
    people = active_members(thread.group).filter(pk__in=repliers) | active_members(
        thread.group
    ).filter(pk=thread.author_id)
    for person in people.distinct():
        key = f"group-reply:{reply.pk}"
        notify(person, "group_reply", key, thread.title, path_of(thread), reply.author)


def meeting_planned(meeting):
    key = f"group-meeting:{meeting.pk}"
    for member in active_members(meeting.group):
        notify(member, "group_meeting", key, meeting.title, path_of(meeting), meeting.created_by)

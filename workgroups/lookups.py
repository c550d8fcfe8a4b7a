"""Every view finds its group, thread, reply or meeting here, through the querysets of what the
person may see, so an id they may not see is a 404 whatever the view (never a 403)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from members import responses
from questions.models import shown_to

from .access import is_moderator
from .models import Membership, Reply, Thread, WorkingGroup


def visible_group(request, group_id):
    return get_object_or_404(WorkingGroup.objects.visible_to(request.user), pk=group_id)


def space(request, group_id):
    """A group whose members' space the person may enter; else 404, for visitors too."""
    return get_object_or_404(WorkingGroup.objects.spaces_for(request.user), pk=group_id)


def membership_of(user, group):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(group=group, user=user).first()


def is_convener(user, group):
    return Membership.objects.filter(
        group=group, user=user, role=Membership.Role.CONVENER, status=Membership.Status.ACTIVE
    ).exists()


NOT_LOOKED_UP = object()


def moderates(user, group, membership=NOT_LOOKED_UP):
    """Conveners moderate their group; editors every group. `membership`: the person's
    membership of the group (or None), when the view has looked it up already."""
    if is_moderator(user):
        return True
    if membership is NOT_LOOKED_UP:
        return user.is_authenticated and is_convener(user, group)
    return (
        membership is not None
        and membership.role == Membership.Role.CONVENER
        and membership.status == Membership.Status.ACTIVE
    )


def convener_required(user, group):
    """Only for people already inside the space, so refusing confirms nothing new."""
    if not moderates(user, group):
        raise PermissionDenied


def visible_thread(request, group, thread_id):
    threads = Thread.objects.filter(group=group).filter(
        shown_to(request.user, moderates(request.user, group))
    )
    return get_object_or_404(threads.select_related("author", "group"), pk=thread_id)


def visible_reply(request, group, reply_id):
    replies = Reply.objects.filter(thread__group=group).filter(
        shown_to(request.user, moderates(request.user, group))
    )
    return get_object_or_404(replies.select_related("thread", "thread__group"), pk=reply_id)


def rate_limited(request):
    return responses.rate_limited(request, reverse("workgroups:index"), _("Back to the groups"))

"""Groups on the public site: the list, a group's public page, proposing a group, and joining.

A group's public page shows its purpose, conveners and published work; what its members share
is in the members' space (`space.py`).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Site

from home.listing import public
from knowledge.models import can_read_members_only
from members.access import is_member, member_required
from members.responses import private

from . import cache, events
from .access import is_moderator
from .forms import ProposalForm
from .limits import over_limit
from .lookups import (
    membership_of,
    moderates,
    rate_limited,
    visible_group,
)
from .models import Joining, Membership, Status, WorkingGroup, WorkingGroupSettings


@private
def index(request):
    """The list is the same for everyone of an audience in the same groups (`mine` decides
    which proposals show), so the template caches it per audience, moderator and `mine`."""
    user = request.user
    mine = []
    if user.is_authenticated:
        mine = sorted(
            WorkingGroup.objects.member_of(user).order_by().values_list("group", flat=True)
        )
    groups = WorkingGroup.objects.visible_to(user).exclude(status=Status.ARCHIVED)
    return render(
        request,
        "workgroups/index.html",
        {
            "groups": groups.prefetch_related("topics"),
            "mine": mine,
            "moderator": is_moderator(user),
            "generation": cache.list_generation(),
            "takes_part": is_member(user),
        },
    )


def needs_approval(request):
    site = Site.find_for_request(request)
    return site is None or WorkingGroupSettings.for_site(site).approve_new_groups


@private
@member_required
def propose(request):
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if over_limit(request.user, "propose"):
            return rate_limited(request)
        group = form.save(commit=False)
        group.status = Status.PROPOSED if needs_approval(request) else Status.LIVE
        group.save()
        form.save_m2m()
        Membership.objects.create(group=group, user=request.user, role=Membership.Role.CONVENER)
        if group.status == Status.LIVE:
            messages.success(request, _("Your group is live. You are its convener."))
        else:
            events.group_proposed(group, request.user)
            messages.info(
                request,
                _("Thank you. Your group goes live once an editor has approved it."),
            )
        return redirect(group)
    return render(request, "workgroups/propose.html", {"form": form})


def published_articles(request, group):
    articles = group.articles.live().order_by("-first_published_at")
    if not can_read_members_only(request.user):
        articles = public(articles.filter(members_only=False))
    return articles


@private
def detail(request, group_id):
    """What the group shows (purpose, conveners, articles) is cached per group and audience;
    the reader's membership and its forms are theirs."""
    group = visible_group(request, group_id)
    membership = membership_of(request.user, group)
    return render(
        request,
        "workgroups/detail.html",
        {
            "group": group,
            "generation": cache.group_generation(group.pk),
            "articles": SimpleLazyObject(lambda: published_articles(request, group)),
            "membership": membership,
            "is_member": membership is not None and membership.status == Membership.Status.ACTIVE,
            "takes_part": is_member(request.user),
            "moderates": moderates(request.user, group, membership),
        },
    )


@require_POST
@member_required
def join(request, group_id):
    """Join an open group, ask to join one by request, or accept an invitation. Repeated or
    parallel requests leave one membership (a unique constraint) and say where it stands."""
    group = visible_group(request, group_id)
    if group.status != Status.LIVE:
        messages.error(request, _("This group is not open to new members."))
        return redirect(group)
    if over_limit(request.user, "join"):
        return rate_limited(request)
    status = (
        Membership.Status.ACTIVE if group.joining == Joining.OPEN else Membership.Status.REQUESTED
    )
    membership, created = Membership.objects.get_or_create(
        group=group, user=request.user, defaults={"status": status}
    )
    if not created and membership.status == Membership.Status.INVITED:
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status"])  # its signal opens the group's documents
    if membership.status == Membership.Status.ACTIVE:
        messages.success(request, _("You are a member of this group."))
        return redirect("workgroups:board", group.pk)
    if created:
        events.join_requested(membership)
    messages.info(
        request, _("Your request to join has been sent to the conveners. We will let you know.")
    )
    return redirect(group)


@require_POST
@member_required
def leave(request, group_id):
    group = visible_group(request, group_id)
    membership = membership_of(request.user, group)
    if membership is not None:
        membership.delete()
    messages.success(request, _("You are no longer in this group."))
    return redirect(group)

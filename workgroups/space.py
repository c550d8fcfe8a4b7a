"""A group's members' space: its members, discussion board, documents and meetings.

Only the group's active members and the editors get in; to anyone else every address here is a
404, whether the group, thread, reply or meeting exists or not. Responses are private, so no
shared cache keeps them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.documents import get_document_model

from members.responses import private
from questions.forms import FlagForm
from questions.models import State

from . import cache, events
from .articles import draft_article
from .forms import DocumentForm, InviteForm, MeetingForm, ReplyForm, ThreadForm
from .limits import over_limit
from .lookups import (
    convener_required,
    moderates,
    rate_limited,
    shown_to,
    space,
    visible_reply,
    visible_thread,
)
from .models import Joining, Meeting, Membership, Reply, Status, Thread


def space_context(request, group, moderator=None, **extra):
    """What every page of the space shows; `moderator` when the view already knows it."""
    if moderator is None:
        moderator = moderates(request.user, group)
    return {"group": group, "moderates": moderator, **extra}


def is_trusted(user, group):
    """Who posts without waiting for a convener: conveners and editors, members of a group that
    approved them, and members with a published post in the group."""
    if moderates(user, group) or group.joining == Joining.REQUEST:
        return True
    published = Q(author=user, state=State.PUBLISHED)
    return (
        Thread.objects.filter(published, group=group).exists()
        or Reply.objects.filter(published, thread__group=group).exists()
    )


def writable(group):
    if group.status != Status.LIVE:
        raise PermissionDenied  # proposed and archived groups are read-only


@private
def members(request, group_id):
    group = space(request, group_id)
    memberships = group.memberships.select_related("user").order_by("role", "user__first_name")
    can_manage = moderates(request.user, group)
    return render(
        request,
        "workgroups/members.html",
        space_context(
            request,
            group,
            active=[m for m in memberships if m.status == Membership.Status.ACTIVE],
            waiting=[m for m in memberships if m.status != Membership.Status.ACTIVE]
            if can_manage
            else [],
            invite_form=InviteForm() if can_manage else None,
        ),
    )


DECISIONS = {"approve", "decline", "remove", "make_convener"}


@require_POST
def decide(request, group_id, user_id):
    """A convener approves or declines a request, removes a member or names a convener."""
    group = space(request, group_id)
    convener_required(request.user, group)
    action = request.POST.get("action")
    membership = get_object_or_404(Membership, group=group, user_id=user_id)
    if action not in DECISIONS:
        raise Http404
    if action in ("decline", "remove"):
        membership.delete()
        messages.success(request, _("Done: they are not in the group."))
    elif action == "approve":
        if membership.status != Membership.Status.ACTIVE:
            membership.status = Membership.Status.ACTIVE
            membership.save(update_fields=["status"])
            events.welcomed(membership, request.user)
        messages.success(request, _("Approved: they are now a member of the group."))
    else:
        membership.role = Membership.Role.CONVENER
        membership.save(update_fields=["role"])
        messages.success(request, _("They are now a convener of the group."))
    return redirect("workgroups:members", group.pk)


@private
@require_POST
def invite(request, group_id):
    group = space(request, group_id)
    convener_required(request.user, group)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("username", [])))
        return redirect("workgroups:members", group.pk)
    if over_limit(request.user, "invite"):
        return rate_limited(request)
    membership, created = Membership.objects.get_or_create(
        group=group,
        user=form.cleaned_data["username"],
        defaults={"status": Membership.Status.INVITED},
    )
    if created:
        events.invited(membership, request.user)
        messages.success(request, _("Invitation sent."))
    else:
        messages.info(request, _("They are already in the group or invited."))
    return redirect("workgroups:members", group.pk)


@private
def board(request, group_id):
    """The threads are cached per group for its members who see only published ones (and
    apart for its moderators); an author of a held or hidden thread gets them afresh."""
    group = space(request, group_id)
    moderator = moderates(request.user, group)
    form = ThreadForm(request.POST or None, instance=Thread(group=group, author=request.user))
    if request.method == "POST":
        writable(group)
        if form.is_valid():
            return save_post(request, form, group, "thread")
    threads = (
        group.threads.filter(shown_to(request.user, moderator))
        .select_related("author")
        .annotate(reply_count=Count("replies", filter=Q(replies__state=State.PUBLISHED)))
    )
    own = group.threads.filter(author=request.user).exclude(state=State.PUBLISHED)
    return render(
        request,
        "workgroups/board.html",
        space_context(
            request,
            group,
            moderator,
            threads=threads,
            form=form,
            shared=moderator or not own.exists(),
            generation=cache.group_generation(group.pk),
        ),
    )


def save_post(request, form, group, action):
    """Save a new thread or reply: published at once for trusted members, else held for the
    conveners (the group hears of it once they approve it)."""
    if over_limit(request.user, action):
        return rate_limited(request)
    item = form.save(commit=False)
    item.state = State.PUBLISHED if is_trusted(request.user, group) else State.HELD
    item.save()
    if item.state == State.PUBLISHED:
        announce(item)
        messages.success(request, _("Posted."))
    else:
        messages.info(request, _("Thank you. It will appear once a convener has approved it."))
    return redirect(item)


def announce(item):
    (events.thread_published if isinstance(item, Thread) else events.reply_published)(item)


@private
def thread(request, group_id, thread_id):
    group = space(request, group_id)
    topic = visible_thread(request, group, thread_id)
    moderator = moderates(request.user, group)
    form = ReplyForm(request.POST or None, instance=Reply(thread=topic, author=request.user))
    if request.method == "POST":
        writable(group)
        if topic.state != State.PUBLISHED:
            raise PermissionDenied
        if form.is_valid():
            return save_post(request, form, group, "reply")
    replies = topic.replies.filter(shown_to(request.user, moderator)).select_related("author")
    return render(
        request,
        "workgroups/thread.html",
        space_context(request, group, moderator, thread=topic, replies=replies, form=form),
    )


STATES = {"hide": State.HIDDEN, "publish": State.PUBLISHED}


@require_POST
def moderate(request, group_id, kind, post_id):
    group = space(request, group_id)
    convener_required(request.user, group)
    finder = visible_thread if kind == "thread" else visible_reply
    post = finder(request, group, post_id)
    state = STATES.get(request.POST.get("action"))
    if state is None:
        raise Http404
    if post.moderate(state):  # publishing a held post tells the group, once
        announce(post)
    cache.group_changed(group.pk)
    messages.success(request, _("The post has been updated."))
    return redirect(post)


@private
def flag(request, group_id, kind, post_id):
    group = space(request, group_id)
    finder = visible_thread if kind == "thread" else visible_reply
    post = finder(request, group, post_id)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if over_limit(request.user, "flag"):
            return rate_limited(request)
        post.flag(request.user, form.cleaned_data["reason"])
        messages.success(request, _("Thank you. The conveners will look at it."))
        return redirect(post)
    return render(
        request, "workgroups/flag.html", space_context(request, group, form=form, post=post)
    )


@private
def documents(request, group_id):
    group = space(request, group_id)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        writable(group)
        if form.is_valid():
            if over_limit(request.user, "upload"):
                return rate_limited(request)
            form.save(group, request.user)
            messages.success(request, _("The document has been shared with the group."))
            return redirect("workgroups:documents", group.pk)
    files = get_document_model().objects.filter(collection=group.collection)
    files = files.select_related("uploaded_by_user").order_by("-created_at")
    return render(
        request,
        "workgroups/documents.html",
        space_context(request, group, documents=files, form=form),
    )


@private
def meetings(request, group_id):
    group = space(request, group_id)
    can_plan = moderates(request.user, group)
    form = MeetingForm(request.POST or None) if can_plan else None
    if request.method == "POST":
        convener_required(request.user, group)
        writable(group)
        if form.is_valid():
            if over_limit(request.user, "meeting"):
                return rate_limited(request)
            meeting = form.save(commit=False)
            meeting.group, meeting.created_by = group, request.user
            meeting.save()
            events.meeting_planned(meeting)
            messages.success(request, _("The meeting has been added."))
            return redirect(meeting)
    return render(
        request,
        "workgroups/meetings.html",
        space_context(request, group, meetings=group.meetings.all(), form=form),
    )


@private
def meeting(request, group_id, meeting_id):
    group = space(request, group_id)
    item = get_object_or_404(Meeting, group=group, pk=meeting_id)
    form = None
    if moderates(request.user, group):
        form = MeetingForm(request.POST or None, instance=item)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("The meeting has been updated."))
            return redirect(item)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request, "workgroups/meeting.html", space_context(request, group, meeting=item, form=form)
    )


@require_POST
def article(request, group_id):
    """A convener starts a knowledge article with the group's members as co-authors."""
    group = space(request, group_id)
    convener_required(request.user, group)
    writable(group)
    title = " ".join(request.POST.get("title", "").split())[:200]
    if not title:
        messages.error(request, _("Give the article a title."))
        return redirect("workgroups:members", group.pk)
    page, created = draft_article(group, title, request.user)
    if page is None:
        messages.error(request, _("The site has no knowledge section to hold the article."))
        return redirect("workgroups:members", group.pk)
    messages.success(
        request,
        _("A draft article was created. It is published once editors have reviewed it."),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)

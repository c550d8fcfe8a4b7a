"""Introductions and blocks, for members. Anything a member may not see answers 404."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.access import member_required
from members.directory import listed_profiles, visible_profiles

from . import introductions
from .forms import IntroductionForm
from .models import Introduction


@member_required
def ask(request, user_id):
    recipient = get_object_or_404(listed_profiles().select_related("user"), user_id=user_id)
    form = IntroductionForm(request.POST or None)
    refusal, status = introductions.check(request.user, recipient), 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                introductions.ask(request.user, recipient, form.cleaned_data["note"])
            except introductions.Refused as refused:
                refusal, status = refused.message, refused.status
            else:
                messages.success(
                    request,
                    _("Your request was sent. You will hear when %(name)s answers.")
                    % {"name": recipient.display_name},
                )
                return redirect(recipient)
    context = {"form": form, "recipient": recipient, "refusal": refusal}
    return render(request, "peers/ask.html", context, status=status)


def own_introductions(user):
    return Introduction.objects.filter(Q(requester=user) | Q(recipient=user)).select_related(
        "requester__member_profile", "recipient__member_profile"
    )


@member_required
def inbox(request):
    items = own_introductions(request.user)
    return render(
        request,
        "peers/introductions.html",
        {
            "received": [item for item in items if item.recipient_id == request.user.pk],
            "sent": [item for item in items if item.requester_id == request.user.pk],
        },
    )


@member_required
def detail(request, introduction_id):
    introduction = get_object_or_404(own_introductions(request.user), pk=introduction_id)
    is_recipient = introduction.recipient_id == request.user.pk
    other = introduction.requester if is_recipient else introduction.recipient
    return render(
        request,
        "peers/introduction.html",
        {
            "introduction": introduction,
            "is_recipient": is_recipient,
            "other": other,
            "other_profile": getattr(other, "member_profile", None),
        },
    )


@require_POST
@member_required
def respond(request, introduction_id):
    introduction = get_object_or_404(
        Introduction.objects.select_related("requester", "recipient"),
        pk=introduction_id,
        recipient=request.user,
    )
    action = request.POST.get("action")
    if action not in ("accept", "decline"):
        return HttpResponseBadRequest(_("Choose to accept or decline."))
    if not introductions.answer(introduction, accept=action == "accept"):
        messages.info(request, _("You have already answered this request."))
    elif action == "accept":
        messages.success(request, _("Accepted: you can now see each other's contact details."))
    else:
        messages.success(request, _("Declined. They will be told, politely, and nothing more."))
    return redirect("peers:introduction", introduction_id=introduction.pk)


@require_POST
@member_required
def block(request, user_id):
    target = get_object_or_404(visible_profiles(request.user), user_id=user_id)
    if target.user_id == request.user.pk:
        return HttpResponseBadRequest(_("You can't block yourself."))
    if request.POST.get("action") == "unblock":
        introductions.unblock(request.user, target.user_id)
        messages.success(request, _("Unblocked."))
    else:
        introductions.block(request.user, target.user_id)
        messages.success(
            request,
            _("Blocked: neither of you can ask the other for an introduction, or be suggested."),
        )
    return redirect(target)

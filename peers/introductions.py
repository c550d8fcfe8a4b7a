"""Asking for, accepting and declining introductions; blocking. The portal carries the message,
so no email address is shown unless its owner chose to show it."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members import limits
from members.models import MemberProfile
from members.names import display_name
from notifications.service import notify

from .models import Block, Introduction


class Refused(Exception):
    """An introduction that cannot be asked for; `message` tells the member why."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def path_of(introduction):
    return reverse("peers:introduction", args=[introduction.pk])


def check(requester, recipient):
    """Why `requester` may not ask `recipient` (a listed profile they can see), or None."""
    if requester.pk == recipient.user_id:
        return _("You can't ask for an introduction to yourself.")
    if Block.objects.filter(blocker=requester, blocked_id=recipient.user_id).exists():
        return _("You blocked this member. Unblock them first to ask for an introduction.")
    if Block.objects.filter(blocker_id=recipient.user_id, blocked=requester).exists():
        return _("This member is not taking introductions from you.")
    if recipient.contact_preference == MemberProfile.Contact.NONE:
        return _("This member prefers not to be contacted.")
    if Introduction.objects.filter(requester=requester, recipient_id=recipient.user_id).exists():
        return _("You have already asked for an introduction to this member.")
    return None


def ask(requester, recipient, note):
    """Store the request and tell the recipient; refused with a reason, once per pair."""
    reason = check(requester, recipient)
    if reason:
        raise Refused(reason)
    rate = limits.Rate(settings.PEERS_INTRODUCTIONS_PER_DAY, 86_400)
    if not limits.allow("introductions", requester.pk, rate):
        raise Refused(
            _("You have asked for many introductions today. Please try again tomorrow."), 429
        )
    try:
        with transaction.atomic():
            introduction = Introduction.objects.create(
                requester=requester, recipient_id=recipient.user_id, note=note
            )
    except IntegrityError:  # the same request, a moment earlier, from another tab or worker
        raise Refused(_("You have already asked for an introduction to this member.")) from None
    notify(
        recipient.user,
        "introduction",
        f"introduction:{introduction.pk}",
        note,
        path_of(introduction),
        actor=requester,
    )
    return introduction


def answer(introduction, accept):
    """The recipient accepts or declines a pending request, once; the requester is told."""
    status = Introduction.Status.ACCEPTED if accept else Introduction.Status.DECLINED
    changed = Introduction.objects.filter(
        pk=introduction.pk, status=Introduction.Status.PENDING
    ).update(status=status, decided_at=timezone.now())
    if not changed:
        return False
    introduction.status = status
    notify(
        introduction.requester,
        f"introduction_{status}",
        f"introduction_{status}:{introduction.pk}",
        display_name(introduction.recipient),
        path_of(introduction),
        actor=introduction.recipient,
    )
    return True


def block(blocker, blocked_id):
    """Block a member: their pending requests to the blocker are declined without telling them."""
    Block.objects.get_or_create(blocker=blocker, blocked_id=blocked_id)
    Introduction.objects.filter(
        requester_id=blocked_id, recipient=blocker, status=Introduction.Status.PENDING
    ).update(status=Introduction.Status.DECLINED, decided_at=timezone.now())


def unblock(blocker, blocked_id):
    Block.objects.filter(blocker=blocker, blocked_id=blocked_id).delete()


def introduced(user, other_id):
    """Whether `user` and `other_id` accepted an introduction, either way round."""
    return Introduction.objects.filter(
        Q(requester=user, recipient_id=other_id) | Q(requester_id=other_id, recipient=user),
        status=Introduction.Status.ACCEPTED,
    ).exists()

"""Introductions between members, and members' blocks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 1000


class Introduction(models.Model):
    """One member asking to be introduced to another; the other accepts or declines. One per
    pair and direction, ever: a declined member is not asked again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="introductions_asked",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked to"),
        on_delete=models.CASCADE,
        related_name="introductions_received",
    )
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.UniqueConstraint(fields=["requester", "recipient"], name="peers_intro_once"),
            models.CheckConstraint(
                condition=~Q(requester=models.F("recipient")), name="peers_intro_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.requester_id} → {self.recipient_id} ({self.status})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class Block(models.Model):
    """`blocker` no longer hears from `blocked`: no introductions either way, no matches."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="peers_block_once")
        ]

    def __str__(self):
        return f"{self.blocker_id} blocks {self.blocked_id}"


def blocked_ids(user):
    """Ids of the members `user` blocked or who blocked `user`: neither sees the other."""
    pairs = Block.objects.filter(Q(blocker=user) | Q(blocked=user)).values_list(
        "blocker_id", "blocked_id"
    )
    return {blocked if blocker == user.pk else blocker for blocker, blocked in pairs}

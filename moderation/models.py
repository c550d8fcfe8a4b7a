"""Why a member reported a comment, and how a moderator dealt with the report."""

from django_comments.models import CommentFlag

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _


class FlagReview(models.Model):
    """The reason given with a report (a django-comments flag) and, once a moderator has looked
    at it without removing the comment, its dismissal and why."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Rude, abusive or discriminatory")
        PRIVATE = "private", _("Shares someone's personal information")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    flag = models.OneToOneField(CommentFlag, on_delete=models.CASCADE, related_name="review")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), blank=True, max_length=1000)
    dismissed_at = models.DateTimeField(_("dismissed"), null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dismissed by"),
    )
    dismissal_reason = models.TextField(_("why it was dismissed"), blank=True)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")

    def __str__(self):
        return f"{self.flag_id}: {self.reason}"


def open_reports():
    """Reports (flags asking for removal) that no moderator has dismissed."""
    return CommentFlag.objects.filter(flag=CommentFlag.SUGGEST_REMOVAL).exclude(
        review__dismissed_at__isnull=False
    )


def needs_action(comments):
    """Comments waiting for a moderator: held for approval, or reported and not dealt with."""
    reported = open_reports().filter(comment=OuterRef("pk"))
    return comments.filter(is_removed=False).filter(Q(is_public=False) | Q(Exists(reported)))

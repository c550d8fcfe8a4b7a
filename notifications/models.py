"""Notifications, each member's email preference, and followed topics."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One event told to one member: shown in the inbox, emailed at most once.

    `key` names the event (e.g. "answer:12"), so the same event reaching a member by two routes
    (they asked the question and follow it) is one notification, never two.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(max_length=100)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("about"), max_length=255)
    url = models.CharField(max_length=500)
    detail = models.TextField(
        _("details"), blank=True, help_text=_("What the person wrote, e.g. a reviewer's note.")
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notifications_once")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return f"{self.kind}: {self.subject}"


class Preference(models.Model):
    class Email(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately, one email per event")
        DAILY = "daily", _("A daily digest")
        OFF = "off", _("Never: I'll read my inbox on the site")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(
        _("email me"), max_length=20, choices=Email.choices, default=Email.IMMEDIATELY
    )
    can_help = models.BooleanField(
        _("ask me to help"),
        default=True,
        help_text=_("Tell me about new questions on topics I know well."),
    )
    language = models.CharField(
        _("language of my emails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)


class TopicFollow(models.Model):
    topic = models.ForeignKey("home.Topic", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_topics"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "user"], name="notifications_follow_once")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.topic_id}"

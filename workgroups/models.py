"""Working groups, their memberships, discussion threads and replies, meetings, and the setting
that says whether a member's proposal needs an editor's approval. Documents are Wagtail documents
in the group's own collection (see `provision.py`)."""

import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from questions.models import ModeratedPost

from .access import is_moderator

NAME_MAX_LENGTH = 120
TEXT_MAX_LENGTH = 10_000
TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


class Joining(models.TextChoices):
    OPEN = "open", _("Open: members join at once")
    REQUEST = "request", _("By request: conveners approve")


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, waiting for an editor")
    LIVE = "live", _("Live")
    ARCHIVED = "archived", _("Archived")


class WorkingGroupQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Groups whose public page a person may see: live and archived ones, plus a proposal
        to its own members; editors see every group."""
        if is_moderator(user):
            return self.all()
        shown = Q(status__in=[Status.LIVE, Status.ARCHIVED])
        if user.is_authenticated:
            shown |= Q(pk__in=self.member_of(user))
        return self.filter(shown)

    def spaces_for(self, user):
        """Groups whose members' space a person may enter: their own (as an active member), and
        every group for editors, who moderate them."""
        if is_moderator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=self.member_of(user))

    @staticmethod
    def member_of(user):
        return Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values("group")


class WorkingGroup(ClusterableModel):
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH, unique=True)
    purpose = models.TextField(
        _("purpose"), max_length=2000, help_text=_("What the group works on, and for whom.")
    )
    topics = ParentalManyToManyField(
        "home.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    joining = models.CharField(
        _("joining"), max_length=20, choices=Joining.choices, default=Joining.REQUEST
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Who may read the group's documents: Wagtail's collection privacy checks this group.
    access_group = models.OneToOneField(
        "auth.Group", null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    articles = models.ManyToManyField(
        "knowledge.KnowledgeArticlePage",
        verbose_name=_("articles"),
        blank=True,
        editable=False,
        related_name="working_groups",
    )

    objects = WorkingGroupQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("purpose"),
        FieldPanel("topics"),
        FieldPanel("joining"),
        FieldPanel("status"),
        InlinePanel("memberships", heading=_("Members and conveners"), label=_("member")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workgroups:detail", args=[self.pk])

    @property
    def is_live(self):
        return self.status == Status.LIVE

    def active(self):
        return self.memberships.filter(status=Membership.Status.ACTIVE)

    def conveners(self):
        users = self.active().filter(role=Membership.Role.CONVENER).values("user")
        return get_user_model().objects.filter(pk__in=users).order_by("first_name", "pk")


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        CONVENER = "convener", _("Convener")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Asked to join")
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Member")

    group = ParentalKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="group_memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("user"), FieldPanel("role"), FieldPanel("status")]

    class Meta:
        ordering = ["role", "user__first_name", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="workgroups_one_membership")
        ]

    def __str__(self):
        return f"{self.user} → {self.group}"


class Thread(ModeratedPost):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("started"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workgroups:thread", args=[self.group_id, self.pk])


class Reply(ModeratedPost):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(_("reply"), max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return _("Reply to %(title)s") % {"title": self.thread.title}

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}#reply-{self.pk}"


class Meeting(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=[(name, name) for name in TIME_ZONES],
        default="Europe/London",
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    agenda = models.TextField(_("agenda"), max_length=TEXT_MAX_LENGTH, blank=True)
    notes = models.TextField(_("notes"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workgroups:meeting", args=[self.group_id, self.pk])


@register_setting(icon="group")
class WorkingGroupSettings(BaseSiteSetting):
    approve_new_groups = models.BooleanField(
        _("editors approve new groups"),
        default=True,
        help_text=_(
            "A group proposed by a member goes live once an editor approves it. "
            "Untick to let proposals go live at once."
        ),
    )

    class Meta:
        verbose_name = _("working groups")

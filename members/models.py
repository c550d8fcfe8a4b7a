"""Applications to join the network and the profiles of its members."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from home.models import optional_term

from .names import display_name


class MembershipApplication(models.Model):
    """Someone asking to join; staff approve (creating their account) or decline it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"), unique=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("role"), max_length=150, help_text=_("Your job or role there."))
    region = optional_term("home.Region", _("region"))
    expertise = models.ManyToManyField(
        "home.Topic", verbose_name=_("areas of expertise"), blank=True, related_name="+"
    )
    hopes_to_share = models.TextField(
        _("what you hope to share"),
        max_length=2000,
        help_text=_("What have you tried that others could learn from?"),
    )
    listed_in_directory = models.BooleanField(
        _("list me in the member directory"),
        default=False,
        help_text=_("Other members can find you by name, organisation, expertise and region."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        editable=False,
        help_text=_("The language the application was made in; emails to the applicant use it."),
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership_application",
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class MemberProfile(index.Indexed, models.Model):
    """What a member tells other members about themselves, and (in `topics`) what their published
    contributions show they know, so the directory's search and facets cover both."""

    class Contact(models.TextChoices):
        EMAIL = "email", _("Email me directly")
        INTRODUCTION = "introduction", _("Ask for an introduction through the portal")
        NONE = "none", _("Please don't contact me")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=150, blank=True)
    region = optional_term("home.Region", _("region"), "member_profiles")
    sector = optional_term("home.Sector", _("sector"), "member_profiles")
    languages = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("languages I speak"),
        blank=True,
        related_name="+",
        help_text=_("Of the network's languages, those you are happy to talk in."),
    )
    bio = models.TextField(_("about me"), max_length=2000, blank=True)
    expertise = models.ManyToManyField(
        "home.Topic",
        verbose_name=_("areas of expertise"),
        blank=True,
        related_name="member_profiles",
    )
    topics = models.ManyToManyField(
        "home.Topic",
        verbose_name=_("topics"),
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("Stated expertise and the topics of published contributions (peers/)."),
    )
    can_help_with = models.TextField(_("I can help with"), max_length=1000, blank=True)
    looking_for = models.TextField(_("I am looking for"), max_length=1000, blank=True)
    contact_preference = models.CharField(
        _("how to contact me"),
        max_length=20,
        choices=Contact.choices,
        default=Contact.INTRODUCTION,
        help_text=_("Only “Email me directly” shows your email address to other members."),
    )
    contact_details = models.TextField(
        _("contact details for introductions"),
        max_length=500,
        blank=True,
        help_text=_(
            "Shown only to members whose introduction you accepted, or who accepted yours: "
            "a phone number, an address, a video-call link. Your email address is never "
            "shown unless you choose “Email me directly”."
        ),
    )
    listed_in_directory = models.BooleanField(
        _("list me in the member directory"),
        default=False,
        help_text=_(
            "Other members can find you by name, organisation, expertise and region. "
            "Unlisted, your profile is seen only by you and the network team."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_fields = [
        index.RelatedFields(
            "user",
            [
                index.SearchField("first_name", boost=2),
                index.SearchField("last_name", boost=2),
                index.FilterField("is_active"),
            ],
        ),
        index.SearchField("organisation", boost=2),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.SearchField("can_help_with", boost=2),
        index.SearchField("looking_for"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.SearchField("contribution_text", boost=2),
        index.FilterField("id"),
        index.FilterField("listed_in_directory"),
        index.FilterField("user"),
        index.FilterField("topics"),
        index.FilterField("sector"),
        index.FilterField("region"),
        index.FilterField("languages"),
    ]

    class Meta:
        ordering = ["user__first_name", "user__last_name"]
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("members:profile", args=[self.user_id])

    @property
    def display_name(self):
        return display_name(self.user)

    def contribution_text(self):
        """What the member's published contributions are called and about, for the index."""
        from peers.contributions import contributions_of

        return "\n".join(
            f"{item.title} {' '.join(topic.name for topic in item.topics)}"
            for item in contributions_of([self.user_id]).get(self.user_id, [])
        )

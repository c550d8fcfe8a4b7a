"""Applications: acknowledged on arrival; approval makes an account and profile; every step emails
the applicant, in the language they applied in."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import override

from wagtail.users.models import UserProfile

from notifications.models import Preference

from .access import MEMBERS_GROUP
from .models import MemberProfile


def unique_username(email):
    User = get_user_model()
    base = email.split("@")[0][:140] or "member"
    username, suffix = base, 1
    while User.objects.filter(username__iexact=username).exists():
        suffix += 1
        username = f"{base}{suffix}"
    return username


def set_password_url(user):
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _email(application, template, context):
    context = {"application": application, "site_url": settings.WAGTAILADMIN_BASE_URL, **context}
    with override(application.language):
        subject = render_to_string(f"members/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"members/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [application.email])


def acknowledge(application):
    _email(application, "received", {})


@transaction.atomic
def approve(application, by):
    """An active account in Members (the existing one for that address, if any), a profile from
    the application, and an email with a link to set a password."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=application.email).first()
    if user is None:
        first_name, _, last_name = application.name.partition(" ")
        user = User.objects.create_user(
            username=unique_username(application.email),
            email=application.email,
            first_name=first_name[:150],
            last_name=last_name[:150],
        )
    user.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])
    profile, created = MemberProfile.objects.get_or_create(
        user=user,
        defaults={
            "organisation": application.organisation,
            "role": application.role,
            "region": application.region,
            "can_help_with": application.hopes_to_share[:1000],
            "listed_in_directory": application.listed_in_directory,
        },
    )
    if created:
        profile.expertise.set(application.expertise.all())
    application.status = application.Status.APPROVED
    application.user = user
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save()
    speak_their_language(user, application.language)
    with override(application.language):
        link = set_password_url(user)  # /fr/accounts/… for someone who applied in French
    _email(application, "approved", {"user": user, "set_password_url": link})
    return user


def speak_their_language(user, language):
    """A new member's notifications and admin start in the language they applied in (unless
    they already chose one)."""
    Preference.objects.get_or_create(user=user, defaults={"language": language})
    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


@transaction.atomic
def decline(application, by):
    application.status = application.Status.DECLINED
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save()
    _email(application, "declined", {})

"""`notify()`: the one call every part of the portal uses to tell a member about an event."""

from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.users.models import UserProfile

from members.names import display_name

from .models import Notification, Preference

# What each kind of event says; `%(actor)s` is who did it, `%(subject)s` what it is about.
MESSAGES = {
    "answer": _("%(actor)s answered your question “%(subject)s”"),
    "accepted": _("%(actor)s accepted your answer to “%(subject)s”"),
    "can_help": _("Can you help? %(actor)s asked “%(subject)s”"),
    "followed_question": _("%(actor)s answered “%(subject)s”, a question you follow"),
    "followed_topic": _("New question on a topic you follow: “%(subject)s”"),
    "article": _("“%(subject)s” became a knowledge article draft"),
    "comment_reply": _("%(actor)s replied to your comment on “%(subject)s”"),
    "comment_thread": _("%(actor)s replied in a discussion you took part in on “%(subject)s”"),
    "article_comment": _("%(actor)s commented on your article “%(subject)s”"),
    "followed_topic_page": _("New on a topic you follow: “%(subject)s”"),
    "introduction": _("%(actor)s asks you for an introduction: “%(subject)s”"),
    "introduction_accepted": _(
        "%(actor)s accepted your introduction: you can now see each other's contact details"
    ),
    "introduction_declined": _("%(actor)s can't take up your introduction request this time"),
    "group_proposed": _("%(actor)s proposed a new group: “%(subject)s”"),
    "group_live": _("Your group “%(subject)s” is live"),
    "group_request": _("%(actor)s asked to join “%(subject)s”"),
    "group_invite": _("%(actor)s invited you to join “%(subject)s”"),
    "group_welcome": _("You are now a member of “%(subject)s”"),
    "group_thread": _("%(actor)s started a discussion in your group: “%(subject)s”"),
    "group_reply": _("%(actor)s replied to “%(subject)s” in your group"),
    "group_meeting": _("New meeting in your group: “%(subject)s”"),
    "changes_requested": _("%(actor)s asked for changes to “%(subject)s” before publishing it"),
    "approved": _("%(actor)s approved and published “%(subject)s”"),
    "submission_overdue": _("“%(subject)s” is waiting for review past its due date"),
    "application": _("New application to join from %(subject)s"),
    "comment_held": _("A comment on “%(subject)s” is waiting for approval"),
    "comment_reported": _("%(actor)s reported a comment on “%(subject)s”"),
    "review_date": _("“%(subject)s” has reached its review date"),
    "review_overdue": _("“%(subject)s” is past its review date: is it still accurate?"),
}
UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def message(notification):
    """The event in the active language."""
    actor = notification.actor
    name = display_name(actor) if actor else _("Someone")
    return MESSAGES[notification.kind] % {"actor": name, "subject": notification.subject}


def preference_for(user, language=None):
    """The member's preference, made with the defaults on first use: in `language` when the
    member is the one asking (their settings page), else their Wagtail admin language if they
    chose one, else the site's default language."""
    if language not in dict(settings.LANGUAGES):
        language = admin_language(user)
    preference, _created = Preference.objects.get_or_create(
        user=user, defaults={"language": language}
    )
    return preference


def admin_language(user):
    """The language the user chose for the Wagtail admin, if it is one of the site's."""
    profile = UserProfile.objects.filter(user=user).first()
    chosen = profile.preferred_language if profile else ""
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def notify(recipient, kind, key, subject, url, actor=None, detail=""):
    """Tell `recipient` about an event named `key`, once: a second call for the same event and
    member (a retry, a double click, a second route) changes nothing and sends nothing.

    `url` is the address in the default language; the inbox and emails translate it. `detail`
    is what someone wrote about the event (a reviewer's note), shown with it as written.
    """
    if actor is not None and recipient.pk == actor.pk or not recipient.is_active:
        return None
    notification, created = Notification.objects.get_or_create(
        recipient=recipient,
        key=key,
        defaults={
            "kind": kind,
            "subject": subject[:255],
            "url": url,
            "actor": actor,
            "detail": detail,
        },
    )
    if not created:
        return None
    if preference_for(recipient).email == Preference.Email.IMMEDIATELY:
        from .tasks import send_notification_email

        transaction.on_commit(partial(send_notification_email.enqueue, notification.pk))
    return notification


def unsubscribe_token(user):
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_id_from_token(token):
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def in_language(path, language):
    """`path`, an address in the default language, in `language` (`translate_url` resolves it
    in the active language, so make that the default one first). A page's address is left as it
    is: each translation of a page has its own, and the page may have none in `language`."""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            if resolve(urlsplit(path).path).url_name == "wagtail_serve":
                return path
        except Resolver404:
            return path
        return translate_url(path, language)


def localized_url(path, language):
    """`path` in `language`, absolute, for an email."""
    return absolute(in_language(path, language))


def unsubscribe_url(user, language):
    with translation.override(language):
        return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user)]))

"""Notification emails, each in its recipient's language, each with an unsubscribe link."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .service import localized_url, message, preference_for, unsubscribe_url


def send(user, template, context):
    """Render `template` (subject and body) in the member's language and send it."""
    language = preference_for(user).language
    with translation.override(language):
        unsubscribe = unsubscribe_url(user, language)
        context = {**context, "user": user, "unsubscribe_url": unsubscribe, "language": language}
        subject = render_to_string(f"notifications/email/{template}_subject.txt", context)
        body = render_to_string(f"notifications/email/{template}.txt", context)
    email = EmailMessage(
        subject=" ".join(subject.split())[:200],
        body=body,
        to=[user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>"},
    )
    email.send()


def entries(notifications, language):
    """What an email lists of each notification: the message and the address, in `language`."""
    with translation.override(language):
        return [
            {
                "message": str(message(item)),
                "detail": item.detail,
                "url": localized_url(item.url, language),
            }
            for item in notifications
        ]


def send_one(notification):
    user = notification.recipient
    language = preference_for(user).language
    send(user, "notification", {"entry": entries([notification], language)[0]})


def send_digest(user, notifications):
    language = preference_for(user).language
    send(user, "digest", {"entries": entries(notifications, language)})

"""Background work: an immediate notification's email, sent after the request commits."""

from django_tasks import task

from django.utils import timezone

from .emails import send_one
from .models import Notification


@task()
def send_notification_email(notification_id):
    """Claim the notification (only one worker wins), then email it: never twice."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return
    notification = Notification.objects.select_related("recipient", "actor").get(pk=notification_id)
    if notification.recipient.email:
        send_one(notification)

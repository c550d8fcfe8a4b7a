"""Email each daily-digest member what they were told since their last digest, in one email."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from notifications.emails import send_digest
from notifications.models import Notification, Preference


class Command(BaseCommand):
    help = "Send the daily digest of notifications to members who chose it. Safe to run again."

    def handle(self, *args, **options):
        sent = 0
        preferences = Preference.objects.filter(email=Preference.Email.DAILY).select_related("user")
        for preference in preferences.filter(user__is_active=True):
            with transaction.atomic():
                pending = Notification.objects.select_for_update(
                    skip_locked=True, of=("self",)
                ).filter(recipient=preference.user, emailed_at__isnull=True)
                notifications = list(pending.select_related("actor").order_by("created_at"))
                if not notifications:
                    continue
                Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                    emailed_at=timezone.now()
                )
                Preference.objects.filter(pk=preference.pk).update(last_digest_at=timezone.now())
            if preference.user.email:
                send_digest(preference.user, notifications)
                sent += 1
        self.stdout.write(f"Sent {sent} digest(s).")

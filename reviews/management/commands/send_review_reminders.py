"""Daily: reminders for overdue submissions, articles reaching their review date, and the
monthly nudge to authors of articles past it."""

from django.core.management.base import BaseCommand

from reviews.reminders import send_all


class Command(BaseCommand):
    help = (
        "Remind reviewers of overdue submissions and authors and editors of review dates. "
        "Run daily; safe to run again (each reminder is sent once)."
    )

    def handle(self, *args, **options):
        count = send_all()
        self.stdout.write(f"{count} reminders")

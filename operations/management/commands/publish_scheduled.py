"""Wagtail's ``publish_scheduled``, with each page published in its own transaction.

Wagtail's command stops at the first page that fails to publish, leaving every later page in the
batch unpublished. This one (found first because ``operations`` precedes ``wagtail`` in
INSTALLED_APPS) logs the failure, rolls back only that page, carries on, and exits with an error
if anything failed so cron or the task runner reports it.
"""

import logging

from django.apps import apps
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.management.commands import publish_scheduled
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)


class Command(publish_scheduled.Command):
    def handle(self, *args, **options):
        if options["dryrun"]:
            return super().handle(*args, **options)
        failures = []
        for model in self.scheduled_models():
            expired = model.objects.filter(live=True, expire_at__lt=timezone.now())
            for obj in list(expired.order_by("expire_at")):
                self.attempt(
                    failures,
                    obj,
                    lambda o=obj: o.unpublish(
                        set_expired=True, log_action="wagtail.unpublish.scheduled"
                    ),
                )
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
        for revision in list(due.order_by("approved_go_live_at")):
            self.attempt(
                failures,
                revision,
                lambda r=revision: r.publish(log_action="wagtail.publish.scheduled"),
            )
        if failures:
            raise CommandError(f"{len(failures)} scheduled change(s) failed: {', '.join(failures)}")

    def scheduled_models(self):
        return [Page] + [
            model
            for model in apps.get_models()
            if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
        ]

    def attempt(self, failures, obj, action):
        try:
            with transaction.atomic():
                action()
        except Exception:
            logger.exception("Scheduled publishing failed for %r", obj)
            failures.append(str(obj))

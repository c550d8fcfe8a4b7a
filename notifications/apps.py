"""One notification service for every event: an on-site inbox, and email per each member's choice.

Its own app so any part of the portal (questions, comments, reviews) can tell a member something
with one call, `notifications.service.notify()`.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the comment and publishing receivers)

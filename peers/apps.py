"""Members discovering each other.

Its own app because it sits across every kind of content: what members' contributions show they
know, matches between members and with questions, topics and case studies, and introductions
(with blocking) that never expose an email address.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersConfig(AppConfig):
    name = "peers"
    verbose_name = _("Peers and introductions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (keeps profiles' topics and index current)

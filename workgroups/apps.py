"""Peer groups and working groups: formed by members, each with a public page and a private space.

Its own app because a group's space (discussion, documents, meetings) is private to its members:
every lookup goes through `WorkingGroup.objects.spaces_for()`, so anyone else gets a 404.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Working groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache, signals

        signals.connect()
        cache.connect()

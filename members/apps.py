"""Members and community.

Its own app because it owns the people side of the portal, apart from any page type: accounts on the
public site, applications to join and their review, member profiles, the member directory, and the
moderation of members' discussion on knowledge articles and case studies.
"""

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(using, **kwargs):
    """Every `migrate` (each deploy, `make serve`) creates the database cache's table that the rate
    limits use without Redis; `createcachetable` leaves existing tables alone."""
    call_command("createcachetable", database=using, verbosity=0)


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members and community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache, signals  # noqa: F401  (signals connects the comment receivers)

        cache.connect()

        post_migrate.connect(create_cache_tables, sender=self)

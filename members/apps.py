"""Members and community.

Its own app because it owns the people side of the portal, apart from any page type: accounts on the
public site, applications to join and their review, member profiles, the member directory, and the
moderation of members' discussion on knowledge articles and case studies.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members and community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the comment receivers)

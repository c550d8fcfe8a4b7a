from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    """Member-written knowledge articles and their review workflow."""

    name = "knowledge"
    verbose_name = "Knowledge"

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401  (connects the receivers)
        from .permissions import PortalPagePermissionPolicy

        # Every admin view that lists explorable pages hides other members' drafts from members.
        register_permission_policy(Page, PortalPagePermissionPolicy())

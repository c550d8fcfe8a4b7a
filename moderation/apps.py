from django.apps import AppConfig


class ModerationConfig(AppConfig):
    """Comment reports with reasons, dismissing them, and the editors' "needs action" panel."""

    name = "moderation"
    verbose_name = "Moderation"

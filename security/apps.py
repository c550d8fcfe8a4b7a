from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Admin hardening hooks, backup and restore commands.

    An app of its own because Wagtail only loads ``wagtail_hooks`` modules and Django only finds
    management commands in installed apps; ``portal`` is the project package, not an app.
    """

    name = "security"
    verbose_name = "Security"

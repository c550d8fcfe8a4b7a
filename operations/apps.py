from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: backup and restore, and scheduled publishing one page at a time.

    An app so that Django finds its management commands (and ours shadows Wagtail's
    ``publish_scheduled``, being listed first); ``portal`` is the project package, not an app.
    """

    name = "operations"
    verbose_name = "Operations"

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search over every page type."""

    name = "search"
    verbose_name = "Search"

    def ready(self):
        from . import signals

        signals.connect()

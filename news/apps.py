from django.apps import AppConfig


class NewsConfig(AppConfig):
    """Editorial news: its own app because it owns its pages, listing filters and feeds."""

    name = "news"
    verbose_name = "News"

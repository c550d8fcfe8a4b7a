from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site shell: home and standard pages, the shared BasePage, taxonomy, site settings."""

    name = "home"
    verbose_name = "Site"

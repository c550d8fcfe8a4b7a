from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site shell: home and standard pages, the shared BasePage, taxonomy, site settings."""

    name = "home"
    verbose_name = "Site"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .site_address import apply_site_url

        post_migrate.connect(apply_site_url, sender=self, dispatch_uid="home_apply_site_url")

from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site shell: home and standard pages, the shared BasePage, taxonomy, site settings."""

    name = "home"
    verbose_name = "Site"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_migrate

        from .groups import forget_group_names
        from .site_address import apply_site_url

        post_migrate.connect(apply_site_url, sender=self, dispatch_uid="home_apply_site_url")

        m2m_changed.connect(
            forget_group_names,
            sender=get_user_model().groups.through,
            dispatch_uid="home_forget_group_names",
        )

from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site shell: home and standard pages, the shared BasePage, taxonomy, site settings."""

    name = "home"
    verbose_name = "Site"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed

        from .groups import forget_group_names

        m2m_changed.connect(
            forget_group_names,
            sender=get_user_model().groups.through,
            dispatch_uid="home_forget_group_names",
        )

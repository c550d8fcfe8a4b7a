from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    """Languages of the portal: the sitemap of every translation and the translation permissions."""

    name = "localization"
    verbose_name = _("Localization")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Locale

        from .locales import forget_locales

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="forget_locales_save")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="forget_locales_delete")

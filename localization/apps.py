from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    """Languages of the portal: the sitemap of every translation and the translation permissions."""

    name = "localization"
    verbose_name = _("Localization")

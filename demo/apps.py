from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content, built by code from the apps' factories with a fixed seed (`load_demo_content`).

    An app so that Django finds its management command; it has no models.
    """

    name = "demo"
    verbose_name = "Demo content"

from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """The editors' review queue (claims, due dates, reminders) and the review outcomes told to
    authors. Listed after `wagtail.admin` in INSTALLED_APPS so that `ready()` runs after Wagtail
    connects its own emails to submitters, which it replaces."""

    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from . import signals

        signals.replace_wagtail_outcome_emails()

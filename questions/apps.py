"""Ask the network: members' questions, peers' answers, and the way from a good answer to knowledge.

Its own app because questions live on the public site (not in the admin) and have their own rules:
members-only by default, moderation, routing to people who know, and helpful votes.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Questions and answers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import cache

        cache.connect()

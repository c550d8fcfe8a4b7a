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
        from django.db.models.signals import post_delete, pre_save

        from . import cache
        from .models import Question

        pre_save.connect(cache.on_question_save, sender=Question, dispatch_uid="questions_cache")
        post_delete.connect(
            cache.on_question_delete, sender=Question, dispatch_uid="questions_cache"
        )

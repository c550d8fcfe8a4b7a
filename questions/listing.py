"""The questions page's listing: its teaser, filters and page of questions for a query string.

The same for every reader of an audience who sees only published questions, so the template
keeps it with the page's fragments (docs/caching.md, Members); moderators, authors of a held or
hidden question and "Questions I follow" get it afresh.
"""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.models import Locale

from home.models import Topic
from home.pagination import paginate, query_without_page
from localization.locales import active_language_code
from portal.page_cache import scope_generation

from .access import is_moderator, takes_part
from .models import Answer, Question, State
from .terms import in_reader_language

ANSWERED_LATELY = datetime.timedelta(days=30)
# The scope of the fragments purged when a question or answer changes (`questions.cache`).
SCOPE = "questions"


class QuestionList:
    """Worked out on first use: a page served from the cache asks none of it."""

    def __init__(self, request):
        self.request = request
        self.user = request.user
        self.language = request.GET.get("lang", "")[:10]
        self.show = request.GET.get("show", "")

    @cached_property
    def shared(self):
        """Whether the reader sees what everyone in their audience sees: published questions."""
        if self.show == "following" or is_moderator(self.user):
            return False
        if not self.user.is_authenticated:
            return True
        own = Question.objects.filter(author=self.user, merged_into__isnull=True)
        return not own.exclude(state=State.PUBLISHED).exists()

    @property
    def generation(self):
        return scope_generation(SCOPE)

    @property
    def takes_part(self):
        return takes_part(self.user)

    @cached_property
    def topics(self):
        return Topic.objects.filter(locale__language_code=active_language_code())

    @cached_property
    def active_topic(self):
        slug = self.request.GET.get("topic", "")[:100]
        return self.topics.filter(slug=slug).first() if slug else None

    @property
    def locales(self):
        return Locale.objects.order_by("language_code")

    @cached_property
    def answered_lately(self):
        recent = Answer.objects.filter(
            question=OuterRef("pk"),
            state=State.PUBLISHED,
            created_at__gte=timezone.now() - ANSWERED_LATELY,
        )
        published = Question.objects.filter(merged_into__isnull=True, state=State.PUBLISHED)
        return published.filter(Exists(recent)).count()

    def filtered(self):
        questions = Question.objects.visible_to(self.user).with_counts()
        if self.request.GET.get("topic"):
            # A topic in any language: questions asked in others carry its translations.
            topic = self.active_topic
            questions = (
                questions.filter(topics__translation_key=topic.translation_key).distinct()
                if topic
                else questions.none()
            )
        if self.language:
            questions = questions.filter(locale__language_code=self.language)
        if self.show == "unanswered":
            questions = questions.filter(answer_count=0)
        elif self.show == "resolved":
            questions = questions.filter(resolved=True)
        elif self.show == "following" and self.user.is_authenticated:
            questions = questions.filter(follows__user=self.user)
        return questions.order_by("-created_at", "-pk")

    @cached_property
    def questions(self):
        listed = paginate(
            self.request,
            self.filtered().select_related("locale").prefetch_related("topics"),
        )
        names = in_reader_language([t for question in listed for t in question.topics.all()])
        for question in listed:
            question.topic_names = [names[t] for t in question.topics.all()]
        return listed

    @property
    def filter_query(self):
        return query_without_page(self.request)

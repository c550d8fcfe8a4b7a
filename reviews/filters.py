"""The review queue's filters: type, topic, language, age and reviewer."""

import datetime

import django_filters

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.models import Locale, Page, TaskState, get_page_models

from home.models import Topic, TopicsMixin

from .service_level import overdue_before

AGES = {
    "1": datetime.timedelta(days=1),
    "3": datetime.timedelta(days=3),
    "7": datetime.timedelta(days=7),
}


def page_ids(pages):
    """Page ids as the strings workflow states store them, as a subquery."""
    return pages.annotate(key=Cast("pk", CharField())).values("key")


class ReviewQueueFilterSet(WagtailFilterSet):
    page_type = ContentTypeFilter(
        label=_("Type"),
        field_name="workflow_state__content_type",
        queryset=lambda request: ContentType.objects.filter(
            pk__in=[ContentType.objects.get_for_model(model).pk for model in get_page_models()]
        ).order_by("model"),
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        queryset=lambda request: Topic.objects.filter(locale=Locale.get_default()).order_by("name"),
        method="filter_topic",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, method="filter_language"
    )
    age = django_filters.ChoiceFilter(
        label=_("Waiting"),
        choices=[
            ("1", _("More than a day")),
            ("3", _("More than three days")),
            ("7", _("More than a week")),
            ("overdue", _("Past its due date")),
        ],
        method="filter_age",
        empty_label=_("Any time"),
    )
    reviewer = django_filters.ChoiceFilter(
        label=_("Reviewer"),
        choices=[("me", _("Claimed by me")), ("nobody", _("Not claimed"))],
        method="filter_reviewer",
    )

    class Meta:
        model = TaskState
        fields = []

    def filter_topic(self, states, name, topic):
        """Pages of any type carrying the topic, in any language (translations carry the
        topic's translation)."""
        ids = [
            page_ids(model.objects.filter(topics__translation_key=topic.translation_key))
            for model in get_page_models()
            if issubclass(model, TopicsMixin)
        ]
        matching = states.none()
        for subquery in ids:
            matching = matching | states.filter(workflow_state__object_id__in=subquery)
        return matching

    def filter_language(self, states, name, language):
        pages = Page.objects.filter(locale__language_code=language)
        return states.filter(workflow_state__object_id__in=page_ids(pages))

    def filter_age(self, states, name, age):
        if age == "overdue":
            return states.filter(started_at__date__lt=overdue_before())
        return states.filter(started_at__lt=timezone.now() - AGES[age])

    def filter_reviewer(self, states, name, value):
        if value == "me":
            return states.filter(claim__reviewer=self.request.user)
        return states.filter(claim__isnull=True)

"""Searches that found nothing, by day: the "content gaps" editors should fill. Wagtail's
QueryDailyHits counts every search but not what it found, so these are counted beside it."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.search.utils import normalise_query_string


class ZeroResultQuery(models.Model):
    query_string = models.CharField(_("query"), max_length=255)
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search with no results")
        verbose_name_plural = _("searches with no results")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "date"], name="unique_zero_result_query_per_day"
            )
        ]

    def __str__(self):
        return self.query_string

    @classmethod
    def garbage_collect(cls):
        """Delete the days older than Wagtail keeps its daily hits (WAGTAILSEARCH_HITS_MAX_AGE,
        7 by default), so both reports cover the same days."""
        days = getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", 7)
        cls.objects.filter(date__lt=timezone.localdate() - datetime.timedelta(days)).delete()

    @classmethod
    def record(cls, query_string):
        """Count one more search for `query_string` today that returned nothing."""
        entry, _created = cls.objects.get_or_create(
            query_string=normalise_query_string(query_string)[:255], date=timezone.localdate()
        )
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)

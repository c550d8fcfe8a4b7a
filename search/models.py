"""Searches that found nothing, by day: the "content gaps" editors should fill. Wagtail counts
each query's searches a day (QueryDailyHits) but not what they found, so each day's row carries
how many of them found nothing, and Wagtail's `searchpromotions_garbage_collect` deletes both."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import QueryDailyHits


class ZeroResultQuery(models.Model):
    daily_hits = models.OneToOneField(
        QueryDailyHits, on_delete=models.CASCADE, related_name="zero_results"
    )
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search with no results")
        verbose_name_plural = _("searches with no results")

    def __str__(self):
        return str(self.daily_hits.query)

    @classmethod
    def record(cls, day):
        """One more search that found nothing on `day` (its QueryDailyHits as a queryset): one
        statement once the day has its row."""
        entries = cls.objects.filter(daily_hits__in=day)
        if not entries.update(hits=F("hits") + 1):
            cls.objects.get_or_create(daily_hits=day.get())
            entries.update(hits=F("hits") + 1)

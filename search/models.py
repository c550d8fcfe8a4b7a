"""Searches that found nothing, by day: the "content gaps" editors should fill. Wagtail's daily
hits count every search but not what it found, so each day's count of a query (QueryDailyHits)
carries how many of those searches found nothing, and Wagtail's `searchpromotions_garbage_collect`
deletes both together."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import QueryDailyHits
from wagtail.search.utils import normalise_query_string


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
    def record(cls, query_string):
        """Count one more search for `query_string` that returned nothing, on the day Wagtail's
        `Query.add_hit()` has just counted it."""
        query_string = normalise_query_string(query_string)
        daily_hits = QueryDailyHits.objects.filter(query__query_string=query_string).latest("date")
        entry, _created = cls.objects.get_or_create(daily_hits=daily_hits)
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)

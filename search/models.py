"""Searches that found nothing, by day (the "content gaps" editors should fill), and the narrow
rows a search on the database reads."""

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
    def record(cls, query_string):
        """Count one more search for `query_string` today that returned nothing."""
        entry, _created = cls.objects.get_or_create(
            query_string=normalise_query_string(query_string)[:255], date=timezone.localdate()
        )
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)


class SearchDocument(models.Model):
    """What a search on the database filters, counts and sorts by: one narrow row per indexed page.

    Wagtail's index entries hold text; filtering their matches by live, locale and privacy
    meant looking up each match's wide page row, which at 100,000 pages cost more than the
    match itself. These rows carry those columns, and their text lives beside them (FTS5
    tables on SQLite, text and weighted tsvector columns on PostgreSQL: search/migrations). The
    search backend itself writes them (search/backend.py), so publishing, `update_index` and
    deletion keep them in step with Wagtail's index.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, db_index=False, related_name="+"
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, db_index=False, related_name="+"
    )
    live = models.BooleanField()
    path = models.CharField(max_length=255)
    first_published_at = models.DateTimeField(null=True)

    def __str__(self):
        return self.path

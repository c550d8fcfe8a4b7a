"""A day's count of searches that found nothing becomes part of Wagtail's count of that query
that day (QueryDailyHits), so Wagtail's garbage collection deletes it with them. Each row is
moved onto its day's hits; a row without them (already collected by Wagtail) goes."""

import django.db.models.deletion
from django.db import migrations, models


def attach_to_daily_hits(apps, schema_editor):
    ZeroResultQuery = apps.get_model("search", "ZeroResultQuery")
    QueryDailyHits = apps.get_model("wagtailsearchpromotions", "QueryDailyHits")
    for entry in ZeroResultQuery.objects.all():
        days = QueryDailyHits.objects.filter(
            query__query_string=entry.query_string, date=entry.date
        )
        entry.daily_hits = days.first()
        if entry.daily_hits is None:
            entry.delete()
        else:
            entry.save(update_fields=["daily_hits"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_remove_searchdocument"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="zeroresultquery",
            name="daily_hits",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="zero_results",
                to="wagtailsearchpromotions.querydailyhits",
            ),
        ),
        migrations.RunPython(attach_to_daily_hits),
        migrations.RemoveConstraint(
            model_name="zeroresultquery", name="unique_zero_result_query_per_day"
        ),
        migrations.RemoveField(model_name="zeroresultquery", name="query_string"),
        migrations.RemoveField(model_name="zeroresultquery", name="date"),
        migrations.AlterField(
            model_name="zeroresultquery",
            name="daily_hits",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="zero_results",
                to="wagtailsearchpromotions.querydailyhits",
            ),
        ),
    ]

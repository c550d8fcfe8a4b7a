"""PostgreSQL only: an index on pages' ids as text, the key Wagtail's index entries join on.

modelsearch joins a search's index entries to pages on `object_id = page.id::varchar(50)` (the
entries' `object_id` is text, for every model's key). No index of pages' has that expression, so
each search statement read every page to join its few hundred matches. With this one each match
finds its page through the index. Other databases are left alone.
"""

from django.db import migrations

INDEX = "search_page_id_text"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page ((id::varchar(50)))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_zero_results_on_daily_hits"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]

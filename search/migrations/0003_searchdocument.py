"""The narrow rows a search on the database reads, and their text beside them.

SQLite: an FTS5 table `search_document_text` (title, boosted, body) whose rowid is the page id,
and `search_document_heading` (title, boosted) for the first tier of relevance.
PostgreSQL: weighted tsvector columns on the rows, each with a GIN index: `vector` (all the text)
and `heading` (title and boosted fields only, the first tier of relevance). The text is written
by the search backend (search/backend.py); `update_index` fills both for existing pages.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def create_text(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_document_text USING fts5(title, boosted, body)"
        )
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_document_heading USING fts5(title, boosted)"
        )
    elif vendor == "postgresql":
        for column in ("vector", "heading"):
            schema_editor.execute(
                f"ALTER TABLE search_searchdocument ADD COLUMN {column} tsvector NOT NULL DEFAULT ''"
            )
            schema_editor.execute(
                f"CREATE INDEX search_document_{column} ON search_searchdocument "
                f"USING gin ({column})"
            )


def drop_text(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_document_text")
        schema_editor.execute("DROP TABLE IF EXISTS search_document_heading")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('search', '0002_indexentry_title_body_gin'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('live', models.BooleanField()),
                ('path', models.CharField(max_length=255)),
                ('first_published_at', models.DateTimeField(null=True)),
                ('content_type', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('locale', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale')),
            ],
        ),
        migrations.RunPython(create_text, drop_text),
    ]

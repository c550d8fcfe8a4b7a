"""The site search goes through Wagtail's backends alone: the second index goes, and on SQLite
Wagtail's own FTS table is rebuilt with the porter tokenizer, so plurals and other English
inflections match ("heat pumps" finds "heat pump"). Its rows are copied from Wagtail's index
entries, which the table's triggers keep in step from then on.
"""

from django.db import migrations

FTS = "wagtailsearch_indexentry_fts"
COLUMNS = "autocomplete, body, title"


def fts_with(tokenizer):
    def rebuild(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")
        options = f", tokenize = '{tokenizer}'" if tokenizer else ""
        schema_editor.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}{options})")
        schema_editor.execute(
            f"INSERT INTO {FTS} (rowid, {COLUMNS}) "  # noqa: S608  # nosec B608
            f"SELECT id, {COLUMNS} FROM wagtailsearch_indexentry"
        )

    return rebuild


def drop_document_text(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for table in ("search_document_text", "search_document_heading"):
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


def restore_document_text(apps, schema_editor):
    """Backwards: the empty text tables or columns migrations 0003 to 0005 expect."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_document_text USING fts5(title, boosted, body)"
        )
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_document_heading USING fts5(title, boosted)"
        )
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchdocument "
            "ADD COLUMN vector tsvector NOT NULL DEFAULT '', "
            "ADD COLUMN heading tsvector NOT NULL DEFAULT '', "
            "ADD COLUMN title text NOT NULL DEFAULT '', "
            "ADD COLUMN boosted text NOT NULL DEFAULT '', "
            "ADD COLUMN body text NOT NULL DEFAULT ''"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_text_rowids_sqlite"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        # Backwards, the documents come back empty; `update_index` would refill them.
        migrations.RunPython(drop_document_text, restore_document_text),
        migrations.DeleteModel(name="SearchDocument"),
        migrations.RunPython(fts_with("porter unicode61 remove_diacritics 2"), fts_with("")),
    ]

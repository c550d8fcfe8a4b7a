"""PostgreSQL keeps each document's text beside its vectors, and the wide values out of line.

A broad query counts every match (the facets), and on PostgreSQL that means visiting each
match's row: with ~1.5 kB of tsvector inline, 12,000 matches of 100,000 pages touched most of a
130 MB heap. PostgreSQL moves values out of line only once a row passes ~2 kB, so the stored text
(which the result snippets now read instead of parsing each page's body) takes a row past it, and
`toast_tuple_target` then moves the text and `vector` out until the row is narrow. `heading`
stays in the row (MAIN): it is scored for every heading match. SQLite's FTS5 table already holds
the text. The documents are emptied, and written again with their text once `migrate` ends
(search/apps.py).
"""

from django.db import migrations

TABLE = "search_searchdocument"


def on_postgresql(*statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [("search", "0003_searchdocument")]

    operations = [
        migrations.RunPython(
            on_postgresql(
                f"ALTER TABLE {TABLE} "
                "ADD COLUMN title text NOT NULL DEFAULT '', "
                "ADD COLUMN boosted text NOT NULL DEFAULT '', "
                "ADD COLUMN body text NOT NULL DEFAULT '', "
                "ALTER COLUMN vector SET STORAGE EXTERNAL, "
                "ALTER COLUMN heading SET STORAGE MAIN, "
                "SET (toast_tuple_target = 128)",
                f"DELETE FROM {TABLE}",
            ),
            on_postgresql(
                f"ALTER TABLE {TABLE} DROP COLUMN title, DROP COLUMN boosted, DROP COLUMN body, "
                "ALTER COLUMN vector SET STORAGE EXTENDED, "
                "ALTER COLUMN heading SET STORAGE EXTENDED, RESET (toast_tuple_target)"
            ),
        )
    ]

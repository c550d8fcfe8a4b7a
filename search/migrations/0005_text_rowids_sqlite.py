"""On SQLite, the text's rowid holds the page's content type and locale beside its id, and only
live pages keep text (search/documents.py, PAGE_ID): a broad query then counts its matches by
type and language from the FTS index, without a lookup per match. The text is copied over."""

from django.db import migrations

TABLES = {
    "search_document_text": "title, boosted, body",
    "search_document_heading": "title, boosted",
}
ENCODED = "(d.content_type_id << 47) | (d.locale_id << 32) | d.page_id"


def copy_text(schema_editor, rowid, join):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table, columns in TABLES.items():
        schema_editor.execute(f"CREATE VIRTUAL TABLE {table}_new USING fts5({columns})")
        schema_editor.execute(
            f"INSERT INTO {table}_new (rowid, {columns}) SELECT {rowid}, {columns} "
            f"FROM {table} t JOIN search_searchdocument d ON {join}"
        )
        schema_editor.execute(f"DROP TABLE {table}")
        schema_editor.execute(f"ALTER TABLE {table}_new RENAME TO {table}")


def encode(apps, schema_editor):
    copy_text(schema_editor, ENCODED, "d.page_id = t.rowid AND d.live")


def decode(apps, schema_editor):
    copy_text(schema_editor, "d.page_id", "d.page_id = t.rowid & 4294967295")


class Migration(migrations.Migration):

    dependencies = [("search", "0004_document_text_postgresql")]

    operations = [migrations.RunPython(encode, decode)]

"""Writing the search documents (search.models.SearchDocument) and their text.

A page's text is split three ways for ranking: its title, its boosted fields (summary,
organisation name: any `SearchField` with a boost above 1) and the rest. SQLite keeps the text
in an FTS5 table ranked with bm25 weights; PostgreSQL in text columns and a tsvector whose weights
A, B and D `ts_rank` scores 1.0, 0.4 and 0.1. Both keep the title and boosted fields again on their
own (a second FTS5 table, a `heading` tsvector): pages matching there are the first tier of
relevance (search/query.py), and matching short headings is cheaper than filtering the whole
text. The stored text is also what result snippets are cut from.
"""

from django.db import connection
from django.db.models import OuterRef, Subquery
from django.utils.encoding import force_str

from wagtail.models import Page
from wagtail.search.index import RelatedFields, SearchField

from .models import SearchDocument

FTS_TABLE = "search_document_text"
HEADING_TABLE = "search_document_heading"  # the title and boosted fields again, on their own
FTS_TABLES = (FTS_TABLE, HEADING_TABLE)
# On SQLite only live pages have text, and its rowid holds the page's content type and locale
# beside its id: a broad query counts its matches by type and language from the FTS index alone,
# without looking up thousands of documents. Content types below 2**16, locales below 2**15.
PAGE_ID = "{table}.rowid & 4294967295"
LOCALE_ID = "({table}.rowid >> 32) & 32767"
CONTENT_TYPE_ID = "{table}.rowid >> 47"
# Between a page's own text and its related items' fields in a stored text: both are matched, only
# the page's own is quoted (a snippet of a topic's name alone says nothing about the page).
RELATED = "\f"
WEIGHTS = {"title": 10.0, "boosted": 4.0, "body": 1.0}  # bm25 column weights, as ts_rank's A, B, D
# PostgreSQL's parser reads "<...>" as a tag and drops it: the vectors are of plain text.
HEADING = (
    "setweight(to_tsvector('simple', translate(v.title, '<>', '  ')), 'A') || "
    "setweight(to_tsvector('simple', translate(v.boosted, '<>', '  ')), 'B')"
)


def field_values(obj, search_field):
    """(SearchField, text) pairs of one of `obj`'s search fields, following related fields."""
    if isinstance(search_field, SearchField):
        value = search_field.get_value(obj)
        if isinstance(value, list | tuple):
            value = "\n".join(force_str(item) for item in value)
        if value:
            yield search_field, force_str(value)
    elif isinstance(search_field, RelatedFields):
        related = search_field.get_value(obj)
        if related is None:
            return
        related = related.all() if hasattr(related, "all") else [related]
        for item in related:
            for inner in search_field.fields:
                yield from field_values(item, inner)


def texts(page):
    """The page's (title, boosted, body) text: a line per field value or block, and after a
    RELATED line the fields of its related items (its topics' names)."""
    own = {"title": [], "boosted": [], "body": []}
    related = {part: [] for part in own}
    for search_field in page.get_search_fields():
        for found, value in field_values(page, search_field):
            if found.field_name == "title" and found is search_field:
                part = "title"
            elif (found.boost or 1) > 1:
                part = "boosted"
            else:
                part = "body"
            (own if found is search_field else related)[part].append(value)
    return tuple(
        "\n".join(own[part] + ([RELATED, *related[part]] if related[part] else [])) for part in own
    )


def quotable(text):
    """The lines of a stored text a snippet may quote: the page's own, not its topics' names."""
    return text.split(RELATED)[0].splitlines()


def document(page):
    return SearchDocument(
        page_id=page.pk,
        content_type_id=page.content_type_id,
        locale_id=page.locale_id,
        live=page.live,
        path=page.path,
        first_published_at=page.first_published_at,
    )


def rowid(page):
    """The rowid of a page's text on SQLite (see PAGE_ID)."""
    content_type_id, locale_id, page_id = page.content_type_id, page.locale_id, page.pk
    if content_type_id >= 1 << 16 or locale_id >= 1 << 15 or page_id >= 1 << 32:
        raise ValueError(f"page {page_id}: ids too large for a search text rowid")
    return content_type_id << 47 | locale_id << 32 | page_id


def save(pages):
    """Write (or rewrite) the documents and text of `pages`, specific page instances."""
    pages = [page for page in pages if page.pk]
    if not pages:
        return
    if connection.vendor == "postgresql":
        save_with_text(pages)
        return
    SearchDocument.objects.bulk_create(
        [document(page) for page in pages],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=[f.name for f in SearchDocument._meta.concrete_fields if not f.primary_key],
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            delete_text(cursor, pages)
            rows = [(*texts(page), rowid(page)) for page in pages if page.live]
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (title, boosted, body, rowid) VALUES (%s, %s, %s, %s)",  # noqa: S608  # nosec B608
                rows,
            )
            cursor.executemany(
                f"INSERT INTO {HEADING_TABLE} (title, boosted, rowid) VALUES (%s, %s, %s)",  # noqa: S608  # nosec B608
                [(title, boosted, key) for title, boosted, _body, key in rows],
            )


def save_with_text(pages):
    """PostgreSQL: each document with its text and vectors in one upsert, so writing a page
    leaves behind no row but the version it replaces (a row written, then updated with its
    vectors, left two: a fresh index was half dead rows until vacuumed)."""
    fields = SearchDocument._meta.concrete_fields
    quote = connection.ops.quote_name
    columns = [quote(field.column) for field in fields] + ["title", "boosted", "body"]
    listed = ", ".join(columns)
    values = ", ".join(f"%s::{field.db_type(connection)}" for field in fields)
    updated = [column for column in columns if column != quote("page_id")] + ["heading", "vector"]
    sql = (
        f"INSERT INTO {quote(SearchDocument._meta.db_table)} ({listed}, heading, vector) "  # noqa: S608  # nosec B608
        f"SELECT v.*, {HEADING}, {HEADING} || to_tsvector('simple', translate(v.body, '<>', '  ')) "
        f"FROM (VALUES ({values}, %s::text, %s::text, %s::text)) AS v({listed}) "
        "ON CONFLICT (page_id) DO UPDATE SET "
        + ", ".join(f"{column} = EXCLUDED.{column}" for column in updated)
    )
    rows = []
    for page in pages:
        row = document(page)
        rows.append(
            [field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields]
            + list(texts(page))
        )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def stored_texts(pages):
    """{page id: the quotable lines of its boosted fields, then of its body} as stored for
    `pages`: what their snippets are cut from."""
    if not pages:
        return {}
    if connection.vendor == "sqlite":
        table, column, key = FTS_TABLE, PAGE_ID.format(table=FTS_TABLE), "rowid"
        keys = [rowid(page) for page in pages]
    else:
        table, column, key = SearchDocument._meta.db_table, "page_id", "page_id"
        keys = [page.pk for page in pages]
    placeholders = ", ".join(["%s"] * len(keys))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column}, boosted, body FROM {table} WHERE {key} IN ({placeholders})",  # noqa: S608  # nosec B608
            keys,
        )
        rows = cursor.fetchall()
    return {pk: quotable(boosted) + quotable(body) for pk, boosted, body in rows}


def delete_text(cursor, pages):
    """Delete the SQLite text of `pages`: page instances, whose ids, content types and locales
    make the rowids."""
    rowids = [rowid(page) for page in pages]
    placeholders = ", ".join(["%s"] * len(rowids))
    for table in FTS_TABLES:
        cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({placeholders})", rowids)  # noqa: S608  # nosec B608


def delete(pages):
    SearchDocument.objects.filter(page__in=pages).delete()
    if connection.vendor == "sqlite" and pages:
        with connection.cursor() as cursor:
            delete_text(cursor, pages)


def delete_stale():
    """Forget documents (and SQLite text) of pages that no longer exist, and SQLite text of pages
    no longer live."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in FTS_TABLES:
                cursor.execute(
                    f"DELETE FROM {table} WHERE {PAGE_ID.format(table=table)} NOT IN "  # noqa: S608  # nosec B608
                    f"(SELECT id FROM {Page._meta.db_table} WHERE live)"
                )
    # Documents of deleted pages went with them (on delete cascade).


def reset():
    SearchDocument.objects.all()._raw_delete(using=connection.alias)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in FTS_TABLES:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608  # nosec B608


def sync_paths(parent):
    """Give the documents under `parent` their pages' current paths: a move into it renumbers
    whole subtrees (the moved page's, and its new siblings' when placed between them), and
    privacy is checked by path. Nothing outside the new parent is renumbered."""
    under = SearchDocument.objects.filter(page__path__startswith=parent.path)
    under.exclude(path=Subquery(current_path())).update(path=Subquery(current_path()))


def current_path():
    return Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1]


def save_missing(batch=500):
    """Write the documents of pages that have none (existing pages, once the table is added)."""
    missing = Page.objects.exclude(pk__in=SearchDocument.objects.values("page_id")).order_by("pk")
    pages = []
    for page in missing.specific().iterator(chunk_size=batch):
        pages.append(page)
        if len(pages) == batch:
            save(pages)
            pages = []
    save(pages)

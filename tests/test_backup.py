"""Backup and restore: a backup restored into an empty database holds the same content."""

import sqlite3

import psycopg
import pytest
from django_comments_xtd.models import XtdComment
from psycopg.types.string import TextLoader

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from wagtail.documents.models import Document

from news.factories import NewsIndexPageFactory, NewsPageFactory

TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "auth_user",
    "auth_user_groups",
    "django_comments",
    "django_comments_xtd_xtdcomment",
    "wagtaildocs_document",
]


def rows(cursor, table):
    cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608
    return cursor.fetchall()


@pytest.fixture
def content(home, django_user_model):
    news_index = NewsIndexPageFactory(parent=home)
    page = NewsPageFactory(parent=news_index, title="Backed up")
    page.save_revision().publish()
    page.title = "Draft after backup"
    page.save_revision()
    author = django_user_model.objects.create_user("member", "m@example.org", "pw")
    author.groups.add(Group.objects.get_or_create(name="Readers")[0])
    for text in ["First comment", "Second comment"]:
        XtdComment.objects.create(
            content_type=ContentType.objects.get_for_model(page),
            object_pk=str(page.pk),
            site=DjangoSite.objects.get_current(),
            user=author,
            comment=text,
            is_public=True,
        )
    Document.objects.create(
        title="Minutes", file=SimpleUploadedFile("minutes.txt", b"minutes of the meeting")
    )
    return page


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a database with nothing in it, of the same engine as the tests use."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    db = connection.settings_dict
    login = f"{db['USER']}:{db['PASSWORD']}" if db.get("PASSWORD") else db["USER"]
    yield f"postgres://{login}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def open_restored(url):
    if url.startswith("sqlite"):
        # Django's column converters are registered globally; apply them to both sides.
        return sqlite3.connect(
            url.removeprefix("sqlite:///"),
            detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES,
        )
    restored = psycopg.connect(url.replace("postgres://", "postgresql://"))
    # As Django does: JSON columns come back as text.
    restored.adapters.register_loader("jsonb", TextLoader)
    return restored


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_an_empty_database_with_identical_content(
    content, empty_database, tmp_path, settings
):
    folder = tmp_path / "backup"
    call_command("backup", output=str(folder), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert {p.name for p in folder.iterdir()} >= {"manifest.json", "media.tar.gz"}
    restored_media = tmp_path / "restored-media"
    call_command(
        "restore",
        str(folder),
        database_url=empty_database,
        media_root=str(restored_media),
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    restored = open_restored(empty_database)
    try:
        with connection.cursor() as cursor:
            # The driver's own cursor: Django's converters would change the values' types.
            source = cursor.connection.cursor()
            for table in TABLES:
                original = rows(source, table)
                assert original, table
                assert rows(restored.cursor(), table) == original, table
    finally:
        restored.close()
    document = Document.objects.get()
    assert (restored_media / document.file.name).read_bytes() == b"minutes of the meeting"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_backup_from_another_engine(tmp_path):
    folder = tmp_path / "backup"
    call_command("backup", output=str(folder), stdout=open("/dev/null", "w"))  # noqa: SIM115
    other = (
        "postgres://postgres@127.0.0.1:5432/nowhere"
        if connection.vendor == "sqlite"
        else f"sqlite:///{tmp_path / 'x.sqlite3'}"
    )
    with pytest.raises(CommandError, match="target is"):
        call_command("restore", str(folder), database_url=other)

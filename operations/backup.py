"""Consistent backups of the database and media, and their restore.

A backup is a folder holding ``manifest.json``, the database (``db.sqlite3`` made with SQLite's
online backup API, or ``db.dump`` from ``pg_dump -Fc``) and ``media.tar.gz``.
"""

import json
import os
import shutil
import sqlite3

# pg_dump and pg_restore run with argument lists, never through a shell.
import subprocess  # nosec B404
import tarfile
from pathlib import Path

import dj_database_url

from django.conf import settings
from django.db import connections
from django.utils import timezone

SQLITE_FILE = "db.sqlite3"
POSTGRES_FILE = "db.dump"
MEDIA_FILE = "media.tar.gz"


class BackupError(Exception):
    pass


def engine_kind(db):
    engine = db["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Unsupported database engine {engine}")


def pg_environ(db):
    env = {**os.environ, "PGHOST": db.get("HOST") or "", "PGPORT": str(db.get("PORT") or "")}
    env.update(PGUSER=db.get("USER") or "", PGDATABASE=db["NAME"])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return {key: value for key, value in env.items() if value}


def run(command, env):
    # A fixed program name and our own paths as arguments: no shell, no user input.
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(directory=None, alias="default"):
    """Write a backup of database ``alias`` and MEDIA_ROOT; returns its folder."""
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    target = Path(directory or settings.BASE_DIR / "backups" / stamp)
    target.mkdir(parents=True, exist_ok=False)
    connection = connections[alias]
    kind = engine_kind(connection.settings_dict)
    if kind == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / SQLITE_FILE) as copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={target / POSTGRES_FILE}"],
            pg_environ(connection.settings_dict),
        )
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / MEDIA_FILE, "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    manifest = {"created": timezone.now().isoformat(), "database": kind}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return target


def restore(directory, database_url=None, media_root=None, alias="default"):
    """Replace a database (``database_url``, else ``alias``) and media with a backup's."""
    source = Path(directory)
    manifest = json.loads((source / "manifest.json").read_text())
    db = dj_database_url.parse(database_url) if database_url else connections[alias].settings_dict
    kind = engine_kind(db)
    if kind != manifest["database"]:
        raise BackupError(f"Backup is of a {manifest['database']} database, target is {kind}")
    if not database_url:
        connections[alias].close()
    if kind == "sqlite":
        with sqlite3.connect(source / SQLITE_FILE) as dump, sqlite3.connect(db["NAME"]) as live:
            dump.backup(live)
        dump.close()
        live.close()
    else:
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={db['NAME']}",
                str(source / POSTGRES_FILE),
            ],
            pg_environ(db),
        )
    media = Path(media_root or settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    media.mkdir(parents=True)
    with tarfile.open(source / MEDIA_FILE, "r:gz") as archive:
        for member in archive.getmembers():
            if member.name == "media":
                continue
            member.name = member.name.removeprefix("media/")
            archive.extract(member, media, filter="data")

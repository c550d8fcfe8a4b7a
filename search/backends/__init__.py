"""Wagtail's database search backend, tuned for the site search on each database.

Configured as `search.backends` (portal/settings/env.py) when no search engine is set. Like
modelsearch's own `database` module it picks the class for the database in use; the subclasses
(search/backends/sqlite.py, search/backends/postgres.py) add stemming and field weights, which
modelsearch leaves to configuration that its database backends don't offer.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        from .postgres import PortalPostgresSearchBackend

        return PortalPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import PortalSQLiteSearchBackend

        return PortalSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    return database_backend(params)

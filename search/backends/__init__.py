"""Wagtail's database search backend, tuned for the site search on each database.

Configured as `search.backends` (portal/settings/env.py) when no search engine is set. Like
modelsearch's own `database` module it picks the class for the database in use; the subclasses
(search/backends/sqlite.py, search/backends/postgres.py) add stemming, field weights and facets
counted in one query, which modelsearch's database backends don't offer.
"""

from django.db import connection
from django.db.models import Count, Value


def grouped_counts(pages, fields):
    """[{value: count}] of each (model, field) among `pages`, in one database query: a UNION of
    one grouped count per field over the pages' ids (a subquery, never a list of ids)."""
    ids = pages.order_by().values("pk")
    arms = [
        model.objects.filter(pk__in=ids)
        .order_by()
        .values_list(Value(position), field_name)
        .annotate(n=Count("pk"))
        for position, (model, field_name) in enumerate(fields)
    ]
    counts = [{} for _field in fields]
    for position, value, n in arms[0].union(*arms[1:], all=True):
        if value is not None:
            counts[position][value] = n
    return counts


class GroupedFacets:
    """Search results' `facets(fields)`: every (model, field) counted over the matches in one
    query, where modelsearch's `facet(field)` takes one query per field."""

    def facets(self, fields):
        return grouped_counts(self.matches(), fields)


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        from .postgres import PortalPostgresSearchBackend

        return PortalPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import PortalSQLiteSearchBackend

        return PortalSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    return database_backend(params)

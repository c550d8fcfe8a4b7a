"""Wagtail's database search backend, tuned for the site search on each database.

Configured as `search.backends` (portal/settings/env.py) when no search engine is set. Like
modelsearch's own `database` module it picks the class for the database in use; each adds
`facets(fields)` to its results, which modelsearch's database backends don't offer, and the
SQLite and PostgreSQL ones stemming and field weights.
"""

from functools import cache

from django.db import connection
from django.db.models import Count, ManyToManyField


def grouped_counts(model, ids, fields):
    """[{value: count}] of each (page model, field) among the `model` objects with these `ids` (a
    list, or a query of pks): the single-valued fields in one grouped query, each many-to-many
    field (on every model carrying it) in one more. A page is of one model, so the other models'
    columns of a row are empty and nothing is counted twice."""
    queries = {}
    for position, (field_model, name) in enumerate(fields):
        lookup = name if field_model is model else f"{field_model._meta.model_name}__{name}"
        many = isinstance(field_model._meta.get_field(name), ManyToManyField)
        queries.setdefault(name if many else None, []).append((position, lookup))
    counts = [{} for _field in fields]
    for columns in queries.values():
        lookups = [lookup for _position, lookup in columns]
        grouped = model.objects.filter(pk__in=ids).values_list(*lookups).order_by()
        for *values, n in grouped.annotate(n=Count("pk")):
            for (position, _lookup), value in zip(columns, values, strict=True):
                if value is not None:
                    counts[position][value] = counts[position].get(value, 0) + n
    return counts


class GroupedFacets:
    """Search results' `facets(fields)`: every (model, field) counted over the matches in one
    query per kind of field, where modelsearch's `facet(field)` takes one query per field."""

    def matching_ids(self):
        """The matches' pks, as a query (a backend that has read them may give a list)."""
        return self.get_queryset().order_by().values("pk")

    def facets(self, fields):
        return grouped_counts(self.model, self.matching_ids(), fields)


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    if connection.vendor == "postgresql":
        from .postgres import PortalPostgresSearchBackend

        return PortalPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import PortalSQLiteSearchBackend

        return PortalSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    backend = database_backend(params)  # MySQL's full-text backend, or LIKE filters elsewhere
    backend.results_class = with_facets(backend.results_class)
    return backend


@cache
def with_facets(results_class):
    return type(f"Faceted{results_class.__name__}", (GroupedFacets, results_class), {})

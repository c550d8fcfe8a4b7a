"""Wagtail's database search backend, also writing our search documents (search/documents.py).

Configured as `search.backend` (portal/settings/env.py) when no search engine is set. Every path
by which Wagtail keeps its index (the tasks run on save and delete, `update_index`) goes through
the index class, so the documents the site search reads stay in step with Wagtail's own entries,
which the admin's search and the suggestions keep using.
"""

from modelsearch.backends.database import SearchBackend as database_backend

from wagtail.models import Page

from . import documents


class DocumentsIndexMixin:
    def add_items(self, model, objs):
        super().add_items(model, objs)
        if issubclass(model, Page):
            documents.save(objs)

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page):
            documents.delete([item])

    def delete_stale_entries(self):
        super().delete_stale_entries()
        documents.delete_stale()

    def reset(self):
        super().reset()
        documents.reset()


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend = database_backend(params)
    backend.index_class = type("DocumentsIndex", (DocumentsIndexMixin, backend.index_class), {})
    return backend

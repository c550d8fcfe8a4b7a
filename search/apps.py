from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    """Site search over every page type."""

    name = "search"
    verbose_name = "Search"

    def ready(self):
        from . import signals

        signals.connect()
        post_migrate.connect(save_missing_documents, sender=self)


def save_missing_documents(**kwargs):
    """After `migrate`, pages without a search document get one: the table is new, or pages were
    added while a search engine was configured (`update_index` refreshes the others then)."""
    from wagtail.search.backends import get_search_backend

    from . import documents, query

    if query.reads_documents(get_search_backend()):
        documents.save_missing()

"""PostgreSQL: each page's text is analysed with its language's text search configuration.

modelsearch's PostgreSQL backend takes one SEARCH_CONFIG for every document; this subclass
indexes each object with the configuration of its locale's language (so French plurals stem as
French), and `for_language` gives the backend that searches in a language's configuration.
"""

import copy
from collections import defaultdict

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchResults,
)

from wagtail.models import Locale

from . import GroupedFacets

LANGUAGE_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}
DEFAULT_CONFIG = "english"


class PortalPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Each language's objects through modelsearch's index, on a backend in its configuration
        (modelsearch's indexer reads the configuration from the backend)."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            by_config[
                self.backend.config_for(languages.get(getattr(obj, "locale_id", None)))
            ].append(obj)
        for config, group in by_config.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class PortalPostgresSearchResults(GroupedFacets, PostgresSearchResults):
    pass


class PortalPostgresSearchBackend(PostgresSearchBackend):
    index_class = PortalPostgresIndex
    results_class = PortalPostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG", DEFAULT_CONFIG)

    def config_for(self, language_code):
        return LANGUAGE_CONFIGS.get((language_code or "")[:2], self.config)

    def with_config(self, config):
        backend = copy.copy(self)
        backend.config = config
        return backend

    def for_language(self, language_code):
        return self.with_config(self.config_for(language_code))

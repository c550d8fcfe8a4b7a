"""PostgreSQL: each page's text is analysed with its language's text search configuration.

modelsearch's PostgreSQL backend takes one SEARCH_CONFIG for every document; this subclass
indexes each object with the configuration of its locale's language (so French plurals stem as
French), and `for_language` gives the backend that searches in a language's configuration.
`update_index` computes the entries' title norms once, at the end, rather than after each batch.
"""

import copy
from collections import defaultdict

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchRebuilder,
    PostgresSearchResults,
)

from wagtail.models import Locale

from . import GroupedFacets

LANGUAGE_CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}
DEFAULT_CONFIG = "english"


class ConfigIndex(PostgresIndex):
    """The index in one text search configuration, which may leave the title norms to later."""

    def __init__(self, backend, norms_later=False):
        super().__init__(backend)
        self.norms_later = norms_later

    def _refresh_title_norms(self, full=False):
        # modelsearch recomputes the average title length over the whole index after each batch
        # it adds (a scan that grows with the index); a rebuild does it once, in `finish`.
        if full or not self.norms_later:
            super()._refresh_title_norms(full)


class PortalPostgresIndex(PostgresIndex):
    norms_later = False  # set while `update_index` rebuilds, which computes them at the end

    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = defaultdict(list)
        for obj in objs:
            by_config[
                self.backend.config_for(languages.get(getattr(obj, "locale_id", None)))
            ].append(obj)
        for config, group in by_config.items():
            index = ConfigIndex(self.backend.with_config(config), self.norms_later)
            index.add_items(model, group)


class NormsOnceMixin:
    """A rebuild's batches leave the title norms to its `finish` (modelsearch's full refresh)."""

    def start(self):
        index = super().start()
        index.norms_later = True
        return index


class PortalPostgresSearchResults(GroupedFacets, PostgresSearchResults):
    pass


class PortalPostgresSearchBackend(PostgresSearchBackend):
    index_class = PortalPostgresIndex
    results_class = PortalPostgresSearchResults
    rebuilder_class = type("Rebuilder", (NormsOnceMixin, PostgresSearchRebuilder), {})
    atomic_rebuilder_class = type(
        "AtomicRebuilder", (NormsOnceMixin, PostgresSearchAtomicRebuilder), {}
    )

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

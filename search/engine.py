"""Wagtail's search engine backends (OpenSearch, Elasticsearch) with stemming per language.

The stock mapping analyses text with the standard analyzer only, so "pumps" never finds "pump". A
subclass is needed because the mapping and query compiler are the only places the fields are
named: the catch-all text fields also get one sub-field per site language, analysed by the
engine's own language analyzer (`english`, `french`, `spanish`: stop words and a stemmer), and a
search matches the words as written or as stemmed in the language being read, whichever scores more.

Configured by portal/settings/env.py as `BACKEND = "search.engine"` with `ENGINE` naming the
module of Wagtail's (modelsearch's) backend to extend.
"""

from functools import cache
from importlib import import_module

from modelsearch.backends.elasticsearchbase import Field

from django.utils.translation import get_language

# Django language code → the engine's built-in analyzer for it.
ANALYZERS = {"en": "english", "fr": "french", "es": "spanish"}


def language_analyzer():
    """The analyzer for the language being read (the request's), if the engine has one for it."""
    return ANALYZERS.get((get_language() or "").split("-")[0])


def is_catch_all(field_name):
    """`_all_text` and its boosted copies: every search field is copied there, and a search that
    names no fields matches them."""
    return field_name.startswith("_all_text")


class LanguageMappingMixin:
    def get_mapping(self):
        """The catch-all fields get a sub-field per language. Only they do: stemming every field
        as well cost four analyses of all text, a quarter of the bulk indexing rate."""
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if is_catch_all(name):
                field["fields"] = {
                    analyzer: {"type": "text", "analyzer": analyzer}
                    for analyzer in ANALYZERS.values()
                }
        return mapping


class LanguageQueryMixin:
    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        analyzer = language_analyzer()
        if analyzer is None:
            return remapped
        stemmed = [
            Field(f"{field.field_name}.{analyzer}", field.boost)
            for field in remapped
            if is_catch_all(field.field_name)
        ]
        return remapped + stemmed


@cache
def language_backend(engine_module):
    """The backend class of `engine_module` with language analysis, built once per module."""
    engine = import_module(engine_module).SearchBackend
    mapping = type("LanguageMapping", (LanguageMappingMixin, engine.mapping_class), {})
    compiler = type(
        "LanguageQueryCompiler",
        (LanguageQueryMixin, engine.query_compiler_class),
        {"mapping_class": mapping},
    )
    return type(
        f"Language{engine.__name__}",
        (engine,),
        {"mapping_class": mapping, "query_compiler_class": compiler},
    )


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    return language_backend(params.pop("ENGINE"))(params)

"""Wagtail's search engine backends (OpenSearch, Elasticsearch) with stemming per language.

The stock mapping analyses text with the standard analyzer only, so "pumps" never finds "pump". A
subclass is needed because the mapping and query compiler are the only places the fields are
named: every full-text field also gets one sub-field per site language, analysed by the engine's
own language analyzer (`english`, `french`, `spanish`: stop words and a stemmer), and a search
matches the field as written or its sub-field in the language being read, whichever scores more.

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


class LanguageMappingMixin:
    def get_mapping(self):
        mapping = super().get_mapping()
        add_language_fields(mapping["properties"])
        return mapping


def add_language_fields(properties):
    """Give every full-text field (not the autocomplete n-grams) a sub-field per language."""
    for field in properties.values():
        if field.get("type") == "nested":
            add_language_fields(field["properties"])
        elif field.get("type") == "text" and "analyzer" not in field:
            field["fields"] = {
                analyzer: {"type": "text", "analyzer": analyzer} for analyzer in ANALYZERS.values()
            }


class LanguageQueryMixin:
    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        analyzer = language_analyzer()
        if analyzer is None:
            return remapped
        return remapped + [
            Field(f"{field.field_name}.{analyzer}", field.boost) for field in remapped
        ]


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

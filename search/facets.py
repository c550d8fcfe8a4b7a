"""Facets of a search (type, topic, sector, region, language), counted in one request.

modelsearch's `.facet(field)` asks the backend once per field: seven database queries or engine
requests per search page. Our backends' results offer `facets(fields)` instead, which counts every
(model, field) pair at once: one aggregation request on the engine (search/engine.py), one query of
grouped counts on the databases (`grouped_counts`).
"""

from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet, Value
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from home.models import Region, Sector, Topic

from .backends import grouped_counts
from .query import content_type_key, models_with

# name: (label, model of its values or None, field on the page models that carry it)
FACETS = {
    "type": (_("Content type"), None, "content_type"),
    "topic": (_("Topic"), Topic, "topics"),
    "sector": (_("Sector"), Sector, "sector"),
    "region": (_("Region"), Region, "region"),
    "lang": (_("Language"), Locale, "locale"),
}


@dataclass
class Facet:
    name: str
    label: str
    options: list  # (value for the address, label, count), most frequent first


def facet_fields():
    """[(facet name, page model, field)]: type and language on every page, terms on the page
    types that carry them (a new page type with `topics` is counted without touching this)."""
    fields = []
    for name, (_label, term_model, field_name) in FACETS.items():
        if term_model in (None, Locale):
            fields.append((name, Page, field_name))
        else:
            fields += [(name, model, field_name) for model in models_with(field_name, term_model)]
    return fields


def labels(values):
    """{facet name: {pk: (value for the address, label)}} for the counted pks, in one query."""
    arms = [
        model.objects.filter(pk__in=values[name]).order_by().values_list(Value(name), "pk", *names)
        for name, (_label, model, _field) in FACETS.items()
        for names in [("language_code",) * 2 if model is Locale else ("slug", "name")]
        if model is not None and values[name]
    ]
    named = {name: {} for name in FACETS}
    languages = get_content_languages()
    if arms:
        for name, pk, slug, label in arms[0].union(*arms[1:], all=True):
            named[name][pk] = (slug, languages.get(slug, slug) if name == "lang" else label)
    for pk in values["type"]:
        model = ContentType.objects.get_for_id(pk).model_class()
        if model is not None:
            named["type"][pk] = (
                content_type_key(model),
                str(model._meta.verbose_name_plural).capitalize(),
            )
    return named


def facets(found):
    """The facets of `found`: Results (search/query.py) or a queryset of pages."""
    fields = facet_fields()
    pairs = [(model, field_name) for _name, model, field_name in fields]
    counted = grouped_counts(found, pairs) if isinstance(found, QuerySet) else found.facets(pairs)
    tallies = {name: Counter() for name in FACETS}
    for (name, _model, _field), counts in zip(fields, counted, strict=True):
        tallies[name].update({value: n for value, n in counts.items() if value})
    named = labels({name: list(tally) for name, tally in tallies.items()})
    return [
        Facet(
            name,
            label,
            sorted(
                ((*named[name][pk], n) for pk, n in tallies[name].items() if pk in named[name]),
                key=lambda option: (-option[2], option[1]),
            ),
        )
        for name, (label, _model, _field) in FACETS.items()
    ]

"""Facets of a search (type, language, topic, sector, region): counts of what the searcher may read.

modelsearch's `.facet(field)` asks the backend once per field. Our backends' results offer
`facets([(model, field)])` instead, which counts every pair at once: one aggregation request on the
engine (search/engine.py), a grouped query per kind of field on the databases (search/backends/).
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet, Value
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from .backends import grouped_counts
from .query import FACET_TERMS, models_with

LABELS = {
    "type": _("Content type"),
    "lang": _("Language"),
    "topic": _("Topic"),
    "sector": _("Sector"),
    "region": _("Region"),
}


def facet_fields():
    """[(facet name, page model, field)]: type and language on every page, terms on the page
    types that carry them (a new page type with `topics` is counted without touching this)."""
    fields = [("type", Page, "content_type"), ("lang", Page, "locale")]
    for name, term_model, field_name in FACET_TERMS:
        fields += [(name, model, field_name) for model in models_with(field_name, term_model)]
    return fields


def labels(tallies):
    """{facet name: {pk: (value for the address, label)}} of the counted values, in one query
    (the types' names come from Django's cache of content types)."""
    languages = get_content_languages()
    columns = {"lang": (Locale, "language_code", "language_code")}
    columns.update({name: (model, "slug", "name") for name, model, _field in FACET_TERMS})
    arms = [
        model.objects.filter(pk__in=tallies[name]).order_by().values_list(Value(name), "pk", *cols)
        for name, (model, *cols) in columns.items()
        if tallies[name]
    ]
    named = {name: {} for name in LABELS}
    for name, pk, value, label in arms[0].union(*arms[1:], all=True) if arms else []:
        named[name][pk] = (value, languages.get(value, value) if name == "lang" else label)
    for pk in tallies["type"]:
        model = ContentType.objects.get_for_id(pk).model_class()
        if model is not None:
            label = str(model._meta.verbose_name_plural).capitalize()
            named["type"][pk] = (model._meta.label_lower, label)
    return named


def facets(found):
    """[{"name", "label", "options": [{"value", "label", "count"}]}] of `found`: Results
    (search/query.py) or a queryset of pages; options most frequent first."""
    fields = facet_fields()
    pairs = [(model, field_name) for _name, model, field_name in fields]
    if isinstance(found, QuerySet):
        counted = grouped_counts(found.model, found.order_by().values("pk"), pairs)
    else:
        counted = found.facets(pairs)
    tallies = {name: Counter() for name in LABELS}
    for (name, _model, _field), counts in zip(fields, counted, strict=True):
        tallies[name].update(counts)
    named, listed = labels(tallies), []
    for name, tally in tallies.items():
        options = [
            {"value": named[name][pk][0], "label": named[name][pk][1], "count": n}
            for pk, n in tally.items()
            if pk in named[name]
        ]
        options.sort(key=lambda option: (-option["count"], option["label"]))
        listed.append({"name": name, "label": LABELS[name], "options": options})
    return listed

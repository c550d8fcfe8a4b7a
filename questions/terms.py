"""Topics, sectors and regions named in the language being read."""

from collections import defaultdict

from localization.locales import active_locale


def in_reader_language(terms, locale=None):
    """{term: name} for topics, sectors and regions, named in the language being read (`locale`,
    else fetched) where they are translated (a question keeps those of the language it was asked
    in): one query a kind of term from another language, none when all are in this one."""
    locale = locale or active_locale()
    keys = defaultdict(set)
    for term in terms:
        if term.locale_id != locale.pk:
            keys[type(term)].add(term.translation_key)
    translated = {}
    for model, model_keys in keys.items():
        rows = model.objects.filter(locale=locale, translation_key__in=model_keys)
        translated.update({(model, row.translation_key): row.name for row in rows})
    return {term: translated.get((type(term), term.translation_key), term.name) for term in terms}

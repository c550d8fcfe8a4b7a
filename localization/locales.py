"""The active language's Locale, and many pages' translations in it in one query."""

from django.conf import settings
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def locale_for(language_code):
    """The Locale for a content language (e.g. "fr" for "fr-ca"), or None if it has none yet."""
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return Locale.objects.filter(language_code=code).first()


def active_locale():
    """Like `Locale.get_active()`: the current language's Locale, else the default one."""
    return locale_for(get_language() or settings.LANGUAGE_CODE) or locale_for(
        settings.LANGUAGE_CODE
    )


def active_language_code():
    """The content language being shown (e.g. "fr" for "fr-ca"), to filter on without first
    fetching its Locale."""
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def localized_pages(pages):
    """Each page's live translation in the active language, else the page itself (as
    `page.localized` does), in one query for all of them."""
    pages = list(pages)
    if not pages or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return pages
    found = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in={page.translation_key for page in pages},
            locale__language_code=active_language_code(),
        )
    }
    return [
        page if found.get(page.translation_key, page).pk == page.pk else found[page.translation_key]
        for page in pages
    ]


def localized(page):
    return localized_pages([page])[0]


def term_names(terms):
    """`{term: name}` in the active language for snippets (topics, sectors, regions) stored in the
    default language, each kind's translations in one query; none in the default language."""
    terms = [term for term in terms if term is not None]
    names = {term: term.name for term in terms}
    code = active_language_code()
    if code == settings.LANGUAGE_CODE:
        return names
    for model in {type(term) for term in terms}:
        keys = {term.translation_key for term in terms if type(term) is model}
        translated = dict(
            model.objects.filter(translation_key__in=keys, locale__language_code=code).values_list(
                "translation_key", "name"
            )
        )
        for term in terms:
            if type(term) is model and term.translation_key in translated:
                names[term] = translated[term.translation_key]
    return names

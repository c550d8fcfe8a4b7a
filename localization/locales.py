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

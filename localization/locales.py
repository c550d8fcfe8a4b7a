"""The active language's Locale and pages in it, without a query for every lookup.

Wagtail's `Locale.get_active()` and `page.localized` query the locale table on every call, and a
page asks for it dozens of times (menu links, site text, topic links). Locales change only when
an administrator adds or deletes a language, so each process remembers them by language code and
forgets them when one is saved or deleted here. A language deleted through another process stays
remembered there until it restarts; its pages are gone by then, so lookups find nothing and fall
back to the original pages, as `localized` does for a missing translation.
"""

from django.conf import settings
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

_locales = {}


def locale_for(language_code):
    """The Locale for a content language (e.g. "fr" for "fr-ca"), or None if it has none yet."""
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    if code not in _locales:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            return None  # not remembered: it may be created at any time
        _locales[code] = locale
    return _locales[code]


def active_locale():
    """Like `Locale.get_active()`: the current language's Locale, else the default one."""
    return locale_for(get_language() or settings.LANGUAGE_CODE) or locale_for(
        settings.LANGUAGE_CODE
    )


def forget_locales(**kwargs):
    _locales.clear()


def localized_pages(pages):
    """Each page's live translation in the active language, else the page itself (as
    `page.localized` does), in one query for all of them and none when they are in it already."""
    locale = active_locale()
    if locale is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return list(pages)
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    found = {}
    if keys:
        found = {
            page.translation_key: page
            for page in Page.objects.live().filter(translation_key__in=keys, locale=locale)
        }
    return [
        page if page.locale_id == locale.pk else found.get(page.translation_key, page)
        for page in pages
    ]


def localized(page):
    return localized_pages([page])[0]

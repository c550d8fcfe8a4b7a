"""The language switcher and hreflang alternates: each language's version of the current page."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from wagtail.models import Page, Site

from home.listing import public

register = template.Library()


def live_translations(*pages):
    """For each page, its live, public versions keyed by language code (the page itself
    included): one query for all of them."""
    keys = {page.translation_key for page in pages}
    found = public(Page.objects.live().filter(translation_key__in=keys)).select_related("locale")
    by_key = {key: {} for key in keys}
    for translation in found:
        by_key[translation.translation_key][translation.locale.language_code] = translation
    return [by_key[page.translation_key] for page in pages]


@register.simple_tag(takes_context=True)
def page_translations(context):
    """`{% page_translations as translations %}`: the page's and its site's home page's
    versions, {"page": {code: page}, "home": {code: page}}, for the switcher and the hreflang
    links; lazy, so a page whose switcher and links come from the fragment cache asks nothing."""
    page, request = context.get("page"), context.get("request")

    def find():
        # A view that is no page (questions, groups) has no translations: no site to look up.
        site = Site.find_for_request(request) if isinstance(page, Page) and request else None
        if site is None:
            return {"page": {}, "home": {}}
        versions, homes = live_translations(page, site.root_page)
        return {"page": versions, "home": homes}

    return SimpleLazyObject(find)


def _versions(request, page, translations):
    """(code, name, url, fallback) for each language, in settings order, from `translations`
    (see `page_translations`).

    `fallback` is "" for a translated page, "original" for the synchronised tree's untranslated
    copy (an alias showing the original text) and "home" for that language's home page.
    """
    pages, homes = translations["page"], translations["home"]
    versions = []
    for code, name in settings.LANGUAGES:
        if page is None:
            url, fallback = translate_url(request.get_full_path(), code), ""
        elif code in pages:
            translation = pages[code]
            url = translation.get_url(request)
            fallback = "original" if translation.alias_of_id else ""
        elif code in homes:
            url, fallback = homes[code].get_url(request), "home"
        else:
            continue
        versions.append({"code": code, "name": name, "url": url, "fallback": fallback})
    return versions


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language, or to that language's home page when it has none."""
    request = context.get("request")
    if request is None:
        return {"languages": []}
    page = context.get("page")
    translations = context.get("translations") or {"page": {}, "home": {}}
    return {
        "languages": _versions(request, page if isinstance(page, Page) else None, translations),
        "current": get_language(),
    }


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each live translation of the page, and x-default."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {"alternates": []}
    translations = (context.get("translations") or {}).get("page", {})
    alternates = [
        {"hreflang": code, "url": translations[code].get_full_url(request)}
        for code, _name in settings.LANGUAGES
        if code in translations and translations[code].alias_of_id is None
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if alternates and default is not None:
        alternates.append({"hreflang": "x-default", "url": default.get_full_url(request)})
    return {"alternates": alternates}

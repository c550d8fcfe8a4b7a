from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Site

from home.models import MainMenu
from localization.locales import localized
from portal.page_cache import remember

register = template.Library()


def menu_links():
    """The menu for the current language, or the default language's menu until it is translated."""
    menus = {menu.locale.language_code: menu for menu in MainMenu.objects.select_related("locale")}
    menu = menus.get(get_language()) or menus.get(settings.LANGUAGE_CODE)
    return menu.links() if menu is not None else []


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu's links, built once per site and language until something changes."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    key = f"main-menu:{site.pk if site else ''}:{get_language()}"
    return {"links": remember(key, menu_links), "request": request}


@register.simple_tag(takes_context=True)
def topic_url(context, topic):
    """The topic's page under the home page of the current site and language."""
    request = context["request"]
    homes = request.__dict__.setdefault("_topic_homes", {})  # one per language
    if get_language() not in homes:
        site = Site.find_for_request(request)
        # Deferred: only the page's URL and its class's routes are needed, not its fields.
        homes[get_language()] = localized(site.root_page).specific_deferred if site else None
    home = homes[get_language()]
    if home is None:
        return ""
    return home.get_url(request) + home.reverse_subpage("topic", args=[topic.slug])

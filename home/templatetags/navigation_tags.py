from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Site

from home.models import MainMenu
from localization.locales import localized

register = template.Library()


def menu_links():
    """The menu for the current language, or the default language's menu until it is translated."""
    menus = {menu.locale.language_code: menu for menu in MainMenu.objects.select_related("locale")}
    menu = menus.get(get_language()) or menus.get(settings.LANGUAGE_CODE)
    return menu.links() if menu is not None else []


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu's links in the current language."""
    return {"links": menu_links(), "request": context.get("request")}


@register.inclusion_tag("components/topic_links.html", takes_context=True)
def topic_links(context, topics):
    """Links to each topic's page under the home page of the current site and language."""
    request = context["request"]
    site = Site.find_for_request(request)
    if not topics or site is None:
        return {"links": []}
    # Deferred: only the page's URL and its class's routes are needed, not its fields.
    home = localized(site.root_page).specific_deferred
    base = home.get_url(request)
    return {
        "links": [
            (topic.name, base + home.reverse_subpage("topic", args=[topic.slug]))
            for topic in topics
        ]
    }

"""Listing cards, rendered once per content generation and language, then reused by every page.

A card (title, address, date, summary, image rendition) is the costliest part of a listing to
render and the same on the home page, indexes, topic pages and "related" sections, so its HTML
is kept with `portal.page_cache.remember`: any change that could alter a card starts a new
generation. Members-only articles' cards are rendered every time: their text never enters the
shared cache.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from portal.page_cache import remember

register = template.Library()

PAGE_CARD = "components/page_card.html"


@register.simple_tag(takes_context=True)
def card(context, item, template_name=PAGE_CARD):
    request = context.get("request")

    def render():
        return render_to_string(template_name, {"item": item, "request": request})

    if getattr(item, "members_only", False):
        return render()
    return remember(f"card:{template_name}:{item.pk}:{get_language()}", render)

from django import template
from django.conf import settings

from ..access import is_member as user_is_member

register = template.Library()


@register.filter
def absolute(path):
    """A full address for emails, on the site's canonical base URL (WAGTAILADMIN_BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + str(path)


@register.filter
def is_member(user):
    return user_is_member(user)

"""One way to show a date on the site: "7 October 2026", in the visitor's language, in a <time>
element whose machine-readable value is valid HTML (no microseconds)."""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.translation import pgettext

register = template.Library()


def day_of(value):
    """The calendar day of a date or datetime, in the site's time zone for an aware datetime."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def long_date(value):
    """`{{ value|long_date }}`: the day in words ("7 October 2026", "7 octobre 2026")."""
    if not value:
        return ""
    # Translators: a date format (Django's date filter letters); e.g. "j \d\e F \d\e Y" in Spanish.
    return format_date(day_of(value), pgettext("long date format", "j F Y"))


@register.simple_tag
def date_element(value):
    """`{% date_element value %}`: <time datetime="2026-10-07">7 October 2026</time>."""
    if not value:
        return ""
    day = day_of(value)
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), long_date(day))


@register.simple_tag
def page_date(page):
    """A listed page's date: a case study's year (when the work took place), a dated page's
    date (news), else the day it was first published."""
    year = getattr(page, "year", None)
    if year:
        return format_html('<time datetime="{}">{}</time>', f"{year:04d}", year)
    return date_element(getattr(page, "date", None) or page.first_published_at)

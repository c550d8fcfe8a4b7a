"""Reading request parameters (query strings, form values) into values a view can use.

Anyone can send anything: a NUL character (PostgreSQL refuses it in text, SQLite's full-text
parser stops at it), digits that `str.isdigit()` accepts and `int()` refuses ("²"), numbers too
big for a database integer, a name given twice. Each reader returns a value the database and
the templates take, or the default, so a malformed value is treated like an unknown one: never
a 500.
"""

import re

from django.core.validators import slug_re
from django.urls.converters import IntConverter

MAX_LENGTH = 200
MAX_VALUES = 20
NUL = "\x00"
REPLACEMENT = "\ufffd"  # what Django decodes bytes that are not UTF-8 to
# ASCII digits only: `\d` and `int()` also read "٣".
INTEGER = re.compile(r"[0-9]+")
# Ids a database holds: a 64-bit integer (SQLite raises OverflowError past it); every number of
# up to 18 digits fits.
LARGEST_ID = 2**63 - 1
ID_DIGITS = 18


def clean(value, max_length=MAX_LENGTH):
    """`value` cut to `max_length`, each NUL read as an undecodable byte: it matches nothing."""
    return value[:max_length].replace(NUL, REPLACEMENT)


def text(params, name, default="", max_length=MAX_LENGTH):
    """The value of `name`, clean; `default` when it is absent."""
    value = params.get(name)
    return default if value is None else clean(value, max_length)


def texts(params, name, max_values=MAX_VALUES, max_length=MAX_LENGTH):
    """The distinct, stripped, clean values of a repeatable parameter, in the order given."""
    values = []
    for value in params.getlist(name)[:max_values]:
        value = clean(value.strip(), max_length)
        if value and value not in values:
            values.append(value)
    return values


def slug(params, name, default=""):
    """The value of `name` if it can be a slug (Django's `SlugField`), else `default`."""
    value = text(params, name)
    return value if slug_re.match(value) else default


def to_integer(value, minimum=0, maximum=None):
    """`value` (a string) as an int when it is ASCII digits within the bounds, else None. Past
    18 digits it reads as a number bigger than any id (`int()` refuses 4,300 digits): a page
    number past the last page, an id that matches nothing."""
    if not INTEGER.fullmatch(value):
        return None
    number = int(value) if len(value) <= ID_DIGITS else LARGEST_ID + 1
    if number < minimum or (maximum is not None and number > maximum):
        return None
    return number


def to_id(value):
    """`value` as a database id (0 included), else None."""
    return to_integer(value, maximum=LARGEST_ID)


def integer(params, name, default=None, minimum=0, maximum=None):
    """The value of `name` as an int within the bounds, else `default`."""
    number = to_integer(params.get(name, ""), minimum, maximum)
    return default if number is None else number


def integers(params, name, minimum=0, maximum=None):
    """The distinct ints within the bounds among the values of a repeatable parameter."""
    numbers = (to_integer(value, minimum, maximum) for value in texts(params, name))
    return [number for number in dict.fromkeys(numbers) if number is not None]


class IdConverter(IntConverter):
    """`<id:name>` in a route: an `<int:name>` that fits a database integer, so a longer number
    is a 404 rather than SQLite's OverflowError."""

    regex = f"[0-9]{{1,{ID_DIGITS}}}"

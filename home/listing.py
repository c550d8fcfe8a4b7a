"""Listings: visible pages and their listing images in a fixed number of queries, however long."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.functional import SimpleLazyObject

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from portal import parameters

from .pagination import paginate


def public(pages):
    """Pages outside any private section, like Wagtail's `public()` but in the same query.

    Wagtail's version first loads every view restriction (one more query each time); here the
    database checks whether the page or one of its ancestors (a prefix of its tree path) has one.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted))


def with_listing_images(pages):
    """Attach each page's listing image, with its renditions prefetched; returns a list."""
    pages = list(pages)
    ids = {page.listing_image_id for page in pages if getattr(page, "listing_image_id", None)}
    if ids:
        images = get_image_model().objects.prefetch_related("renditions").in_bulk(ids)
        for page in pages:
            if getattr(page, "listing_image_id", None) in images:
                page.listing_image = images[page.listing_image_id]
    return pages


def lazy_context(compute, keys):
    """{key: compute()[key] or None}, with `compute` run when the template first uses one of
    them: not at all when the fragment that shows them is cached."""
    found = SimpleLazyObject(compute)
    return {key: SimpleLazyObject(lambda key=key: found.get(key)) for key in keys}


def topic_filtered(request, items, topics):
    """An index's listing, filtered by `?topic=<slug>`: {"items": a page of `items()`, "topics",
    "active_topic", "unknown_topic": a slug naming none}, lazily (`lazy_context`): `items` is
    called only then, as building a queryset costs a cached render about a twentieth of it."""

    def listing():
        slug = parameters.text(request.GET, "topic", max_length=100)
        topic = topics.filter(slug=slug).first() if slug else None
        pages = items()
        found = pages.filter(topics=topic) if topic else pages.none() if slug else pages
        unknown = slug if slug and topic is None else ""
        page = paginate(request, found)
        return {"items": page, "topics": topics, "active_topic": topic, "unknown_topic": unknown}

    return lazy_context(listing, ("items", "topics", "active_topic", "unknown_topic"))

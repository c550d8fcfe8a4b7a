"""Listings: visible pages and their listing images in a fixed number of queries, however long."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction


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

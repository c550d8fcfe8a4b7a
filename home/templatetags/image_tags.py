"""`{% responsive_image image "slot" %}`: WebP renditions in a `srcset`, with `sizes` for the
slot the image fills, so browsers fetch files no larger than what they show.

Wagtail's `{% srcset_image %}` takes a fixed list of widths and lists a rendition per width even
when the original is smaller, which repeats a width descriptor (invalid HTML); this tag builds the
same `ResponsiveImage` from the widths the original can give.
"""

from django import template

from wagtail.images.models import ResponsiveImage

register = template.Library()

# Each slot: rendition widths, the aspect ratio to crop to (None keeps the original's), and
# `sizes` matching the stylesheet (.container is min(72rem, 100% - 2rem); cards and gallery
# figures sit in auto-fill grids of 16rem and 14rem minimum columns).
SLOTS = {
    "card": (
        [320, 480, 720, 960],
        (16, 9),
        "(min-width: 74rem) 23rem, (min-width: 36rem) 50vw, 100vw",
    ),
    "hero": ([480, 800, 1152, 1600, 2304], None, "(min-width: 74rem) 72rem, calc(100vw - 2rem)"),
    "body": ([480, 720, 960, 1440], None, "(min-width: 42rem) 40rem, calc(100vw - 2rem)"),
    "gallery": (
        [240, 360, 480, 720],
        None,
        "(min-width: 48rem) 18rem, (min-width: 32rem) 50vw, 100vw",
    ),
}


def filter_specs(image, slot):
    """Wagtail filter specs for the slot's widths that the original can give without upscaling."""
    widths, ratio, _sizes = SLOTS[slot]
    if ratio is None:
        fitting = [width for width in widths if width <= image.width] or widths[:1]
        return [f"width-{width}|format-webp" for width in fitting]
    sizes = [(width, width * ratio[1] // ratio[0]) for width in widths]
    fitting = [(w, h) for w, h in sizes if w <= image.width and h <= image.height] or sizes[:1]
    return [f"fill-{w}x{h}|format-webp" for w, h in fitting]


@register.simple_tag
def responsive_image(image, slot, **attrs):
    """An <img> with WebP renditions for the slot; extra keyword arguments become attributes."""
    renditions = image.get_renditions(*filter_specs(image, slot))
    if slot != "hero":  # the hero is above the fold
        attrs.setdefault("loading", "lazy")
    return ResponsiveImage(renditions, {"sizes": SLOTS[slot][2], "decoding": "async", **attrs})

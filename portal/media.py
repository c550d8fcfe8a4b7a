"""Uploaded images served by the app itself: the image folders only, never documents.

Documents go through Wagtail's view, which checks their collection's privacy; a web server or
object storage in front of the app may take over the image folders (`SERVE_IMAGES=false`).
"""

import re
from pathlib import Path

from django.conf import settings
from django.urls import re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve

# Originals, renditions, and Wagtail's admin avatars; `documents/` is deliberately absent.
IMAGE_FOLDERS = ("images", "original_images", "avatar_images")
# A file's name changes whenever its content does (renditions carry their filter), so a day is safe.
MAX_AGE = 24 * 60 * 60


@cache_control(public=True, max_age=MAX_AGE)
def serve_image(request, folder, path):
    """Django's `serve`, rooted in the image folder: `..` cannot climb into `documents/` (it
    refuses paths outside its root with a 400)."""
    return serve(request, path, document_root=Path(settings.MEDIA_ROOT, folder))


def image_urlpatterns():
    if not settings.SERVE_IMAGES or not settings.MEDIA_URL.startswith("/"):
        return []
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    folders = "|".join(IMAGE_FOLDERS)
    return [re_path(rf"^{prefix}(?P<folder>{folders})/(?P<path>.+)$", serve_image)]

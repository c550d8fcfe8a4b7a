"""Uploads: huge image canvases are refused; images are served from media, documents never."""

import importlib
import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

import portal.urls
from knowledge.factories import MemberFactory


def png(width, height):
    """A one-bit, all-black PNG: a few kilobytes on disk, however many pixels it declares."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_121_megapixel_png_from_a_member_is_refused_with_a_clear_error(client, home):
    member = MemberFactory()
    client.force_login(member)
    upload = SimpleUploadedFile("bomb.png", png(11_000, 11_000), "image/png")
    assert upload.size < 100_000
    response = client.post(reverse("wagtailimages:add"), {"title": "Bomb", "file": upload})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "too many pixels" in errors and "40000000" in errors
    assert not Image.objects.exists()


def test_a_member_still_uploads_an_ordinary_image(client, home):
    client.force_login(MemberFactory())
    upload = SimpleUploadedFile("photo.png", png(1200, 800), "image/png")
    response = client.post(reverse("wagtailimages:add"), {"title": "Photo", "file": upload})
    assert response.status_code == 302
    assert Image.objects.get().width == 1200


def test_without_debug_images_are_served_from_media_but_private_documents_never(client, db):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Minutes",
        file=SimpleUploadedFile("minutes.txt", b"secret minutes"),
        collection=private,
    )
    assert document.file.name.startswith("documents/")
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(document.url).status_code == 302  # Wagtail's view: log in first
    image = Image.objects.create(
        title="Photo", file=SimpleUploadedFile("photo.png", png(8, 8), "image/png")
    )
    assert client.get(f"/media/{image.file.name}").status_code == 200
    rendition = image.get_rendition("width-4")
    assert client.get(rendition.url).status_code == 200


def test_dot_dot_under_an_image_folder_never_reaches_documents(client, db):
    document = Document.objects.create(
        title="Minutes", file=SimpleUploadedFile("minutes.txt", b"secret minutes")
    )
    name = document.file.name.removeprefix("documents/")
    for path in (f"images/../documents/{name}", f"images/%2e%2e/documents/{name}"):
        response = client.get(f"/media/{path}")
        assert response.status_code in (400, 404)
        assert b"secret" not in b"".join(getattr(response, "streaming_content", [b""]))


def test_served_images_may_be_cached_by_browsers_and_proxies(client, db):
    image = Image.objects.create(
        title="Photo", file=SimpleUploadedFile("photo.png", png(8, 8), "image/png")
    )
    response = client.get(image.get_rendition("width-4").url)
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]


@pytest.fixture
def images_served_elsewhere(settings):
    """The URLs with SERVE_IMAGES off (portal/urls.py reads it when imported)."""
    settings.SERVE_IMAGES = False
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.SERVE_IMAGES = True
    importlib.reload(portal.urls)
    clear_url_caches()


def test_with_serve_images_off_the_app_leaves_media_to_the_web_server(
    client, db, images_served_elsewhere
):
    image = Image.objects.create(
        title="Photo", file=SimpleUploadedFile("photo.png", png(8, 8), "image/png")
    )
    assert client.get(f"/media/{image.file.name}").status_code == 404

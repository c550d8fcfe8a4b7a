"""Guards in front of two wagtail-localize admin views, registered ahead of its own at their paths.

- Submitting a page for translation: wagtail-localize checks the `submit_translation` permission
  alone; only someone who may also edit the page may ask for its translation.
- Uploading a PO file: wagtail-localize fails with a server error on a file that parses but has no
  translation header, and on one without a file at all; these get the same clear message as a file
  that does not parse, and nothing is imported.
"""

import contextlib
import os
import tempfile

import polib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


class SubmitEditablePageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _po_header(upload):
    """The uploaded file's translation header, or None when it is not a readable PO file."""
    with tempfile.NamedTemporaryFile(delete=False) as file:
        file.write(upload.read())
    upload.seek(0)
    try:
        return polib.pofile(file.name).metadata.get(TRANSLATION_ID_HEADER)
    except (OSError, UnicodeDecodeError):
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(file.name)


@require_POST
def checked_upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None or _po_header(upload) is None:
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    return upload_pofile(request, translation_id)


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitEditablePageTranslationView.as_view(),
            name="localization_submit_page_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            checked_upload_pofile,
            name="localization_upload_pofile",
        ),
    ]

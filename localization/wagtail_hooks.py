"""Guards in front of wagtail-localize admin views, registered ahead of its own at their paths.

- Submitting a page for translation: wagtail-localize checks the `submit_translation` permission
  alone; only someone who may also edit the page may ask for its translation.
- Converting a translation to an alias (which puts the source's text on the live page at once)
  and stopping its syncing: wagtail-localize lets anyone who may edit the page, a member who owns
  a translation included; only someone who may publish the page may.
- "Update translations": publishes only the translations that may go live (localization/views.py).
- The translations report: wagtail-localize shows it to every admin user, with the titles of
  drafts in review; only someone who may publish pages sees it.
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
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.edit_translation import (
    stop_translation,
    upload_pofile,
    user_can_edit_instance,
)
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from .review import translation_of
from .views import SUBMIT_ACTION, ReviewedUpdateTranslationsView, submit_translation_for_review

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


def may_publish(user, page):
    """Wagtail's own "publish" permission on the page (translation review aside)."""
    return PagePermissionTester(user, page).can_publish()


def publishers_convert_to_alias(request, page_id):
    if not may_publish(request.user, get_object_or_404(Page, id=page_id)):
        raise PermissionDenied
    return convert_to_alias(request, page_id)


def publishers_stop_translation(request, translation_id):
    target = get_object_or_404(Translation, id=translation_id).get_target_instance()
    if isinstance(target, Page) and not may_publish(request.user, target):
        raise PermissionDenied
    return stop_translation(request, translation_id)


class PublishersTranslationsReportView(TranslationsReportView):
    permission_policy = PagePermissionPolicy()
    permission_required = "publish"


@hooks.register("construct_reports_menu")
def hide_translations_report(request, menu_items):
    if not PublishersTranslationsReportView.permission_policy.user_has_permission(
        request.user, "publish"
    ):
        report = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != report]


@hooks.register("before_edit_page", order=-1)
def submit_from_translation_editor(request, page):
    """The translation editor's "Submit for review" (ahead of wagtail-localize's own hook, which
    answers every request to edit a synced translation with its editor)."""
    if request.method == "POST" and request.POST.get("action") == SUBMIT_ACTION:
        translation = translation_of(page)
        if translation is not None and translation.enabled:
            return submit_translation_for_review(request, translation, page.specific)
    return None


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
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            publishers_convert_to_alias,
            name="localization_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            require_POST(publishers_stop_translation),
            name="localization_stop_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="localization_update_translations",
        ),
        path(
            "localize/reports/translations/",
            PublishersTranslationsReportView.as_view(),
            name="localization_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            PublishersTranslationsReportView.as_view(results_only=True),
            name="localization_translations_report_results",
        ),
    ]

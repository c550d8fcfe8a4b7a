"""Translations through review in wagtail-localize's screens: "Submit for review" in the
translation editor, and "Update translations" publishing only what may go live."""

import contextlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

SUBMIT_ACTION = "submit-for-review"


def submit_translation_for_review(request, translation, page):
    """Save the translation as a draft and start the page's workflow on it, as Wagtail's edit
    form does with "Submit for review"."""
    if not page.permissions_for_user(request.user).can_submit_for_moderation():
        raise PermissionDenied
    with contextlib.suppress(ValidationError):
        translation.save_target(user=request.user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    page.get_workflow().start(page, request.user)
    messages.success(
        request,
        _("'%(title)s' in %(language)s has been submitted for review.")
        % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize publishes every synced translation with "publish", unchecked; here the
    source is synced first, then each page translation is published only if its tester allows
    it (complete, source live, the user may publish), and saved as a draft otherwise."""

    def form_valid(self, form):
        if not form.cleaned_data["publish_translations"]:
            return super().form_valid(form)
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        for translation in self.object.translations.filter(enabled=True):
            target = translation.get_target_instance()
            publish = not isinstance(target, Page) or (
                target.specific.permissions_for_user(self.request.user).can_publish()
            )
            with contextlib.suppress(ValidationError):
                translation.save_target(user=self.request.user, publish=publish)
            if not publish:
                messages.warning(
                    self.request,
                    _("'%(title)s' in %(language)s was saved as a draft, not published.")
                    % {
                        "title": target.get_admin_display_title(),
                        "language": target.locale.get_display_name(),
                    },
                )
        return response

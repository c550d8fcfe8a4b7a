"""Translations go through review: never live before their source, never half translated.

Every way of publishing a page (the edit form, the translation editor, bulk actions, the admin
API) and of submitting it for review asks the page's permission tester first, so the rule lives
in one tester, which every page type returns (`home.models.BasePage.permissions_for_user`).
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page, PagePermissionTester
from wagtail_localize.models import Translation


def translation_of(page):
    """The wagtail-localize translation that `page` is the target of, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source")
        .first()
    )


def review_blockers(page):
    """Why the translation `page` may not go live yet (nothing if it is no translation)."""
    translation = translation_of(page)
    if translation is None:
        return []
    blockers = []
    source_live = Page.objects.filter(
        translation_key=page.translation_key, locale_id=translation.source.locale_id, live=True
    ).exists()
    if not source_live:
        blockers.append(_("The original page is not live yet."))
    if translation.enabled:
        total, translated = translation.get_progress()
        if translated < total:
            blockers.append(
                ngettext(
                    "%(missing)d of %(total)d text is not translated yet.",
                    "%(missing)d of %(total)d texts are not translated yet.",
                    total,
                )
                % {"missing": total - translated, "total": total}
            )
    return blockers


class TranslationReviewPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, except that a translation with blockers can be neither
    published nor submitted for review."""

    @cached_property
    def review_blockers(self):
        if self.page.locale_id is None or self.page.is_root():
            return []
        return review_blockers(self.page)

    def can_publish(self):
        return super().can_publish() and not self.review_blockers

    def can_submit_for_moderation(self):
        return super().can_submit_for_moderation() and not self.review_blockers

    # Privacy and schedules depend on who may publish, not on the translation's state.
    def can_set_view_restrictions(self):
        return super().can_publish()

    def can_unschedule(self):
        return super().can_publish()

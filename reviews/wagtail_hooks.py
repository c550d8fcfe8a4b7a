"""The review queue in the admin, the reviewer's note on the edit page, and inline comments that
reach the author once, with the review's outcome."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.models import PageSubscription

from knowledge.views import EditorMenuItem

from . import views
from .notes import changes_requested_note


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reviews/", views.ReviewQueueView.as_view(), name="reviews_queue"),
        path(
            "reviews/results/",
            views.ReviewQueueView.as_view(results_only=True),
            name="reviews_queue_results",
        ),
        path("reviews/<int:task_state_id>/claim/", views.claim, name="reviews_claim"),
        path("reviews/<int:task_state_id>/release/", views.release, name="reviews_release"),
    ]


@hooks.register("register_reports_menu_item")
def register_review_queue_menu_item():
    return EditorMenuItem(
        gettext_lazy("Review queue"),
        reverse("reviews_queue"),
        name="review-queue",
        icon_name="tasks",
        order=50,
    )


@hooks.register("after_create_page")
def summarise_comments_for_the_author(request, page):
    """Wagtail subscribes a page's creator to an email per inline comment; the author hears of
    a reviewer's comments once, in the review's outcome, instead (they may opt back in)."""
    PageSubscription.objects.filter(page=page, user=request.user).update(
        comment_notifications=False
    )


@hooks.register("before_edit_page")
def show_reviewers_note(request, page):
    """On the edit page of a page sent back for changes, the reviewer's note, above the form."""
    if request.method != "GET":
        return
    note = changes_requested_note(page)
    if note is not None:
        messages.warning(
            request,
            _("Changes requested by %(reviewer)s: %(note)s")
            % {"reviewer": note.reviewer, "note": note.text or _("(no note)")},
        )

"""What authors are told when a review ends: one notification per outcome, through
`notifications.service.notify`, in each recipient's language, with the reviewer's words."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Comment

from notifications.service import notify, preference_for


def authors(workflow_state):
    """Who submitted the page and who owns it (usually one person)."""
    page = workflow_state.content_object
    people = {workflow_state.requested_by, getattr(page, "owner", None)}
    return [person for person in people if person is not None]


def field_label(page, contentpath):
    """The form label of the field an inline comment is on ("body.<block id>" → "Body")."""
    name = contentpath.split(".", 1)[0]
    try:
        return str(page._meta.get_field(name).verbose_name).capitalize()
    except LookupError:
        return name


def changes_detail(page, task_state):
    """The reviewer's note, then the inline comments left on the draft during this review, so
    they arrive in this one message rather than in an email each."""
    parts = []
    note = task_state.get_comment()
    if note:
        parts.append(_("Reviewer's note: %(note)s") % {"note": note})
    comments = Comment.objects.filter(
        page=page, resolved_at__isnull=True, created_at__gte=task_state.started_at
    ).order_by("created_at", "pk")
    lines = [f"- {field_label(page, c.contentpath)}: {c.text}" for c in comments]
    if lines:
        parts.append("\n".join([_("Comments on your draft:"), *lines]))
    return "\n\n".join(parts)


def tell_authors(workflow_state, kind, user, detail_for):
    task_state = workflow_state.current_task_state.specific
    page = workflow_state.content_object.specific
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for author in authors(workflow_state):
        with translation.override(preference_for(author).language):
            detail = detail_for(page, task_state)
        notify(
            author,
            kind,
            f"{kind}:{task_state.pk}",
            page.get_admin_display_title(),
            url,
            actor=user,
            detail=detail,
        )


def changes_requested(workflow_state, user):
    tell_authors(workflow_state, "changes_requested", user, changes_detail)


def approved(workflow_state, user):
    tell_authors(
        workflow_state, "approved", user, lambda page, task_state: task_state.get_comment()
    )

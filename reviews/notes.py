"""The reviewer's note on a page sent back for changes, for its edit page and "My articles"."""

from dataclasses import dataclass

from wagtail.models import WorkflowState

from members.names import display_name


@dataclass
class Note:
    reviewer: str
    text: str


def changes_requested_note(page):
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .first()
    )
    if state is None or state.current_task_state is None:
        return None
    task_state = state.current_task_state
    reviewer = task_state.finished_by
    name = display_name(reviewer) if reviewer else ""
    return Note(reviewer=name, text=task_state.comment)

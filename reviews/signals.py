"""Review outcomes reach authors through the portal's notifications, in place of Wagtail's own
"approved" and "rejected" emails (which say "rejected" for a changes request and leave out the
approval's comment): one message per event."""

from django.dispatch import receiver

from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from . import editor_notices, notices  # noqa: F401  (editor_notices connects its receivers)

# Wagtail's receivers for its emails to the submitter (wagtail/admin/signal_handlers.py).
WAGTAIL_OUTCOME_EMAILS = {
    workflow_approved: "workflow_state_approved_email_notification",
    workflow_rejected: "workflow_state_rejected_email_notification",
}


def replace_wagtail_outcome_emails():
    for signal, dispatch_uid in WAGTAIL_OUTCOME_EMAILS.items():
        signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)


@receiver(workflow_rejected, sender=WorkflowState)
def tell_changes_requested(sender, instance, user=None, **kwargs):
    notices.changes_requested(instance, user)


@receiver(workflow_approved, sender=WorkflowState)
def tell_approved(sender, instance, user=None, **kwargs):
    notices.approved(instance, user)

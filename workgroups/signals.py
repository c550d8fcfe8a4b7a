"""Keep each group's document access, and its conveners' expertise (peers), in step with its
memberships, however they change (site views or the editors' admin, where memberships are inline
rows)."""

from django.db.models.signals import post_delete, post_save

from peers import expertise

from .provision import provision, sync_access


def conveners_changed(memberships):
    """A group's conveners show it among their contributions (workgroups/contributions.py)."""
    from .models import Membership

    conveners = memberships.filter(role=Membership.Role.CONVENER)
    expertise.refresh(conveners.values_list("user_id", flat=True))


def group_saved(sender, instance, **kwargs):
    provision(instance)
    conveners_changed(instance.memberships.all())


def membership_saved(sender, instance, **kwargs):
    sync_access(instance)
    expertise.refresh([instance.user_id])


def membership_deleted(sender, instance, **kwargs):
    sync_access(instance, removed=True)
    expertise.refresh([instance.user_id])


def connect():
    from .models import Membership, WorkingGroup

    post_save.connect(group_saved, sender=WorkingGroup, dispatch_uid="workgroups_provision")
    post_save.connect(membership_saved, sender=Membership, dispatch_uid="workgroups_access")
    post_delete.connect(membership_deleted, sender=Membership, dispatch_uid="workgroups_revoke")

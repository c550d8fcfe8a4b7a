"""Keep each group's document access in step with its memberships, however they change (site
views or the editors' admin, where memberships are inline rows)."""

from django.db.models.signals import post_delete, post_save

from .provision import provision, sync_access


def group_saved(sender, instance, **kwargs):
    provision(instance)


def membership_saved(sender, instance, **kwargs):
    sync_access(instance)


def membership_deleted(sender, instance, **kwargs):
    sync_access(instance, removed=True)


def connect():
    from .models import Membership, WorkingGroup

    post_save.connect(group_saved, sender=WorkingGroup, dispatch_uid="workgroups_provision")
    post_save.connect(membership_saved, sender=Membership, dispatch_uid="workgroups_access")
    post_delete.connect(membership_deleted, sender=Membership, dispatch_uid="workgroups_revoke")

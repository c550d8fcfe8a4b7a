"""What purges the groups' cached fragments (docs/caching.md, Members): the list of groups, and
each group's page and board, shown to members only and so purged by scope (`purge_scope`), never
with visitors' pages. Moderators' actions change rows with `update()` and call `group_changed`."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.page_cache import purge_scope, scope_generation

LIST_SCOPE = "workgroups"


def group_scope(group_id):
    return f"workgroup-{group_id}"


def group_generation(group_id):
    """A vary-on value of a group's cached fragments: its page and its board."""
    return scope_generation(group_scope(group_id))


def list_generation():
    return scope_generation(LIST_SCOPE)


def group_changed(group_id):
    """Something a group's page or board shows: its threads, replies, conveners, articles."""
    purge_scope(group_scope(group_id))


def on_group_change(sender, instance, **kwargs):
    """Its name, purpose, status or topics: on the list and its own pages."""
    purge_scope(LIST_SCOPE)
    group_changed(instance.pk)


def on_group_relation_change(sender, instance, action, reverse, pk_set, **kwargs):
    """Topics or articles added or removed, from the group's side or the topic's or page's."""
    if not action.startswith("post_"):
        return
    purge_scope(LIST_SCOPE)
    for group_id in (pk_set or ()) if reverse else [instance.pk]:
        group_changed(group_id)


def on_membership_change(sender, instance, **kwargs):
    group_changed(instance.group_id)


def on_thread_change(sender, instance, **kwargs):
    group_changed(instance.group_id)


def on_reply_change(sender, instance, **kwargs):
    group_changed(instance.thread.group_id)


def connect():
    from .models import Membership, Reply, Thread, WorkingGroup

    receivers = {
        WorkingGroup: on_group_change,
        Membership: on_membership_change,
        Thread: on_thread_change,
        Reply: on_reply_change,
    }
    for model, receiver in receivers.items():
        post_save.connect(receiver, sender=model, dispatch_uid="workgroups_cache")
        post_delete.connect(receiver, sender=model, dispatch_uid="workgroups_cache")
    for field in ("topics", "articles"):
        through = getattr(WorkingGroup, field).through
        m2m_changed.connect(on_group_relation_change, sender=through, dispatch_uid="workgroups")

"""Each working group's private documents: a Django group of its members and a Wagtail collection
restricted to that group and the editors, so Wagtail's document view enforces who reads them."""

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction

from knowledge.roles import EDITORS

PARENT_COLLECTION = "Working groups"


def parent_collection():
    """The collection holding every group's collection (made by a migration; found again here)."""
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=PARENT_COLLECTION).first()
    return parent or root.add_child(name=PARENT_COLLECTION)


def provision(group):
    """Give a new group its Django group and restricted collection. Idempotent."""
    from .models import WorkingGroup

    if group.access_group_id and group.collection_id:
        return
    access_group, _created = Group.objects.get_or_create(name=f"Working group {group.pk}")
    collection = parent_collection().add_child(name=f"{group.name} ({group.pk})")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([access_group, *Group.objects.filter(name=EDITORS)])
    WorkingGroup.objects.filter(pk=group.pk).update(
        access_group=access_group, collection=collection
    )
    group.access_group, group.collection = access_group, collection


def sync_access(membership, removed=False):
    """An active membership puts the member in the group's Django group; anything else takes
    them out."""
    from .models import Membership

    access_group = membership.group.access_group
    if access_group is None:
        return
    if membership.status == Membership.Status.ACTIVE and not removed:
        membership.user.groups.add(access_group)
    else:
        membership.user.groups.remove(access_group)

"""Editors' permissions on questions (granted by a data migration) and the attachment collection."""

from knowledge.roles import EDITORS, MEMBERS, grant_editors_permissions

ATTACHMENTS_COLLECTION = "Question attachments"
EDITOR_PERMISSIONS = [
    ("questions", f"{action}_{model}")
    for model in ("question", "answer", "flag")
    for action in ("view", "change")
]


def grant_editors(apps=None):
    """Give Editors the questions permissions (moderation, the admin views). Idempotent."""
    grant_editors_permissions("questions", EDITOR_PERMISSIONS, apps)


def attachments_collection():
    """The collection for questions' images and documents, readable by members and editors only
    (Wagtail serves its documents only to them; images' renditions are public files)."""
    from django.contrib.auth.models import Group

    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=ATTACHMENTS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=ATTACHMENTS_COLLECTION)
    restriction, created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    if created:
        restriction.groups.set(Group.objects.filter(name__in=[MEMBERS, EDITORS]))
    return collection

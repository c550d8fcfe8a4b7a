"""Editors' permissions on questions (granted by a data migration) and the attachment collection."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from knowledge.roles import EDITORS, MEMBERS

ATTACHMENTS_COLLECTION = "Question attachments"
EDITOR_PERMISSIONS = [
    ("questions", f"{action}_{model}")
    for model in ("question", "answer", "flag")
    for action in ("view", "change")
]


def grant_editors(apps=None):
    """Give Editors the questions permissions (moderation, the admin views). Idempotent."""
    apps = apps or global_apps
    config = apps.get_app_config("questions")
    # Permissions are normally made after the last migration; make them now (Django's recipe for
    # data migrations that grant them: a stub app config needs `models_module` set).
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    for app_label, codename in EDITOR_PERMISSIONS:
        editors.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


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

"""Editors' permissions on working groups and their setting, granted by a data migration."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from knowledge.roles import EDITORS

EDITOR_PERMISSIONS = [
    *[
        ("workgroups", f"{action}_{model}")
        for model in ("workinggroup", "thread", "reply", "meeting")
        for action in ("add", "change", "delete", "view")
    ],
    ("workgroups", "change_workinggroupsettings"),
]


def grant_editors(apps=None):
    """Give Editors the working group permissions. Idempotent."""
    apps = apps or global_apps
    config = apps.get_app_config("workgroups")
    # Permissions are normally made after the last migration (see questions/roles.py).
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

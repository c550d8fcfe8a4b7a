"""Editors' permissions on working groups and their setting, granted by a data migration."""

from knowledge.roles import grant_editors_permissions

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
    grant_editors_permissions("workgroups", EDITOR_PERMISSIONS, apps)

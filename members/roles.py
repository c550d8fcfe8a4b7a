"""Who reviews and moderates: Editors may review applications and moderate comments.

Called from a migration (with the historical app registry), so every new database has the rights.
"""

from .access import EDITORS_GROUP, MEMBERS_GROUP

EDITOR_PERMISSIONS = [
    ("members", "membershipapplication", ["view", "change"]),
    ("django_comments_xtd", "xtdcomment", ["view", "change"]),
]


def ensure_community_roles(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group.objects.get_or_create(name=MEMBERS_GROUP)
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    for app_label, model, actions in EDITOR_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            editors.permissions.add(permission)
    admin_access, _created = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")[0],
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    editors.permissions.add(admin_access)

"""The Members and Editors groups, their permissions and the review workflows.

Knowledge indexes go through "Knowledge review"; every other page through "Editorial review",
assigned to the root in place of Wagtail's default "Moderators approval" (reviewed by a
Moderators group nobody is in, so nothing submitted to it could be approved). Both have one task,
"Editors' review", for the Editors group.

`ensure_roles()` is idempotent: data migrations call it with their historical `apps`, and a new
knowledge index calls `ensure_index_setup()` for the members' page permission and the workflow.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.utils.translation import gettext_noop

MEMBERS = "Members"
EDITORS = "Editors"
# Names stored in the database, marked so emails can show them translated (`{% translate %}`).
WORKFLOW_NAME = gettext_noop("Knowledge review")
SITE_WORKFLOW_NAME = gettext_noop("Editorial review")
DEFAULT_WORKFLOW_NAME = "Moderators approval"  # created by Wagtail's own migration
TASK_NAME = gettext_noop("Editors' review")
MEMBER_COLLECTION = "Member uploads"

MEMBER_MODEL_PERMISSIONS = [("wagtailadmin", "access_admin")]
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[
        ("home", f"{action}_{model}")
        for model in ("topic", "sector", "region", "mainmenu")
        for action in ("add", "change", "delete")
    ],
    ("home", "change_sitesettings"),
    *[
        ("wagtailsearchpromotions", f"{action}_searchpromotion")
        for action in ("add", "change", "delete")
    ],
    ("wagtail_localize", "submit_translation"),
    ("django_comments", "can_moderate"),
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page"]
MEMBER_PAGE_PERMISSIONS = ["add_page"]
MEMBER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
EDITOR_COLLECTION_PERMISSIONS = [
    (app, f"{action}_{model}")
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "delete", "choose")
]


def ensure_roles(apps=None):
    """Create or complete the groups, their permissions and the review workflow."""
    apps = apps or global_apps
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    members.permissions.add(*_permissions(apps, MEMBER_MODEL_PERMISSIONS))
    editors.permissions.add(*_permissions(apps, EDITOR_MODEL_PERMISSIONS))

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        _grant_pages(apps, editors, root.pk, EDITOR_PAGE_PERMISSIONS)
        _site_workflow(apps, editors, root.pk)

    root_collection = _root_collection(apps)
    _grant_collection(apps, editors, root_collection, EDITOR_COLLECTION_PERMISSIONS)
    _grant_collection(
        apps, members, member_collection(apps, root_collection), MEMBER_COLLECTION_PERMISSIONS
    )

    _workflow(apps, editors)
    ContentType = apps.get_model("contenttypes", "ContentType")
    index_type = ContentType.objects.filter(app_label="knowledge", model="knowledgeindexpage")
    for page_id in Page.objects.filter(content_type__in=index_type).values_list("pk", flat=True):
        ensure_index_setup(page_id, apps)


def grant_editors_permissions(app_label, pairs, apps=None):
    """Give Editors `pairs` from an app whose own data migration grants them. Idempotent.

    Permissions are normally made after the last migration, so this makes the app's now (Django's
    recipe for data migrations: a stub app config needs `models_module` set)."""
    apps = apps or global_apps
    config = apps.get_app_config(app_label)
    models_module, config.models_module = getattr(config, "models_module", None), True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = models_module
    editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS)
    editors.permissions.add(*_permissions(apps, pairs))


def ensure_index_setup(page_id, apps=None):
    """Let members add articles under this knowledge index, and route them through the review."""
    apps = apps or global_apps
    Group = apps.get_model("auth", "Group")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    _grant_pages(apps, members, page_id, MEMBER_PAGE_PERMISSIONS)
    WorkflowPage.objects.update_or_create(page_id=page_id, defaults={"workflow": _workflow(apps)})


def member_collection(apps=None, root_collection=None):
    apps = apps or global_apps
    Collection = apps.get_model("wagtailcore", "Collection")
    root_collection = root_collection or _root_collection(apps)
    existing = Collection.objects.filter(
        name=MEMBER_COLLECTION,
        depth=root_collection.depth + 1,
        path__startswith=root_collection.path,
    ).first()
    if existing:
        return existing
    if apps is global_apps:
        return root_collection.add_child(name=MEMBER_COLLECTION)
    # Historical models have no treebeard methods: build the child's materialised path by hand.
    children = Collection.objects.filter(
        depth=root_collection.depth + 1, path__startswith=root_collection.path
    )
    last = children.order_by("-path").values_list("path", flat=True).first()
    step = 4
    position = int(last[-step:], 36) + 1 if last else 1
    collection = Collection.objects.create(
        name=MEMBER_COLLECTION,
        depth=root_collection.depth + 1,
        path=root_collection.path + _base36(position).rjust(step, "0"),
        numchild=0,
    )
    Collection.objects.filter(pk=root_collection.pk).update(numchild=children.count())
    return collection


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


def _root_collection(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        root = Collection.objects.create(name="Root", path="0001", depth=1, numchild=0)
    return root


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            raise LookupError(f"Permission {app_label}.{codename} does not exist")
        found.append(permission)
    return found


def _grant_pages(apps, group, page_id, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in _permissions(apps, [("wagtailcore", code) for code in codenames]):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=permission
        )


def _grant_collection(apps, group, collection, pairs):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for permission in _permissions(apps, pairs):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def _workflow(apps, editors=None, name=WORKFLOW_NAME):
    """A one-task workflow reviewed by the Editors group ("Knowledge review" by default)."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    editors = editors or Group.objects.get_or_create(name=EDITORS)[0]
    workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _site_workflow(apps, editors, root_id):
    """Route the whole site to "Editorial review" and retire Wagtail's default workflow."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = _workflow(apps, editors, name=SITE_WORKFLOW_NAME)
    WorkflowPage.objects.update_or_create(page_id=root_id, defaults={"workflow": workflow})
    Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME, workflow_pages__isnull=True).update(
        active=False
    )

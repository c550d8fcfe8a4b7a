"""Every page can be reviewed: "Editorial review" (Editors) in place of "Moderators approval"."""

from django.db import migrations

from knowledge.roles import ensure_roles


def route_pages_to_editors(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_roles_and_workflow")]

    operations = [migrations.RunPython(route_pages_to_editors, migrations.RunPython.noop)]

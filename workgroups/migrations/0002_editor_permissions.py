from django.db import migrations


def grant(apps, schema_editor):
    from workgroups.roles import grant_editors

    grant_editors(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("workgroups", "0001_initial"),
        ("knowledge", "0002_roles_and_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

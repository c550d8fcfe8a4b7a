from django.db import migrations


def forwards(apps, schema_editor):
    from members.roles import ensure_community_roles

    ensure_community_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("django_comments_xtd", "0008_auto_20200920_2037"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

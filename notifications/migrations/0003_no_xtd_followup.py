"""Comments stored with django-comments-xtd's `followup` got its follow-up emails beside the
portal's notifications; clear it, as notifications.signals does for every new comment."""

from django.db import migrations


def clear_followup(apps, schema_editor):
    apps.get_model("django_comments_xtd", "XtdComment").objects.filter(followup=True).update(
        followup=False
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_notification_detail"),
        ("django_comments_xtd", "0008_auto_20200920_2037"),
    ]

    operations = [migrations.RunPython(clear_followup, migrations.RunPython.noop)]

"""Translated pages saved before `TopicsMixin.save` translated topics carry the source's topics:
point them at their language's (home/topic_migrations.py). Reversing leaves them translated."""

from django.db import migrations

from home.topic_migrations import point_topics_at_page_language


def topics_in_page_language(apps, schema_editor):
    point_topics_at_page_language(apps, "casestudies", "CaseStudyPage")


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0001_initial"), ("home", "0003_site_footer_links")]

    operations = [migrations.RunPython(topics_in_page_language, migrations.RunPython.noop)]

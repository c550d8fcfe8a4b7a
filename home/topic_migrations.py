"""A data migration for each app whose pages carry topics: translated pages saved before
`TopicsMixin.save` swapped topics for their translations still carry the source's (English)
topics, so their language's filters and topic pages do not find them until re-saved."""

from django.db.models import F


def point_topics_at_page_language(apps, app_label, model_name):
    """Point each page's topics of another language at that topic's translation in the page's
    locale, where one exists (dropping it where the page already has the translation)."""
    field = apps.get_model(app_label, model_name)._meta.get_field("topics")
    through = field.remote_field.through
    page, topic = field.m2m_field_name(), field.m2m_reverse_field_name()
    Topic = apps.get_model("home", "Topic")
    foreign = through.objects.exclude(
        **{f"{topic}__locale_id": F(f"{page}__locale_id")}
    ).values_list("pk", f"{page}_id", f"{page}__locale_id", f"{topic}__translation_key")
    rows = list(foreign)
    if not rows:
        return
    translations = {
        (key, locale_id): pk
        for pk, key, locale_id in Topic.objects.filter(
            translation_key__in={key for *_rest, key in rows}
        ).values_list("pk", "translation_key", "locale_id")
    }
    kept = set(through.objects.values_list(f"{page}_id", f"{topic}_id"))
    for pk, page_id, locale_id, key in rows:
        translated = translations.get((key, locale_id))
        if translated is None:
            continue
        if (page_id, translated) in kept:
            through.objects.filter(pk=pk).delete()
        else:
            through.objects.filter(pk=pk).update(**{f"{topic}_id": translated})
            kept.add((page_id, translated))

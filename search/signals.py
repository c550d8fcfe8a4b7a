"""Reindex a page once it is published, when its topics and other child relations are saved.

Wagtail's own post_save handler indexes the page before modelcluster commits its relations, so with
immediate tasks the index would hold the previous topics until the next save.
"""

from modelsearch.tasks import insert_or_update_object_task

from wagtail.signals import page_published


def reindex_published_page(instance, **kwargs):
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="search_reindex_published_page")

"""Keep the search index in step where Wagtail's own save handler doesn't.

Wagtail's post_save handler indexes a page before modelcluster commits its relations, so with
immediate tasks the index would hold the previous topics until the next save: a published page is
indexed again once its relations are saved. Unpublishing is reindexed the same way. Either
also changes the words typos are corrected to (search/query.py, `vocabulary`).
"""

from modelsearch.tasks import insert_or_update_object_task

from django.core.cache import cache
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .query import VOCABULARY_KEY


@receiver([page_published, page_unpublished], dispatch_uid="search_reindex_page")
def reindex_page(instance, **kwargs):
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )
    cache.delete(VOCABULARY_KEY)

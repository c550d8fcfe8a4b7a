"""Keep the search index in step where Wagtail's own save handler doesn't.

Wagtail's post_save handler indexes a page before modelcluster commits its relations, so with
immediate tasks the index would hold the previous topics until the next save: a published page is
indexed again once its relations are saved. Unpublishing is reindexed the same way. Either, and
a view restriction added or removed, also changes the words typos are corrected to (public
pages' words: search/query.py, `vocabulary`).
"""

from modelsearch.tasks import insert_or_update_object_task

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .query import VOCABULARY_KEY


@receiver([page_published, page_unpublished], dispatch_uid="search_reindex_page")
def reindex_page(instance, **kwargs):
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )
    cache.delete(VOCABULARY_KEY)


@receiver([post_save, post_delete], sender=PageViewRestriction, dispatch_uid="search_vocabulary")
def forget_vocabulary(**kwargs):
    cache.delete(VOCABULARY_KEY)

"""Keep the search index and the words typos are corrected to (search/query.py, `vocabulary`:
public pages' words) in step. Wagtail indexes a page on save, before modelcluster saves its
relations, so a published or unpublished page is indexed again once they are saved."""

from modelsearch.tasks import insert_or_update_object_task

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .query import VOCABULARY_KEY


@receiver([page_published, page_unpublished], dispatch_uid="search_reindex_page")
def reindex_page(instance, **kwargs):
    meta = instance._meta
    insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(instance.pk))
    cache.delete(VOCABULARY_KEY)


@receiver([post_save, post_delete], sender=PageViewRestriction, dispatch_uid="search_vocabulary")
def forget_vocabulary(**kwargs):
    cache.delete(VOCABULARY_KEY)

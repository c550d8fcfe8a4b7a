"""Keep the search index in step where Wagtail's own save and delete handlers don't.

Wagtail's post_save handler indexes a page before modelcluster commits its relations, so with
immediate tasks the index would hold the previous topics until the next save: a published page is
indexed again once its relations are saved. Unpublishing is reindexed the same way. A move renumbers
the paths of whole subtrees, which the search documents check privacy by: they take the new ones.
"""

from modelsearch.tasks import insert_or_update_object_task

from wagtail.signals import page_published, page_unpublished, post_page_move

from . import documents


def reindex_page(instance, **kwargs):
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def sync_paths(parent_page_after, **kwargs):
    documents.sync_paths(parent_page_after)


def connect():
    page_published.connect(reindex_page, dispatch_uid="search_reindex_published_page")
    page_unpublished.connect(reindex_page, dispatch_uid="search_reindex_unpublished_page")
    post_page_move.connect(sync_paths, dispatch_uid="search_sync_document_paths")

"""Questions in the page cache and the search index: the sitemap and feeds list public questions,
so a change to a question that is or was public purges the cached pages (a members-only one
changes nothing a visitor sees), and search filters on the indexed state, publicity and merge.
Saves through forms (editing, the admin) are caught by the signals (Wagtail's search signal
handlers re-index); moderators' actions change rows with `update()` and call `updated`."""

from wagtail.search.tasks import insert_or_update_object_task

from portal.page_cache import purge


def forget_if_public(question, is_public=False):
    """Purge if the question was public, or is made public (`is_public`)."""
    if question.is_public or is_public:
        purge()


def updated(question):
    """After an `update()` of `question`'s row (no signal fires): re-index it as a save would
    (the same background task), and purge if it was or now is public."""
    was_public = question.is_public
    question.refresh_from_db()
    insert_or_update_object_task.enqueue("questions", "question", str(question.pk))
    forget_if_public(question, is_public=was_public)


def on_question_save(sender, instance, **kwargs):
    before = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    forget_if_public(before or instance, is_public=instance.is_public)


def on_question_delete(sender, instance, **kwargs):
    forget_if_public(instance)

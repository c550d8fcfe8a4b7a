"""Questions in the page cache and the search index: the sitemap and feeds list public questions,
so a change to a question that is or was public purges the cached pages (a members-only one
changes nothing a visitor sees), and search filters on the indexed state, publicity and merge.
Any change to a question or answer purges the questions page's listing (`listing.SCOPE`).
Saves through forms (editing, the admin) are caught by the signals (Wagtail's search signal
handlers re-index); moderators' actions change rows with `update()` and call `updated`, or
`listed_changed` for answers."""

from wagtail.search.tasks import insert_or_update_object_task

from portal.page_cache import purge, purge_scope

from .listing import SCOPE


def listed_changed(*args, **kwargs):
    """A question or answer changed: what the questions page lists (counts, resolved)."""
    purge_scope(SCOPE)


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
    listed_changed()


def on_question_save(sender, instance, **kwargs):
    before = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    forget_if_public(before or instance, is_public=instance.is_public)
    listed_changed()


def on_question_delete(sender, instance, **kwargs):
    forget_if_public(instance)
    listed_changed()


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

    from .models import Answer, Question

    pre_save.connect(on_question_save, sender=Question, dispatch_uid="questions_cache")
    post_delete.connect(on_question_delete, sender=Question, dispatch_uid="questions_cache")
    m2m_changed.connect(listed_changed, sender=Question.topics.through, dispatch_uid="questions")
    for signal in (post_save, post_delete):
        signal.connect(listed_changed, sender=Answer, dispatch_uid="questions_cache")

"""Questions in the page cache: the sitemap and feeds list public questions, so a change to a
question that is or was public purges the cached pages; a members-only one changes nothing a
visitor sees. Moderators' actions change rows with `update()`, so they call `forget_if_public`;
saves through forms (editing, the admin) are caught by the signals."""

from portal.page_cache import purge


def forget_if_public(question, is_public=False):
    """Purge if the question was public, or is made public (`is_public`)."""
    if question.is_public or is_public:
        purge()


def on_question_save(sender, instance, **kwargs):
    before = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    forget_if_public(before or instance, is_public=instance.is_public)


def on_question_delete(sender, instance, **kwargs):
    forget_if_public(instance)

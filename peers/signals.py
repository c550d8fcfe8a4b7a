"""Refresh a member's topics and index entry when what they state or contribute changes, and
purge the cached pages and fragments that show members to each other ("People who can help",
comment authors' links) when a profile, a member's name or status, or a contribution changes.

Accepted answers are refreshed by `questions.events.answer_accepted` (acceptance is saved with
`QuerySet.update`, which sends no signal)."""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from casestudies.models import CaseStudyPage
from knowledge.models import KnowledgeArticlePage
from members.models import MemberProfile
from portal.page_cache import purge

from . import expertise

# The user's fields other members see: their name, and whether they are still active.
SHOWN_USER_FIELDS = {"username", "first_name", "last_name", "is_active"}


@receiver(post_save, sender=MemberProfile)
@receiver(post_delete, sender=MemberProfile)
def profile_changed(sender, **kwargs):
    purge()


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def user_changed(sender, update_fields=None, **kwargs):
    """Not a sign-in (`last_login`) nor a new password: those change nothing shown."""
    if update_fields is None or SHOWN_USER_FIELDS & set(update_fields):
        purge()


@receiver(m2m_changed, sender=MemberProfile.expertise.through)
def stated_expertise_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:
        user_ids = MemberProfile.objects.filter(pk__in=pk_set or ()).values_list(
            "user_id", flat=True
        )
    else:
        user_ids = [instance.user_id]
    expertise.refresh(user_ids)


def article_people(page):
    return [page.owner_id, *(author.pk for author in page.authors.all())]


@receiver(page_published, sender=KnowledgeArticlePage)
@receiver(page_unpublished, sender=KnowledgeArticlePage)
def article_changed(sender, instance, **kwargs):
    expertise.refresh(article_people(instance))


@receiver(page_published, sender=CaseStudyPage)
@receiver(page_unpublished, sender=CaseStudyPage)
def case_study_changed(sender, instance, **kwargs):
    expertise.refresh([instance.contact_user_id])

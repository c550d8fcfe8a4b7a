"""Refresh a member's topics and index entry when what they state or contribute changes (which
also purges the cached "People who can help"; a profile, a member's name or status and blocks
purge through members/cache.py).

Accepted answers are refreshed by `questions.events.answer_accepted` (acceptance is saved with
`QuerySet.update`, which sends no signal)."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from casestudies.models import CaseStudyPage
from knowledge.models import KnowledgeArticlePage
from members.models import MemberProfile

from . import expertise


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

"""Keep knowledge pages wired to the review: new indexes get the workflow, approvals a date."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published, workflow_approved

from .models import KnowledgeArticlePage, KnowledgeIndexPage
from .roles import ensure_index_setup


@receiver(post_save, sender=KnowledgeIndexPage)
def set_up_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_index_setup(instance.pk)


@receiver(workflow_approved)
def record_review(sender, instance, **kwargs):
    article = KnowledgeArticlePage.objects.filter(pk=instance.object_id).first()
    if article is not None:
        article.mark_reviewed(article.live_revision)


@receiver(page_published, sender=KnowledgeArticlePage)
def publishing_an_overdue_article_reviews_it(sender, instance, revision, **kwargs):
    """An editor publishing an article past its review date has looked at it: it leaves
    "Articles past review date" with a new date."""
    if instance.review_by is not None and instance.review_by < timezone.localdate():
        instance.mark_reviewed(revision)

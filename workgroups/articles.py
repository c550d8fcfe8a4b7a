"""A group drafts knowledge together: a draft article whose co-authors are the group's members.

Like a question turned into an article (`questions/articles.py`), it is not published: the owner
submits it to the Knowledge review workflow."""

from django.db import transaction

from knowledge.models import KnowledgeArticlePage, KnowledgeIndexPage
from localization.locales import active_locale
from questions.articles import paragraphs, unique_slug

from .models import Membership, WorkingGroup


def knowledge_index():
    indexes = KnowledgeIndexPage.objects.order_by("path")
    return indexes.filter(locale=active_locale()).first() or indexes.first()


def draft_article(group, title, convener):
    """Create the draft once per title (a double click finds the first); None without an index."""
    index = knowledge_index()
    if index is None:
        return None, False
    with transaction.atomic():
        WorkingGroup.objects.select_for_update().get(pk=group.pk)  # orders parallel clicks
        existing = group.articles.filter(title=title).first()
        if existing is not None:
            return existing, False
        article = KnowledgeArticlePage(
            title=title,
            slug=unique_slug(index, title),
            intro=group.purpose[:250],
            body=[("paragraph", paragraphs(group.purpose))],
            owner=convener,
            members_only=True,
            live=False,
        )
        index.add_child(instance=article)
        article.topics.set(group.topics.all())
        members = group.memberships.filter(status=Membership.Status.ACTIVE).exclude(user=convener)
        article.authors.set([membership.user for membership in members.select_related("user")])
        article.save()
        article.save_revision(user=convener)
        group.articles.add(article)
        return article, True

"""From a good answer to knowledge: a draft article built from a resolved question."""

from django.db import transaction
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from knowledge.models import KnowledgeArticlePage, KnowledgeIndexPage

from .models import Question


def paragraphs(text):
    """Plain text as escaped rich-text paragraphs, one per blank-line-separated block."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return format_html_join("", "<p>{}</p>", ((block,) for block in blocks if block))


def knowledge_index_for(question):
    indexes = KnowledgeIndexPage.objects.order_by("path")
    return indexes.filter(locale=question.locale).first() or indexes.first()


def unique_slug(parent, title):
    base = slugify(title)[:60] or "answer"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def create_article(question_id, user):
    """Create the draft (once: a second click finds the first) and link it to the question.

    The answerer owns it and the asker is a co-author; it is not published, so it goes through
    the Knowledge review workflow when the owner submits it."""
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question_id)
        if question.article_id:
            return question.article, False
        answer = question.accepted_answer()
        index = knowledge_index_for(question)
        with override(question.locale.language_code):
            source = format_html(
                '<p>{} <a href="{}">{}</a></p>',
                _("This article grew from a question asked in the network:"),
                question.get_absolute_url(),
                question.title,
            )
            body = [
                ("paragraph", paragraphs(question.details)),
                ("heading", {"text": _("What worked"), "level": "h2"}),
                ("paragraph", paragraphs(answer.body)),
                ("paragraph", source),
            ]
        article = KnowledgeArticlePage(
            title=question.title,
            slug=unique_slug(index, question.title),
            intro=Truncator(" ".join(question.details.split())).chars(250),
            body=body,
            owner=answer.author,
            members_only=True,
            live=False,
        )
        index.add_child(instance=article)
        article.topics.set(question.topics.all())
        if question.author_id != answer.author_id:
            article.authors.set([question.author])
        article.save()
        article.save_revision(user=user)
        question.article = article
        question.save(update_fields=["article", "updated_at"])
        return article, True

"""Questions in site search: a section of the search page (search/sections.py) listing the questions
the searcher may read that match every word, through Wagtail's search backend."""

from django.utils.translation import gettext as _

from search import query as q
from search.sections import Section

from .models import Question

SECTION_SIZE = 5


def question_section(request, words, filters):
    """None when the searcher chose a page type: questions are no page type."""
    if filters.content_type is not None:
        return None
    questions = Question.objects.listed_for(request.user)
    if not filters.all_languages:
        questions = questions.filter(locale=filters.locale)
    for term in filters.terms:  # a topic, sector or region: questions have all three
        tagged = Question.objects.filter(**{field_for(term): term})
        questions = questions.filter(pk__in=list(tagged.values_list("pk", flat=True)))
    backend = q.backend_for(filters)
    found = backend.search(q.search_query(backend, words), questions)
    count = found.count()
    if not count:
        return None
    return Section(
        label=_("Questions and answers"),
        count=count,
        items=[
            {
                "kind": _("Question"),
                "title": question.title,
                "url": question.get_absolute_url(),
                "date": question.created_at,
                "snippet": q.snippet([question.details], words),
            }
            for question in found[:SECTION_SIZE]
        ],
    )


def field_for(term):
    """The question's field holding a topic, sector or region (named as on pages)."""
    return next(name for _label, model, name in q.FACET_TERMS if isinstance(term, model))

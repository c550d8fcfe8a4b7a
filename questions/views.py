"""Questions and answers on the public site: reading, asking, answering and editing.

Members-only unless an editor made a resolved question public. Every lookup goes through
`Question.objects.visible_to()`, so an id someone may not read is a 404 whatever the view.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from home.listing import public
from knowledge.models import KnowledgeArticlePage
from localization.locales import active_language_code, active_locale
from members import responses
from members.access import member_required
from members.responses import private

from . import events
from .access import is_moderator, takes_part
from .forms import AnswerForm, QuestionForm
from .limits import over_limit
from .listing import QuestionList
from .models import Answer, HelpfulVote, PostEdit, Question, QuestionFollow, State, shown_to
from .terms import in_reader_language

SUGGESTIONS = 5


def visible_question(request, question_id):
    return get_object_or_404(Question.objects.visible_to(request.user), pk=question_id)


def visible_answer(request, answer_id):
    """An answer the person may read, on a question they may read; else 404."""
    user = request.user
    answers = Answer.objects.filter(
        shown_to(user, is_moderator(user)),
        question__in=Question.objects.visible_to(user),
    )
    return get_object_or_404(answers.select_related("question", "author"), pk=answer_id)


def is_trusted(user):
    """Moderators, and members with a published post, post without waiting for a moderator."""
    if is_moderator(user):
        return True
    published = Q(author=user, state=State.PUBLISHED)
    return Question.objects.filter(published).exists() or Answer.objects.filter(published).exists()


@private
def index(request):
    return render(request, "questions/index.html", {"listing": QuestionList(request)})


@private
@member_required
def ask(request):
    form = QuestionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if over_limit(request.user, "question"):
            return rate_limited(request)
        question = form.instance
        question.author = request.user
        question.locale = active_locale()
        question.state = State.PUBLISHED if is_trusted(request.user) else State.HELD
        form.save_attachments(request.user)
        form.save()
        if question.state == State.PUBLISHED:
            events.question_published(question)
            messages.success(request, _("Your question has been posted."))
        else:
            messages.info(
                request,
                _("Thank you. Your question will appear once a moderator has approved it."),
            )
        return redirect(question)
    return render(request, "questions/question_form.html", {"form": form, "asking": True})


def rate_limited(request):
    return responses.rate_limited(request, reverse("questions:index"), _("Back to the questions"))


def question_context(request, question, answer_form=None):
    """What the question page shows, in a fixed number of queries however many answers."""
    user = request.user
    moderator = is_moderator(user)
    answers = question.answers.filter(shown_to(user, moderator)).select_related("author").ranked()
    if user.is_authenticated:
        answers = answers.annotate(
            voted=Exists(HelpfulVote.objects.filter(answer=OuterRef("pk"), user=user))
        )
    if moderator:
        history = PostEdit.objects.select_related("editor")
        answers = answers.prefetch_related(Prefetch("edits", queryset=history))
    answers = list(answers)
    resolved = any(item.is_accepted and item.state == State.PUBLISHED for item in answers)
    is_asker = question.author_id == user.pk
    participant = takes_part(user)
    can_answer = participant and question.state == State.PUBLISHED and not question.locked
    if can_answer and answer_form is None:
        answer_form = AnswerForm()
    topics = list(question.topics.all())
    terms = [*topics, question.sector, question.region]
    # Read in the language it was asked in (the usual case), its Locale needs no query.
    reading = question.locale if question.locale.language_code == active_language_code() else None
    names = in_reader_language([term for term in terms if term is not None], reading)
    return {
        "question": question,
        "topics": topics,
        "term_names": list(names.values()),
        "answers": answers,
        "answer_form": answer_form if can_answer else None,
        "takes_part": participant,
        "moderator": moderator,
        "history": question.edits.select_related("editor") if moderator else (),
        "following": participant and question.following,
        "is_asker": is_asker,
        "resolved": resolved,
        "can_make_article": resolved and not question.article_id and (moderator or is_asker),
    }


def question_for_page(request, question_id, merged=False):
    """The question with its author and terms, and whether the reader follows it, in one query;
    with `merged`, a duplicate merged into another too. Its image and document (few questions
    have one) are looked up when the page shows them: joining them costs every page."""
    user = request.user
    questions = Question.objects.visible_to(user)
    if merged:
        questions |= Question.objects.filter(merged_into__isnull=False)
    questions = questions.select_related(
        "author", "sector", "region", "article", "locale"
    ).annotate(
        following=Exists(QuestionFollow.objects.filter(question=OuterRef("pk"), user_id=user.pk))
    )
    return get_object_or_404(questions, pk=question_id)


@private
def detail(request, question_id):
    try:
        question = question_for_page(request, question_id, merged=True)
        if question.merged_into_id:  # a duplicate merged into another: its address leads there
            target = visible_question(request, question.merged_into_id)
            return redirect(target, permanent=True)
    except Http404:
        if request.user.is_authenticated:
            raise
        # A member signed out, following a link from an email; the same for every address, so
        # it tells a visitor nothing about which questions exist.
        return redirect_to_login(request.get_full_path())
    return render(request, "questions/detail.html", question_context(request, question))


@private
@member_required
def answer(request, question_id):
    if request.method != "POST":
        return redirect("questions:detail", question_id)
    question = question_for_page(request, question_id)
    if question.locked or question.state != State.PUBLISHED:
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if form.is_valid():
        if over_limit(request.user, "answer"):
            return rate_limited(request)
        reply = form.save(commit=False)
        reply.question = question
        reply.author = request.user
        reply.state = State.PUBLISHED if is_trusted(request.user) else State.HELD
        reply.save()
        if reply.state == State.PUBLISHED:
            events.answer_published(reply)
            messages.success(request, _("Your answer has been posted."))
        else:
            messages.info(
                request, _("Thank you. Your answer will appear once a moderator has approved it.")
            )
        return redirect(reply)
    context = question_context(request, question, answer_form=form)
    return render(request, "questions/detail.html", context)


def record_edit(post, user, body, title=""):
    """Keep the version before an edit; editors read the history on the question page."""
    PostEdit.objects.create(post=post, editor=user, title=title, body=body)


def editable(post, user):
    """Only a post's author edits it, and not once the question is locked."""
    question = post if isinstance(post, Question) else post.question
    if post.author_id != user.pk or question.locked:
        raise PermissionDenied


@private
@member_required
def edit_question(request, question_id):
    question = visible_question(request, question_id)
    editable(question, request.user)
    title, details = question.title, question.details
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if form.has_changed():
                record_edit(question, request.user, details, title=title)
            form.save()
        messages.success(request, _("Your question has been updated."))
        return redirect(question)
    return render(request, "questions/question_form.html", {"form": form, "question": question})


@private
@member_required
def edit_answer(request, answer_id):
    reply = visible_answer(request, answer_id)
    editable(reply, request.user)
    before = reply.body
    form = AnswerForm(request.POST or None, instance=reply)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if form.has_changed():
                record_edit(reply, request.user, before)
            form.save()
        messages.success(request, _("Your answer has been updated."))
        return redirect(reply)
    return render(request, "questions/answer_form.html", {"form": form, "answer": reply})


@private
def similar(request):
    """Search-as-you-type while asking: similar questions and knowledge articles the person may
    read, as JSON (title and address)."""
    query = " ".join(request.GET.get("q", "").split())[:200]
    if len(query) < 2:
        return JsonResponse({"questions": [], "articles": []})
    member = takes_part(request.user)
    questions = Question.objects.filter(state=State.PUBLISHED, merged_into__isnull=True)
    articles = KnowledgeArticlePage.objects.live()
    if not member:
        questions = questions.filter(is_public=True)
        articles = articles.filter(members_only=False)
    found_questions = questions.autocomplete(query)[:SUGGESTIONS]
    found_articles = list(articles.autocomplete(query)[:SUGGESTIONS])
    if not member:  # the search backend cannot filter on view restrictions: check the few found
        readable = public(
            KnowledgeArticlePage.objects.filter(pk__in=[a.pk for a in found_articles])
        )
        allowed = set(readable.values_list("pk", flat=True))
        found_articles = [a for a in found_articles if a.pk in allowed]
    return JsonResponse(
        {
            "questions": [{"title": q.title, "url": q.get_absolute_url()} for q in found_questions],
            "articles": [{"title": a.title, "url": a.url} for a in found_articles],
        }
    )

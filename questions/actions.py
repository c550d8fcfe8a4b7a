"""What members do to posts (vote, accept, follow, flag) and what moderators do (hide, restore,
lock, make public, merge, turn into an article). All POST, all idempotent: a double click or two
parallel requests leave one row and the right counts (unique constraints + get_or_create)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.access import member_required
from peers import expertise

from . import cache, events
from .access import is_moderator
from .articles import create_article, knowledge_index_for
from .forms import FlagForm, MergeForm
from .limits import over_limit
from .models import Answer, HelpfulVote, Question, QuestionFollow, State
from .views import (
    private,
    rate_limited,
    visible_answer,
    visible_question,
)


def moderator_required(view):
    def wrapped(request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_POST
@member_required
def vote(request, answer_id):
    reply = visible_answer(request, answer_id)
    if reply.author_id == request.user.pk:
        raise PermissionDenied  # never on one's own answer
    if reply.question.locked or reply.state != State.PUBLISHED:
        raise PermissionDenied
    if over_limit(request.user, "vote"):
        return rate_limited(request)
    if request.POST.get("action") == "undo":
        HelpfulVote.objects.filter(answer=reply, user=request.user).delete()
    else:
        HelpfulVote.objects.get_or_create(answer=reply, user=request.user)
    return redirect(reply)


@require_POST
@member_required
def accept(request, answer_id):
    reply = visible_answer(request, answer_id)
    question = reply.question
    if question.author_id != request.user.pk or question.locked:
        raise PermissionDenied
    if reply.state != State.PUBLISHED:
        raise PermissionDenied
    with transaction.atomic():
        # The question's row lock orders parallel accepts; the last one wins, whole.
        Question.objects.select_for_update().get(pk=question.pk)
        Answer.objects.filter(question=question, is_accepted=True).exclude(pk=reply.pk).update(
            is_accepted=False
        )
        Answer.objects.filter(pk=reply.pk).update(is_accepted=True)
    cache.listed_changed()
    events.answer_accepted(reply)
    messages.success(request, _("You accepted this answer."))
    return redirect(reply)


@require_POST
@member_required
def follow(request, question_id):
    question = visible_question(request, question_id)
    if over_limit(request.user, "follow"):
        return rate_limited(request)
    if request.POST.get("action") == "unfollow":
        QuestionFollow.objects.filter(question=question, user=request.user).delete()
        messages.success(request, _("You no longer follow this question."))
    else:
        QuestionFollow.objects.get_or_create(question=question, user=request.user)
        messages.success(request, _("You follow this question: new answers reach your inbox."))
    return redirect(question)


@private
@member_required
def flag(request, kind, post_id):
    post = visible_question(request, post_id) if kind == "question" else None
    if kind == "answer":
        post = visible_answer(request, post_id)
    if post is None:
        raise Http404
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if over_limit(request.user, "flag"):
            return rate_limited(request)
        post.flag(request.user, form.cleaned_data["reason"])
        messages.success(request, _("Thank you. A moderator will look at it."))
        return redirect(post)
    return render(request, "questions/flag.html", {"form": form, "post": post, "kind": kind})


def accepted_answerers(question):
    """Authors of the question's accepted answer: a contribution of theirs (peers), so hiding,
    publishing or merging the question or answer refreshes their topics and profile at once."""
    return list(question.answers.filter(is_accepted=True).values_list("author_id", flat=True))


def set_state(post, state):
    """Hide or publish a post; publishing a held post tells people about it (once)."""
    published = post.moderate(state)
    if isinstance(post, Question):
        cache.updated(post)
        expertise.refresh(accepted_answerers(post))
    else:
        cache.listed_changed()
        if post.is_accepted:
            expertise.refresh([post.author_id])
    if published:
        (events.question_published if isinstance(post, Question) else events.answer_published)(post)


QUESTION_ACTIONS = {
    "hide": {"state": State.HIDDEN},
    "publish": {"state": State.PUBLISHED},
    "lock": {"locked": True},
    "unlock": {"locked": False},
    "make_public": {"is_public": True},
    "make_private": {"is_public": False},
}


@require_POST
@moderator_required
def moderate_question(request, question_id):
    question = visible_question(request, question_id)
    change = QUESTION_ACTIONS.get(request.POST.get("action"))
    if change is None:
        raise Http404
    if (
        change.get("is_public")
        and not question.answers.filter(is_accepted=True, state=State.PUBLISHED).exists()
    ):
        messages.error(request, _("Only a resolved question can be made public."))
        return redirect(question)
    if "state" in change:
        set_state(question, change["state"])
    else:
        Question.objects.filter(pk=question.pk).update(**change)
        cache.updated(question)
    messages.success(request, _("The question has been updated."))
    return redirect(question)


@require_POST
@moderator_required
def moderate_answer(request, answer_id):
    reply = visible_answer(request, answer_id)
    state = {"hide": State.HIDDEN, "publish": State.PUBLISHED}.get(request.POST.get("action"))
    if state is None:
        raise Http404
    set_state(reply, state)
    messages.success(request, _("The answer has been updated."))
    return redirect(reply.question)


@private
@moderator_required
def merge(request, question_id):
    """Merge a duplicate into another question: its answers and followers move, and its address
    redirects there."""
    question = visible_question(request, question_id)
    candidates = Question.objects.visible_to(request.user)
    form = MergeForm(request.POST or None, question=question, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        with transaction.atomic():
            answerers = accepted_answerers(question)
            question.answers.update(question=target, is_accepted=False)
            for user_id in question.follows.values_list("user_id", flat=True):
                QuestionFollow.objects.get_or_create(question=target, user_id=user_id)
            Question.objects.filter(pk=question.pk).update(merged_into=target)
            cache.updated(question)
            expertise.refresh(answerers)
        messages.success(request, _("The question has been merged."))
        return redirect(target)
    return render(request, "questions/merge.html", {"form": form, "question": question})


@require_POST
@member_required
def to_article(request, question_id):
    """An editor or the asker turns a resolved question into a draft knowledge article."""
    question = visible_question(request, question_id)
    if not (is_moderator(request.user) or question.author_id == request.user.pk):
        raise PermissionDenied
    answer = question.accepted_answer()
    if answer is None or knowledge_index_for(question) is None:
        messages.error(request, _("Only a resolved question can become an article."))
        return redirect(question)
    article, created = create_article(question.pk, request.user)
    if created:
        events.article_created(question, answer, request.user)
    messages.success(
        request,
        _("A draft article was created. It is published once editors have reviewed it."),
    )
    if is_moderator(request.user):
        return redirect(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    return redirect(question)

"""The questions page, the groups list, a group's page and its board from cached fragments
(docs/caching.md, Members): each reader sees what they may see as it is now, never a private
group's discussion outside the group, and never another reader's held posts."""

import pytest

from django.urls import reverse

from knowledge.factories import MemberFactory
from portal.page_cache import current_generation
from questions.factories import AnswerFactory, QuestionFactory
from questions.models import State
from tests.helpers import cached, login, page
from workgroups.factories import (
    ConvenerFactory,
    MembershipFactory,
    ReplyFactory,
    ThreadFactory,
    WorkingGroupFactory,
)
from workgroups.models import Status

QUESTIONS = reverse("questions:index")
GROUPS = reverse("workgroups:index")


@pytest.fixture(autouse=True)
def fragments_cached(settings):
    settings.PAGE_CACHE_ENABLED = True  # and so members' fragments (never pages, for them)


def board(group):
    return reverse("workgroups:board", args=[group.pk])


def test_an_answer_shows_in_the_questions_list_at_once(site, member, other_member):
    question = QuestionFactory(title="Which heat pump?")
    reader = login(member)
    assert "0 answers" in cached(reader, QUESTIONS)
    AnswerFactory(question=question, author=other_member)
    assert "1 answer" in page(reader, QUESTIONS)


def test_a_question_a_moderator_hides_leaves_the_list_at_once(site, member, editor):
    question = QuestionFactory(title="Which heat pump?")
    reader = login(member)
    assert "Which heat pump?" in cached(reader, QUESTIONS)
    login(editor).post(reverse("questions:moderate", args=[question.pk]), {"action": "hide"})
    assert "Which heat pump?" not in page(reader, QUESTIONS)


def test_a_held_question_shows_to_its_author_and_moderators_never_to_other_members(
    site, member, other_member, editor
):
    QuestionFactory(title="Which heat pump?")
    QuestionFactory(title="My held question", author=member, state=State.HELD)
    for reader in (login(other_member), login(member), login(editor), login(other_member)):
        page(reader, QUESTIONS)
    assert "My held question" not in cached(login(other_member), QUESTIONS)
    assert "My held question" in cached(login(member), QUESTIONS)
    assert "My held question" in cached(login(editor), QUESTIONS)


def test_members_only_questions_never_purge_visitors_pages(site, member, other_member):
    generation = current_generation()
    question = QuestionFactory(title="Which heat pump?", author=member, topics=[])
    AnswerFactory(question=question, author=other_member)
    assert current_generation() == generation


def test_a_private_groups_cached_board_never_reaches_an_outsider(site, member, other_member):
    group = WorkingGroupFactory(name="Heat pumps")
    ThreadFactory(group=group, title="Our confidential survey")
    own_group = MembershipFactory(user=other_member).group
    MembershipFactory(group=group, user=member)
    assert "Our confidential survey" in cached(login(member), board(group))
    outsider = login(other_member)
    assert outsider.get(board(group)).status_code == 404
    assert "Our confidential survey" not in cached(outsider, board(own_group))
    assert "Our confidential survey" not in cached(outsider, group.get_absolute_url())
    assert "Our confidential survey" not in cached(outsider, GROUPS)


def test_a_new_thread_reply_and_a_hidden_thread_show_on_the_board_at_once(site, member):
    group = WorkingGroupFactory(name="Heat pumps")
    convener = ConvenerFactory(group=group).user
    MembershipFactory(group=group, user=member)
    thread = ThreadFactory(group=group, title="Which survey?", author=convener)
    reader = login(member)
    assert "0 replies" in cached(reader, board(group))
    ReplyFactory(thread=thread, author=convener)
    assert "1 reply" in page(reader, board(group))
    ThreadFactory(group=group, title="Meeting notes", author=convener)
    assert "Meeting notes" in page(reader, board(group))
    login(convener).post(
        reverse("workgroups:moderate_thread", args=[group.pk, thread.pk]), {"action": "hide"}
    )
    assert "Which survey?" not in page(reader, board(group))


def test_a_held_thread_shows_to_its_author_and_conveners_never_to_other_members(
    site, member, other_member
):
    group = WorkingGroupFactory(name="Heat pumps")
    convener = ConvenerFactory(group=group).user
    MembershipFactory(group=group, user=member)
    MembershipFactory(group=group, user=other_member)
    ThreadFactory(group=group, title="My held thread", author=member, state=State.HELD)
    for reader in (login(other_member), login(member), login(convener)):
        page(reader, board(group))
    assert "My held thread" not in cached(login(other_member), board(group))
    assert "My held thread" in cached(login(member), board(group))
    assert "My held thread" in cached(login(convener), board(group))


def test_a_new_convener_shows_on_the_groups_page_at_once(site, member):
    group = WorkingGroupFactory(name="Heat pumps")
    reader = login(member)
    assert "None named yet." in cached(reader, group.get_absolute_url())
    ConvenerFactory(group=group, user=MemberFactory(first_name="Conny", last_name="Vener"))
    assert "Conny Vener" in page(reader, group.get_absolute_url())


def test_a_proposed_group_is_listed_for_its_members_only_and_renamed_at_once(
    site, member, other_member
):
    group = WorkingGroupFactory(name="Cargo bikes", status=Status.PROPOSED)
    MembershipFactory(group=group, user=member)
    assert "Cargo bikes" in cached(login(member), GROUPS)
    assert "Cargo bikes" not in cached(login(other_member), GROUPS)
    group.name = "Cargo bike library"
    group.save()
    assert "Cargo bike library" in page(login(member), GROUPS)

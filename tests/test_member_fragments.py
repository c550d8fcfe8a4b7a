"""The directory and profiles from cached fragments (docs/caching.md, Members): each member sees
what they may see as it is now: never another member's suggestions or contact details, never
someone who unlisted themselves, left or blocked them, and every change at once."""

import pytest

from django.urls import reverse

from home.factories import TopicFactory
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
)
from peers.models import Introduction
from questions.factories import AnswerFactory, QuestionFactory
from tests.helpers import cached, login, page
from tests.test_peers import DIRECTORY, profile_of, publish


@pytest.fixture(autouse=True)
def fragments_cached(settings):
    settings.PAGE_CACHE_ENABLED = True  # and so members' fragments (never pages, for them)


@pytest.fixture
def people(home):
    """Nadia looks for heat pump advice, which Omar's article gives; Pia looks for a bike
    workshop; Quinn is unlisted."""
    topic = TopicFactory(name="Heat pumps")
    nadia = profile_of("Nadia", "Seeker", looking_for="Advice on a heat pump for our hall")
    omar = profile_of("Omar", "Writer", can_help_with="Retrofitting village halls")
    pia = profile_of("Pia", "Cyclist", looking_for="A bike workshop to copy")
    quinn = profile_of("Quinn", "Hidden", listed=False, bio="Quiet about heat pumps")
    index = KnowledgeIndexPageFactory(parent=home)
    publish(
        KnowledgeArticlePageFactory(
            parent=index, title="Heat pump lessons", owner=omar.user, topics=[topic]
        )
    )
    return {"nadia": nadia, "omar": omar, "pia": pia, "quinn": quinn}


def test_each_member_sees_their_own_suggestions_never_anothers(people):
    nadia, pia = people["nadia"], people["pia"]
    assert "Omar Writer" in cached(login(nadia.user), nadia.get_absolute_url())
    own = cached(login(pia.user), pia.get_absolute_url())
    assert "You might talk to" in own and "Omar Writer" not in own
    other = cached(login(pia.user), nadia.get_absolute_url())
    assert "You might talk to" not in other and "Edit my profile" not in other


def test_a_member_who_unlists_themselves_leaves_the_directory_and_suggestions_at_once(people):
    nadia, omar = people["nadia"], people["omar"]
    reader = login(nadia.user)
    assert "Omar Writer" in cached(reader, DIRECTORY)
    assert "Omar Writer" in cached(reader, nadia.get_absolute_url())
    omar.listed_in_directory = False
    omar.save()
    assert "Omar Writer" not in page(reader, DIRECTORY)
    assert "Omar Writer" not in page(reader, nadia.get_absolute_url())
    assert reader.get(omar.get_absolute_url()).status_code == 404


def test_a_member_who_leaves_is_gone_from_the_directory_at_once(people):
    reader = login(people["nadia"].user)
    assert "Omar Writer" in cached(reader, DIRECTORY)
    people["omar"].user.is_active = False
    people["omar"].user.save()
    assert "Omar Writer" not in page(reader, DIRECTORY)


def test_a_block_holds_on_suggestions_shown_before_it(people):
    nadia, omar = people["nadia"], people["omar"]
    reader = login(nadia.user)
    assert "Omar Writer" in cached(reader, nadia.get_absolute_url())
    login(omar.user).post(reverse("peers:block", args=[nadia.user_id]), {"action": "block"})
    assert "Omar Writer" not in page(reader, nadia.get_absolute_url())


def test_an_unlisted_profile_seen_by_the_network_team_stays_hidden_from_members(people):
    quinn = people["quinn"]
    assert "Quiet about heat pumps" in cached(login(EditorFactory()), quinn.get_absolute_url())
    response = login(people["nadia"].user).get(quinn.get_absolute_url())
    assert response.status_code == 404
    assert "Quiet about heat pumps" not in response.content.decode()


def test_contact_details_reach_only_the_introduced_member_and_the_email_only_if_chosen(people):
    nadia, omar, pia = people["nadia"], people["omar"], people["pia"]
    omar.contact_details = "Signal @omar"
    omar.contact_preference = omar.Contact.EMAIL
    omar.save()
    Introduction.objects.create(
        requester=nadia.user, recipient=omar.user, note="Hi", status=Introduction.Status.ACCEPTED
    )
    introduced = cached(login(nadia.user), omar.get_absolute_url())
    assert "Signal @omar" in introduced and omar.user.email in introduced
    stranger = cached(login(pia.user), omar.get_absolute_url())
    assert "Signal @omar" not in stranger and omar.user.email in stranger
    omar.contact_preference = omar.Contact.INTRODUCTION
    omar.save()
    assert omar.user.email not in page(login(pia.user), omar.get_absolute_url())


def test_what_a_member_changes_shows_at_once(people):
    nadia, omar = people["nadia"], people["omar"]
    reader = login(nadia.user)
    for url in (DIRECTORY, omar.get_absolute_url()):
        assert "Retrofitting village halls" in cached(reader, url)
    edited = {"first_name": "Omari", "last_name": "Writer", "can_help_with": "Solar on chapels"}
    edited.update(contact_preference="introduction", listed_in_directory="on")
    assert login(omar.user).post(reverse("members:edit_profile"), edited).status_code == 302
    for url in (DIRECTORY, omar.get_absolute_url()):
        shown = page(reader, url)
        assert "Solar on chapels" in shown and "Retrofitting" not in shown
        assert "Omari Writer" in shown


def test_an_accepted_answer_shows_on_the_answerers_profile_at_once(people):
    nadia, pia = people["nadia"], people["pia"]
    question = QuestionFactory(author=nadia.user, title="Which bike stands last?")
    answer = AnswerFactory(question=question, author=pia.user)
    reader = login(people["omar"].user)
    assert "Which bike stands last?" not in cached(reader, pia.get_absolute_url())
    accepted = login(nadia.user).post(reverse("questions:accept", args=[answer.pk]))
    assert accepted.status_code == 302
    assert "Which bike stands last?" in page(reader, pia.get_absolute_url())


def test_an_accepted_answer_hidden_or_merged_away_leaves_the_profile_at_once(people):
    nadia, pia = people["nadia"], people["pia"]
    moderator = login(EditorFactory())
    reader = login(people["omar"].user)
    for action in ("hide", "merge"):
        question = QuestionFactory(author=nadia.user, title=f"Bike stands ({action})?")
        answer = AnswerFactory(question=question, author=pia.user)
        login(nadia.user).post(reverse("questions:accept", args=[answer.pk]))
        assert question.title in cached(reader, pia.get_absolute_url())
        if action == "hide":
            url = reverse("questions:moderate_answer", args=[answer.pk])
            moderator.post(url, {"action": "hide"})
        else:
            target = QuestionFactory(author=nadia.user)
            url = reverse("questions:merge", args=[question.pk])
            moderator.post(url, {"target": target.pk})
        assert question.title not in page(reader, pia.get_absolute_url())

"""Members discovering each other: expertise from contributions, the directory's search and
facets, matches, introductions and blocks (peers/, members/directory.py)."""

import threading

import pytest

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import RegionFactory, SectorFactory, TopicFactory
from knowledge.factories import (
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
    UserFactory,
)
from members.factories import MemberProfileFactory, approved_comment
from members.models import MemberProfile
from notifications.models import Notification
from peers import expertise
from peers.models import Block, Introduction
from questions.factories import AnswerFactory, QuestionFactory
from tests.helpers import login
from workgroups.factories import ConvenerFactory, WorkingGroupFactory
from workgroups.models import Status

DIRECTORY = reverse("members:directory")


def profile_of(first, last, listed=True, **fields):
    user = MemberFactory(first_name=first, last_name=last, email=f"{first.lower()}@example.org")
    fields.setdefault("can_help_with", "")
    fields.setdefault("looking_for", "")
    fields.setdefault("bio", "")
    return MemberProfileFactory(user=user, listed_in_directory=listed, **fields)


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def heat_pumps(db):
    return TopicFactory(name="Heat pumps", slug="heat-pumps")


@pytest.fixture
def people(home, heat_pumps):
    """Nadia looks for heat pump advice; Omar wrote the article; Pia only states the topic;
    Quinn (unlisted) wrote one too."""
    nadia = profile_of("Nadia", "Seeker", looking_for="Advice on a heat pump for our hall")
    omar = profile_of("Omar", "Writer", can_help_with="Retrofitting village halls")
    pia = profile_of("Pia", "Stated", expertise=[heat_pumps])
    quinn = profile_of("Quinn", "Hidden", listed=False, can_help_with="Heat pump grants")
    index = KnowledgeIndexPageFactory(parent=home)
    for author, title in ((omar, "Heat pump lessons from a village hall"), (quinn, "Pumps")):
        publish(
            KnowledgeArticlePageFactory(
                parent=index, title=title, owner=author.user, topics=[heat_pumps]
            )
        )
    return {"nadia": nadia, "omar": omar, "pia": pia, "quinn": quinn}


def names(response):
    return [profile.display_name for profile in response.context["listing"].profiles]


# The directory


def test_heat_pump_finds_the_member_whose_looking_for_says_heat_pump(client, people):
    client.force_login(people["omar"].user)
    assert "Nadia Seeker" in names(client.get(DIRECTORY, {"q": "heat pump"}))


def test_members_with_published_work_on_the_query_come_first(client, people, heat_pumps):
    client.force_login(people["nadia"].user)
    found = names(client.get(DIRECTORY, {"q": "heat pumps"}))
    assert found[0] == "Omar Writer"
    assert "Pia Stated" in found


def test_a_peer_is_found_by_a_contribution_they_never_stated(client, people):
    client.force_login(people["nadia"].user)
    assert names(client.get(DIRECTORY, {"q": "village hall lessons"})) == ["Omar Writer"]


def test_unlisted_members_are_never_found_nor_counted(client, people, heat_pumps):
    client.force_login(people["nadia"].user)
    response = client.get(DIRECTORY, {"q": "grants"})
    assert names(response) == []
    response = client.get(DIRECTORY, {"topic": heat_pumps.slug})
    assert "Quinn" not in response.content.decode()
    assert f"{heat_pumps.name} (2)" in response.content.decode()  # Omar and Pia


def test_facets_narrow_by_topic_sector_region_and_language(client, people, heat_pumps):
    sector, region = SectorFactory(name="Housing"), RegionFactory(name="North")
    omar = people["omar"]
    omar.sector, omar.region = sector, region
    omar.save()
    omar.languages.set([heat_pumps.locale])
    client.force_login(people["nadia"].user)
    for params in (
        {"topic": heat_pumps.slug, "sector": sector.slug},
        {"region": region.slug},
        {"language": heat_pumps.locale.language_code, "q": "heat"},
    ):
        assert names(client.get(DIRECTORY, params)) == ["Omar Writer"], params
    assert "Housing (1)" in client.get(DIRECTORY).content.decode()


def test_the_directory_is_for_members_only(client, people):
    assert client.get(DIRECTORY, {"q": "heat"}).status_code == 302
    client.force_login(UserFactory())
    assert client.get(DIRECTORY).status_code == 403


def test_bad_directory_input_answers_200(client, people):
    client.force_login(people["nadia"].user)
    for params in ({"q": "\x00"}, {"q": "heat" * 40}, {"topic": "nope"}, {"page": "x"}):
        assert client.get(DIRECTORY, params).status_code == 200


def test_the_directory_takes_a_constant_number_of_queries(client, people, heat_pumps):
    client.force_login(people["nadia"].user)

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(DIRECTORY, {"q": "heat"}).status_code == 200
        return len(context.captured_queries)

    count()  # the first request fills the per-process caches (site root paths, settings)
    before = count()
    for n in range(4):
        profile_of(f"Extra{n}", "Member", can_help_with="heat", expertise=[heat_pumps])
    assert count() == before


# Expertise from contributions


def test_the_profile_shows_articles_accepted_answers_and_case_studies(client, people, home):
    omar = people["omar"]
    question = QuestionFactory(title="Which heat pump for a hall?", topics=[])
    AnswerFactory(question=question, author=omar.user, is_accepted=True)
    case = publish(
        CaseStudyPageFactory(
            parent=CaseStudyIndexPageFactory(parent=home),
            title="A hall warmed by the ground",
            contact_user=omar.user,
        )
    )
    expertise.refresh([omar.user_id])
    client.force_login(people["nadia"].user)
    page = client.get(omar.get_absolute_url()).content.decode()
    for title in ("Heat pump lessons from a village hall", question.title, case.title):
        assert title in page
    assert "Heat pumps" in page


def test_convening_a_live_group_shows_it_and_its_topics_as_expertise(client, people):
    topic = TopicFactory(name="Community energy")
    group = WorkingGroupFactory(name="Community energy circle", topics=[topic])
    group.save()  # a cluster's many-to-many is written on save
    pia = people["pia"]
    ConvenerFactory(group=group, user=pia.user)
    assert topic in pia.topics.all()
    client.force_login(people["nadia"].user)
    assert group.name in client.get(pia.get_absolute_url()).content.decode()
    assert "Pia Stated" in names(client.get(DIRECTORY, {"q": "community energy circle"}))


def test_a_proposed_group_is_not_yet_expertise(people):
    topic = TopicFactory(name="Wind")
    group = WorkingGroupFactory(status=Status.PROPOSED, topics=[topic])
    group.save()
    ConvenerFactory(group=group, user=people["pia"].user)
    assert topic not in people["pia"].topics.all()


def test_publishing_an_article_adds_its_topics_to_the_authors_expertise(people, home):
    topic = TopicFactory(name="Solar")
    pia = people["pia"]
    publish(
        KnowledgeArticlePageFactory(
            parent=KnowledgeIndexPageFactory(parent=home), owner=pia.user, topics=[topic]
        )
    )
    assert topic in pia.topics.all()


def test_accepting_an_answer_adds_the_questions_topics(client, people):
    topic = TopicFactory(name="Insulation")
    asker = people["nadia"].user
    question = QuestionFactory(author=asker, topics=[topic])
    answer = AnswerFactory(question=question, author=people["pia"].user)
    login(asker).post(reverse("questions:accept", args=[answer.pk]))
    assert topic in people["pia"].topics.all()


# Matches


def test_people_who_can_help_on_a_question_say_why(people, heat_pumps):
    question = QuestionFactory(author=people["nadia"].user, topics=[heat_pumps])
    page = login(people["nadia"].user).get(question.get_absolute_url()).content.decode()
    assert "People who can help" in page
    assert "Heat pump lessons from a village hall" in page  # why Omar
    assert "Pia Stated" in page and "Shared topic" in page  # why Pia
    assert "Quinn" not in page
    assert page.index("Omar Writer") < page.index("Pia Stated")


def test_people_who_can_help_are_for_members_only(client, people, heat_pumps):
    question = QuestionFactory(author=people["nadia"].user, topics=[heat_pumps], is_public=True)
    AnswerFactory(question=question, is_accepted=True)
    question.save()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "People who can help" not in page


def test_people_who_can_help_on_a_case_study_and_a_topic_page(people, heat_pumps, home):
    case = publish(
        CaseStudyPageFactory(
            parent=CaseStudyIndexPageFactory(parent=home),
            contact_user=people["pia"].user,
            topics=[heat_pumps],
        )
    )
    member = login(people["nadia"].user)
    page = member.get(case.url).content.decode()
    assert "People who can help" in page and "Omar Writer" in page
    topic_page = member.get(f"{home.url}topics/{heat_pumps.slug}/").content.decode()
    assert "Omar Writer" in topic_page and "Quinn" not in topic_page


def test_blocked_members_are_not_suggested(people, heat_pumps):
    Block.objects.create(blocker=people["omar"].user, blocked=people["nadia"].user)
    question = QuestionFactory(author=people["nadia"].user, topics=[heat_pumps])
    page = login(people["nadia"].user).get(question.get_absolute_url()).content.decode()
    assert "Omar Writer" not in page


def test_you_might_talk_to_matches_looking_for_with_offers_and_work(people):
    nadia = people["nadia"]
    page = login(nadia.user).get(nadia.get_absolute_url()).content.decode()
    assert "You might talk to" in page
    assert "Omar Writer" in page and "Heat pump lessons from a village hall" in page
    assert "Quinn" not in page
    other = login(people["omar"].user).get(nadia.get_absolute_url()).content.decode()
    assert "You might talk to" not in other


def test_a_question_page_with_matches_takes_a_constant_number_of_queries(
    count_queries, client, people, heat_pumps
):
    question = QuestionFactory(author=people["nadia"].user, topics=[heat_pumps])
    client.force_login(people["nadia"].user)
    count_queries(question.get_absolute_url())  # warm the per-process caches (site, settings)
    before = count_queries(question.get_absolute_url())
    for n in range(3):
        extra = profile_of(f"Extra{n}", "Member", expertise=[heat_pumps])
        AnswerFactory(
            question=QuestionFactory(topics=[heat_pumps]), author=extra.user, is_accepted=True
        )
    expertise.refresh(MemberProfile.objects.values_list("user_id", flat=True))
    count_queries(question.get_absolute_url())  # the first request after a change refills them
    assert count_queries(question.get_absolute_url()) == before


# Matches from the cache: the cards are the same for every member; whom a reader may not be
# offered is left out per request, and a change to who or what is shown purges them.

NAMES = ("Nadia Seeker", "Omar Writer", "Pia Stated", "Quinn Hidden", "Rui Answerer")


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_ENABLED = True  # and so the fragments


def offered(client, topic):
    """The names in "People who can help" on the topic's page, as `client` reads it the second
    time: from the cache (a test's first request also makes the site's settings, which purges)."""
    return offered_at(client, f"/topics/{topic.slug}/")


def offered_at(client, address):
    client.get(address)
    html = client.get(address).content.decode()
    if 'id="matches-heading"' not in html:
        return set()
    section = html.split('id="matches-heading"', 1)[1].split("</section>", 1)[0]
    return {name for name in NAMES if name in section}


def test_cached_matches_never_offer_members_themselves(cached, people, heat_pumps):
    omar, pia = login(people["omar"].user), login(people["pia"].user)
    assert offered(omar, heat_pumps) == {"Pia Stated"}
    assert offered(pia, heat_pumps) == {"Omar Writer"}
    assert offered(omar, heat_pumps) == {"Pia Stated"}
    assert offered(login(people["nadia"].user), heat_pumps) == {"Omar Writer", "Pia Stated"}


def test_cached_matches_leave_out_blocks_either_way_for_those_two_only(cached, people, heat_pumps):
    nadia, pia = login(people["nadia"].user), login(people["pia"].user)
    assert offered(nadia, heat_pumps) == {"Omar Writer", "Pia Stated"}
    Block.objects.create(blocker=people["omar"].user, blocked=people["nadia"].user)
    Block.objects.create(blocker=people["nadia"].user, blocked=people["pia"].user)
    assert offered(nadia, heat_pumps) == set()
    assert offered(pia, heat_pumps) == {"Omar Writer"}
    assert offered(login(people["omar"].user), heat_pumps) == {"Pia Stated"}


def test_unlisting_deactivating_and_renaming_show_at_once_in_cached_matches(
    cached, people, heat_pumps
):
    nadia = login(people["nadia"].user)
    assert offered(nadia, heat_pumps) == {"Omar Writer", "Pia Stated"}
    people["pia"].listed_in_directory = False
    people["pia"].save()
    assert offered(nadia, heat_pumps) == {"Omar Writer"}
    omar = people["omar"].user
    omar.last_name = "Answerer"
    omar.first_name = "Rui"
    omar.save(update_fields=["first_name", "last_name"])
    assert offered(nadia, heat_pumps) == {"Rui Answerer"}
    omar.is_active = False
    omar.save()
    assert offered(nadia, heat_pumps) == set()


def test_an_accepted_answer_shows_at_once_in_cached_matches(cached, people, heat_pumps):
    rui = profile_of("Rui", "Answerer")
    nadia = login(people["nadia"].user)
    assert offered(nadia, heat_pumps) == {"Omar Writer", "Pia Stated"}
    question = QuestionFactory(author=people["nadia"].user, topics=[heat_pumps])
    answer = AnswerFactory(question=question, author=rui.user)
    nadia.post(reverse("questions:accept", args=[answer.pk]))
    assert offered(nadia, heat_pumps) == {"Omar Writer", "Pia Stated", "Rui Answerer"}


def test_a_case_studys_cached_matches_leave_out_each_reader_and_follow_its_published_topics(
    cached, people, heat_pumps, home
):
    solar = TopicFactory(name="Solar", slug="solar")
    profile_of("Rui", "Answerer", expertise=[solar])
    case = publish(
        CaseStudyPageFactory(
            parent=CaseStudyIndexPageFactory(parent=home),
            contact_user=people["pia"].user,
            topics=[heat_pumps],
        )
    )
    nadia = login(people["nadia"].user)
    assert offered_at(nadia, case.url) == {"Omar Writer"}  # Pia, the contact, left out
    assert offered_at(login(people["omar"].user), case.url) == set()
    assert offered_at(nadia, case.url) == {"Omar Writer"}
    case.topics = [solar]
    publish(case)
    assert offered_at(nadia, case.url) == {"Rui Answerer"}


def test_visitors_and_non_members_never_get_the_matches_a_member_was_shown(
    client, cached, people, heat_pumps, home
):
    index = KnowledgeIndexPageFactory(parent=home)
    publish(
        KnowledgeArticlePageFactory(
            parent=index,
            title="Members' heat pump costs",
            owner=people["omar"].user,
            members_only=True,
            topics=[heat_pumps],
        )
    )
    url = f"/topics/{heat_pumps.slug}/"
    for _ in range(2):  # the second from the cache
        assert (
            "Members&#x27; heat pump costs" in login(people["nadia"].user).get(url).content.decode()
        )
    for reader in (client, login(UserFactory())):
        html = reader.get(url).content.decode()
        assert "People who can help" not in html
        assert "heat pump costs" not in html


# Introductions


def ask(client, profile, note="Could we talk about heat pumps?"):
    return client.post(reverse("peers:ask", args=[profile.user_id]), {"note": note})


def test_an_introduction_accepted_shows_both_contact_details_and_never_an_email(
    people, django_capture_on_commit_callbacks
):
    nadia, omar = people["nadia"], people["omar"]
    nadia.contact_details, omar.contact_details = "Phone 0100", "Signal @omar"
    nadia.save()
    omar.save()
    mail.outbox.clear()
    asker, peer = login(nadia.user), login(omar.user)
    with django_capture_on_commit_callbacks(execute=True):
        assert ask(asker, omar).status_code == 302
    notification = Notification.objects.get(recipient=omar.user, kind="introduction")
    assert [message.to for message in mail.outbox] == [[omar.user.email]]
    assert nadia.user.email not in mail.outbox[0].body
    request = peer.get(notification.url).content.decode()
    assert "Could we talk about heat pumps?" in request and nadia.get_absolute_url() in request
    assert "Phone 0100" not in request
    assert "Signal @omar" not in asker.get(omar.get_absolute_url()).content.decode()
    response = peer.post(
        reverse("peers:respond", args=[notification.url.split("/")[-2]]), {"action": "accept"}
    )
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=nadia.user, kind="introduction_accepted")
    assert "Signal @omar" in asker.get(omar.get_absolute_url()).content.decode()
    assert "Phone 0100" in peer.get(nadia.get_absolute_url()).content.decode()
    for client, other in ((asker, omar), (peer, nadia)):
        assert other.user.email not in client.get(other.get_absolute_url()).content.decode()


def test_a_declined_request_tells_the_requester_politely_and_nothing_more(people):
    nadia, omar = people["nadia"], people["omar"]
    omar.contact_details = "Signal @omar"
    omar.save()
    ask(login(nadia.user), omar)
    introduction = Introduction.objects.get()
    login(omar.user).post(reverse("peers:respond", args=[introduction.pk]), {"action": "decline"})
    told = Notification.objects.get(recipient=nadia.user)
    assert told.kind == "introduction_declined"
    page = login(nadia.user).get(told.url).content.decode()
    assert "not taken up this time" in page and "Signal @omar" not in page


def test_introductions_refuse_oneself_blocked_members_and_repeats_clearly(people):
    nadia, omar, pia = people["nadia"], people["omar"], people["pia"]
    client = login(nadia.user)
    response = ask(client, nadia)
    assert response.status_code == 400 and "to yourself" in response.content.decode()
    Block.objects.create(blocker=pia.user, blocked=nadia.user)
    response = ask(client, pia)
    assert response.status_code == 400 and "not taking introductions" in response.content.decode()
    assert ask(client, omar).status_code == 302
    response = ask(client, omar)
    assert response.status_code == 400 and "already asked" in response.content.decode()
    assert Introduction.objects.count() == 1
    assert Notification.objects.filter(kind="introduction").count() == 1
    assert ask(client, omar, note="   ").status_code == 400


def test_blocking_declines_pending_requests_silently_and_refuses_new_ones(people):
    nadia, omar = people["nadia"], people["omar"]
    ask(login(nadia.user), omar)
    login(omar.user).post(reverse("peers:block", args=[nadia.user_id]), {"action": "block"})
    assert Introduction.objects.get().status == Introduction.Status.DECLINED
    assert not Notification.objects.filter(recipient=nadia.user).exists()
    response = ask(login(nadia.user), people["omar"])
    assert response.status_code == 400
    login(omar.user).post(reverse("peers:block", args=[nadia.user_id]), {"action": "unblock"})
    assert not Block.objects.exists()


def test_forged_and_others_ids_answer_404(client, people):
    ask(login(people["nadia"].user), people["omar"])
    introduction = Introduction.objects.get()
    client.force_login(people["pia"].user)
    for url in (
        reverse("peers:introduction", args=[introduction.pk]),
        reverse("peers:ask", args=[people["quinn"].user_id]),  # unlisted
        reverse("peers:ask", args=[999_999]),
        reverse("peers:introduction", args=[999_999]),
        reverse("peers:block", args=[people["quinn"].user_id]),
    ):
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {"note": "hi"}).status_code == 404, url
    respond = reverse("peers:respond", args=[introduction.pk])
    assert client.post(respond, {"action": "accept"}).status_code == 404
    assert client.get("/introductions/99999999999999999999/").status_code == 404
    owner = login(people["omar"].user)
    assert owner.post(respond, {"action": "hug"}).status_code == 400
    assert Introduction.objects.get().is_pending


def test_introductions_are_rate_limited_per_member(settings, people, heat_pumps):
    settings.PEERS_INTRODUCTIONS_PER_DAY = 1
    client = login(people["nadia"].user)
    assert ask(client, people["omar"]).status_code == 302
    response = ask(client, people["pia"])
    assert response.status_code == 429 and "try again tomorrow" in response.content.decode()


def test_visitors_and_non_members_cannot_ask(client, people):
    assert ask(client, people["omar"]).status_code == 302  # to the login page
    assert ask(login(UserFactory()), people["omar"]).status_code == 403
    assert not Introduction.objects.exists()


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="parallel writers need PostgreSQL (SQLite serialises writers)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_request_from_two_clients_at_once_makes_one_introduction(home):
    asker = profile_of("Ana", "Parallel").user
    peer = profile_of("Ben", "Parallel")
    barrier = threading.Barrier(2)
    statuses = []

    def run():
        client = login(asker)
        barrier.wait()
        statuses.append(ask(client, peer).status_code)
        connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [302, 400]
    assert Introduction.objects.count() == 1
    assert Notification.objects.filter(kind="introduction").count() == 1


# Comments


def test_comment_authors_link_only_to_listed_profiles(client, home, people):
    page = publish(KnowledgeArticlePageFactory(parent=KnowledgeIndexPageFactory(parent=home)))
    approved_comment(page, people["omar"].user, "Listed says hi")
    approved_comment(page, people["quinn"].user, "Unlisted says hi")
    client.force_login(people["nadia"].user)
    html = client.get(page.url).content.decode()
    assert people["omar"].get_absolute_url() in html
    assert people["quinn"].get_absolute_url() not in html
    assert "Quinn Hidden" in html


def test_pages_behind_a_password_are_not_contributions(client, people, home):
    index = KnowledgeIndexPageFactory(parent=home)
    secret = publish(
        KnowledgeArticlePageFactory(parent=index, title="Secret notes", owner=people["pia"].user)
    )
    PageViewRestriction.objects.create(
        page=secret,
        restriction_type=PageViewRestriction.PASSWORD,
        password="x",  # noqa: S106
    )
    client.force_login(people["nadia"].user)
    assert secret.title not in client.get(people["pia"].get_absolute_url()).content.decode()
    assert "Heat pump lessons" in client.get(people["omar"].get_absolute_url()).content.decode()

"""Questions and answers: who may read and do what, bad input, idempotence, moderation, articles."""

import re
import threading
from pathlib import Path

import pytest

from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from home.factories import TopicFactory
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
    UserFactory,
)
from knowledge.models import KnowledgeArticlePage
from members.factories import MemberProfileFactory
from notifications.models import Notification, TopicFollow
from questions import limits
from questions.admin_views import unanswered_questions
from questions.factories import AnswerFactory, HelpfulVoteFactory, QuestionFactory
from questions.models import Answer, Flag, HelpfulVote, PostEdit, Question, QuestionFollow, State

SECRET = "Zanzibar-members-only-token"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def topic(db):
    return TopicFactory(name="Retrofit", slug="retrofit")


@pytest.fixture
def asker(db):
    return MemberProfileFactory(user=MemberFactory(first_name="Ada", last_name="Asker")).user


@pytest.fixture
def peer(db):
    return MemberProfileFactory(user=MemberFactory(first_name="Pat", last_name="Peer")).user


@pytest.fixture
def question(home, asker, topic):
    return QuestionFactory(author=asker, topics=[topic], title=f"How to insulate? {SECRET}")


@pytest.fixture
def answer(question, peer):
    return AnswerFactory(question=question, author=peer, body="We used wood fibre boards.")


def warm_count(count_queries, address):
    """Queries of a third request: the first makes first-use rows (site settings, profile), and
    that change makes the next one re-read what the site remembers (settings, menu)."""
    count_queries(address)
    count_queries(address)
    return count_queries(address)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def url(name, *args):
    return reverse(f"questions:{name}", args=args)


# Asking and answering


def test_new_members_first_question_is_held_then_published_by_a_moderator(home, asker, topic):
    response = client_for(asker).post(
        url("ask"),
        {"title": "Heat pumps in old schools?", "details": "Any experience?", "topics": [topic.pk]},
    )
    question = Question.objects.get()
    assert response.status_code == 302
    assert question.state == State.HELD
    other = MemberFactory()
    assert client_for(other).get(question.get_absolute_url()).status_code == 404
    assert client_for(asker).get(question.get_absolute_url()).status_code == 200
    moderator = EditorFactory()
    client_for(moderator).post(url("moderate", question.pk), {"action": "publish"})
    assert client_for(other).get(question.get_absolute_url()).status_code == 200


def test_trusted_member_asks_and_the_question_is_listed_with_topics(home, asker, topic, question):
    response = client_for(asker).post(
        url("ask"),
        {
            "title": "Who has retrofitted a library?",
            "details": "See https://example.org",
            "topics": [topic.pk],
        },
    )
    new = Question.objects.get(title="Who has retrofitted a library?")
    assert response.status_code == 302
    assert new.state == State.PUBLISHED
    assert list(new.topics.all()) == [topic]
    page = client_for(MemberFactory()).get(url("index"))
    assert "Who has retrofitted a library?" in page.content.decode()
    detail = client_for(asker).get(new.get_absolute_url()).content.decode()
    assert '<a href="https://example.org" rel="nofollow">https://example.org</a>' in detail


def test_peer_answers_and_the_asker_accepts(question, asker, peer):
    AnswerFactory(author=peer)  # a published post makes the peer trusted
    response = client_for(peer).post(url("answer", question.pk), {"body": "Start with an audit."})
    reply = Answer.objects.get(question=question)
    assert response.status_code == 302 and reply.state == State.PUBLISHED
    assert client_for(asker).post(url("accept", reply.pk)).status_code == 302
    reply.refresh_from_db()
    assert reply.is_accepted


def test_answers_sort_accepted_first_then_helpfulness_then_date(question):
    oldest = AnswerFactory(question=question, body="oldest answer")
    helpful = AnswerFactory(question=question, body="helpful answer")
    accepted = AnswerFactory(question=question, body="accepted answer", is_accepted=True)
    HelpfulVoteFactory(answer=helpful)
    HelpfulVoteFactory(answer=helpful)
    HelpfulVoteFactory(answer=oldest)
    newest = AnswerFactory(question=question, body="newest answer")
    html = client_for(question.author).get(question.get_absolute_url()).content.decode()
    positions = [html.index(a.body) for a in (accepted, helpful, oldest, newest)]
    assert positions == sorted(positions)


# Who may do what


def test_visitor_sees_the_teaser_and_never_a_members_only_question(question, answer):
    client = Client()
    index = client.get(url("index"))
    assert index.status_code == 200
    body = index.content.decode()
    assert "1 question was answered in the last 30 days." in body
    assert reverse("members:join") in body
    assert SECRET not in body
    assert "private" in index["Cache-Control"]


def test_a_signed_out_member_following_a_link_to_a_question_is_asked_to_log_in(question, answer):
    for address in (question.get_absolute_url(), url("detail", 999999)):
        response = Client().get(address)
        assert response.status_code == 302, address
        assert response["Location"] == f"{reverse('login')}?next={address}"
        assert SECRET not in response.content.decode()
    assert client_for(question.author).get(url("detail", 999999)).status_code == 404


def test_visitor_reads_a_resolved_question_an_editor_made_public(question, answer, editor):
    client = client_for(editor)
    client.post(url("moderate", question.pk), {"action": "make_public"})
    question.refresh_from_db()
    assert not question.is_public  # not resolved yet
    Answer.objects.filter(pk=answer.pk).update(is_accepted=True)
    client.post(url("moderate", question.pk), {"action": "make_public"})
    question.refresh_from_db()
    assert question.is_public
    assert Client().get(question.get_absolute_url()).status_code == 200


def test_visitor_cannot_ask_answer_vote_or_follow(question, answer):
    client = Client()
    assert client.get(url("ask")).status_code == 302
    for name, arg in (("answer", question.pk), ("vote", answer.pk), ("follow", question.pk)):
        response = client.post(url(name, arg), {"body": "x"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not HelpfulVote.objects.exists() and Answer.objects.count() == 1


def test_signed_in_non_member_is_refused(question):
    outsider = UserFactory()
    assert client_for(outsider).get(url("ask")).status_code == 403
    assert client_for(outsider).get(question.get_absolute_url()).status_code == 404


def test_member_cannot_vote_on_own_answer(answer, peer):
    response = client_for(peer).post(url("vote", answer.pk))
    assert response.status_code == 403
    assert not HelpfulVote.objects.exists()


def test_member_cannot_accept_an_answer_on_someone_elses_question(answer, peer):
    response = client_for(MemberFactory()).post(url("accept", answer.pk))
    assert response.status_code == 403
    assert not Answer.objects.filter(is_accepted=True).exists()


def test_member_cannot_edit_another_members_question_or_answer(question, answer):
    other = client_for(MemberFactory())
    assert other.post(url("edit", question.pk), {"title": "Mine now"}).status_code == 403
    assert other.post(url("edit_answer", answer.pk), {"body": "Mine now"}).status_code == 403
    question.refresh_from_db()
    answer.refresh_from_db()
    assert question.title != "Mine now" and answer.body != "Mine now"


def test_forged_ids_for_what_a_member_may_not_see_are_404(question, peer):
    held = QuestionFactory(state=State.HELD)
    hidden_answer = AnswerFactory(question=question, state=State.HIDDEN)
    client = client_for(peer)
    for address in (
        held.get_absolute_url(),
        url("edit", held.pk),
        url("flag", held.pk),
        url("edit_answer", hidden_answer.pk),
        url("flag_answer", hidden_answer.pk),
        url("detail", 999999),
    ):
        assert client.get(address).status_code == 404, address
    for name, arg in (
        ("vote", hidden_answer.pk),
        ("accept", hidden_answer.pk),
        ("follow", held.pk),
    ):
        assert client.post(url(name, arg)).status_code == 404, name
    assert client.post(url("moderate", question.pk), {"action": "hide"}).status_code == 403


def test_author_edits_and_editors_read_the_history(question, asker, editor, topic):
    client_for(asker).post(
        url("edit", question.pk),
        {"title": "A clearer title", "details": "New details", "topics": [topic.pk]},
    )
    question.refresh_from_db()
    assert question.title == "A clearer title"
    edit = PostEdit.objects.get()
    assert edit.title.startswith("How to insulate?") and edit.editor == asker
    assert (
        "How to insulate?" in client_for(editor).get(question.get_absolute_url()).content.decode()
    )
    assert (
        "How to insulate?"
        not in client_for(MemberFactory()).get(question.get_absolute_url()).content.decode()
    )


# Bad input


@pytest.mark.parametrize(
    ("title", "details", "error"),
    [
        ("", "", "This field is required."),
        ("   ", "  ", "This field is required."),
        ("x" * 100_000, "ok", "Ensure this value has at most 200 characters"),
        ("ok", "x" * 100_000, "Ensure this value has at most 10000 characters"),
    ],
)
def test_bad_questions_get_clear_form_errors(home, question, asker, topic, title, details, error):
    response = client_for(asker).post(
        url("ask"), {"title": title, "details": details, "topics": [topic.pk]}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert Question.objects.count() == 1


def test_markup_and_unicode_come_back_escaped(question, asker, topic):
    title = "<script>alert(1)</script> Ünïcödé 你好 🌍"
    client_for(asker).post(
        url("ask"),
        {"title": title, "details": '<img src=x onerror="alert(1)">', "topics": [topic.pk]},
    )
    new = Question.objects.get(title=title)
    html = client_for(asker).get(new.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and 'onerror="alert' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ünïcödé 你好 🌍" in html


def test_empty_and_huge_answers_get_form_errors(question, peer):
    client = client_for(peer)
    assert (
        "This field is required."
        in client.post(url("answer", question.pk), {"body": ""}).content.decode()
    )
    huge = client.post(url("answer", question.pk), {"body": "y" * 100_000})
    assert huge.status_code == 200 and "at most 10000 characters" in huge.content.decode()
    assert not Answer.objects.exists()


def test_the_empty_answer_form_is_shared_and_a_members_errors_and_text_stay_theirs(
    question, peer, asker, settings
):
    settings.PAGE_CACHE_ENABLED = True  # and so the fragments: the empty answer form is one
    address = url("detail", question.pk)
    for _ in range(2):
        assert 'name="body"' in client_for(peer).get(address).content.decode()
    mistaken = client_for(peer).post(url("answer", question.pk), {"body": "draft " * 2000})
    html = mistaken.content.decode()
    assert "at most 10000 characters" in html and "draft draft" in html
    other = client_for(asker).get(address).content.decode()
    assert 'name="body"' in other
    assert "at most 10000 characters" not in other and "draft draft" not in other


# Idempotence


def test_double_votes_follows_and_accepts_leave_one_row(answer, asker):
    voter = client_for(MemberFactory())
    voter.post(url("vote", answer.pk))
    voter.post(url("vote", answer.pk))
    assert HelpfulVote.objects.filter(answer=answer).count() == 1
    follower = client_for(asker)
    follower.post(url("follow", answer.question_id), {"action": "follow"})
    follower.post(url("follow", answer.question_id), {"action": "follow"})
    assert QuestionFollow.objects.count() == 1
    follower.post(url("accept", answer.pk))
    follower.post(url("accept", answer.pk))
    assert Answer.objects.filter(is_accepted=True).count() == 1
    assert Notification.objects.filter(kind="accepted").count() == 1


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="parallel writers need PostgreSQL (SQLite serialises writers)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_votes_follows_and_accepts_from_two_clients_leave_one_row(home, topic):
    asker = MemberFactory()
    question = QuestionFactory(author=asker, topics=[topic])
    answers = [AnswerFactory(question=question), AnswerFactory(question=question)]
    voter = MemberFactory()

    def race(user, requests):
        barrier = threading.Barrier(len(requests))
        statuses = []

        def run(path, data):
            client = client_for(user)
            barrier.wait()
            statuses.append(client.post(path, data).status_code)
            connection.close()

        threads = [threading.Thread(target=run, args=request) for request in requests]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [302] * len(requests)

    race(voter, [(url("vote", answers[0].pk), {})] * 2)
    race(voter, [(url("follow", question.pk), {"action": "follow"})] * 2)
    race(asker, [(url("accept", answers[0].pk), {}), (url("accept", answers[1].pk), {})])
    assert HelpfulVote.objects.count() == 1
    assert QuestionFollow.objects.count() == 1
    assert Answer.objects.filter(is_accepted=True).count() == 1


# Suggestions, leaks and queries


def test_similar_questions_are_suggested_to_members_only(question):
    question.save()  # indexed
    member = client_for(MemberFactory())
    found = member.get(url("similar"), {"q": "insulate"}).json()
    assert [q["title"] for q in found["questions"]] == [question.title]
    assert Client().get(url("similar"), {"q": "insulate"}).json()["questions"] == []


def test_members_only_questions_never_reach_visitors(question, answer, home):
    question.save()
    client = Client()
    for address in (
        url("index"),
        url("similar") + "?q=Zanzibar",
        "/sitemap.xml",
        "/search/?q=Zanzibar",
        "/search/suggest/?q=Zanz",
    ):
        response = client.get(address)
        assert response.status_code in (200, 404), address
        assert SECRET not in response.content.decode(), address


def pages_with_few_and_many_answers(question, add):
    """The same page for a question with one answer and for one with eleven, counted after both
    exist (and once warmed), so only the number of answers differs."""
    crowded = QuestionFactory(author=question.author, topics=list(question.topics.all()))
    for target, number in ((question, 1), (crowded, 11)):
        for _ in range(number):
            add(AnswerFactory(question=target))
    return question.get_absolute_url(), crowded.get_absolute_url()


def test_question_page_renders_in_constant_queries(question, client, count_queries, asker):
    client.force_login(asker)
    few, many = pages_with_few_and_many_answers(question, lambda a: HelpfulVoteFactory(answer=a))
    assert warm_count(count_queries, many) == warm_count(count_queries, few)


def test_question_page_for_editors_renders_in_constant_queries(
    question, client, count_queries, editor
):
    client.force_login(editor)
    few, many = pages_with_few_and_many_answers(
        question, lambda a: PostEdit.objects.create(post=a, editor=editor, body="before")
    )
    assert warm_count(count_queries, many) == warm_count(count_queries, few)


# Moderation


def test_member_flags_and_editor_hides_and_restores(answer, editor):
    flagger = client_for(MemberFactory())
    flagger.post(url("flag_answer", answer.pk), {"reason": "Spam"})
    flagger.post(url("flag_answer", answer.pk), {"reason": "Spam"})
    assert Flag.objects.count() == 1
    client = client_for(editor)
    client.post(url("moderate_answer", answer.pk), {"action": "hide"})
    answer.refresh_from_db()
    assert answer.state == State.HIDDEN and Flag.objects.get().resolved
    assert answer.body not in flagger.get(answer.question.get_absolute_url()).content.decode()
    client.post(url("moderate_answer", answer.pk), {"action": "publish"})
    answer.refresh_from_db()
    assert answer.state == State.PUBLISHED


def test_locked_question_takes_no_answers(question, editor, peer):
    client_for(editor).post(url("moderate", question.pk), {"action": "lock"})
    assert client_for(peer).post(url("answer", question.pk), {"body": "late"}).status_code == 403


def test_merge_moves_answers_and_the_old_address_redirects(question, answer, editor, asker):
    duplicate = QuestionFactory(author=asker)
    moved = AnswerFactory(question=duplicate)
    response = client_for(editor).post(url("merge", duplicate.pk), {"target": question.pk})
    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.question == question
    old = client_for(asker).get(duplicate.get_absolute_url())
    assert old.status_code == 301 and old["Location"] == question.get_absolute_url()


def test_rate_limit_holds_across_requests(question, peer, monkeypatch):
    monkeypatch.setitem(limits.RATES, "vote", limits.Rate(2, 600))
    client = client_for(peer)
    answers = [AnswerFactory(question=question) for _ in range(3)]
    responses = [client.post(url("vote", a.pk)) for a in answers]
    assert [response.status_code for response in responses] == [302, 302, 429]
    assert f'href="{reverse("questions:index")}"' in responses[-1].content.decode()


def test_unanswered_questions_report_lists_old_questions_without_answers(question, editor):
    Question.objects.filter(pk=question.pk).update(
        created_at=question.created_at.replace(year=2020)
    )
    assert list(unanswered_questions()) == [question]
    response = client_for(editor).get(reverse("questions_unanswered"))
    assert response.status_code == 200 and question.title in response.content.decode()
    assert client_for(MemberFactory()).get(reverse("questions_unanswered")).status_code in (
        302,
        403,
    )


# From a good answer to knowledge


def test_editor_turns_a_resolved_question_into_a_draft_article(question, answer, editor, home):
    KnowledgeIndexPageFactory(parent=home)
    client = client_for(editor)
    assert client.post(url("to_article", question.pk)).status_code == 302
    assert not KnowledgeArticlePage.objects.exists()  # not resolved yet
    Answer.objects.filter(pk=answer.pk).update(is_accepted=True)
    client.post(url("to_article", question.pk))
    client.post(url("to_article", question.pk))
    article = KnowledgeArticlePage.objects.get()
    question.refresh_from_db()
    assert question.article_id == article.pk
    assert not article.live and article.owner == answer.author
    assert list(article.authors.all()) == [question.author]
    assert question.get_absolute_url() in str(article.body)
    assert (
        "This answer became an article" in client.get(question.get_absolute_url()).content.decode()
    )
    assert Notification.objects.filter(kind="article").count() == 2


def test_other_member_cannot_turn_a_question_into_an_article(question, answer, home):
    KnowledgeIndexPageFactory(parent=home)
    Answer.objects.filter(pk=answer.pk).update(is_accepted=True)
    assert client_for(MemberFactory()).post(url("to_article", question.pk)).status_code == 403
    assert not KnowledgeArticlePage.objects.exists()


# Routing


def test_new_question_is_offered_to_up_to_five_members_who_know_its_topics(
    home, asker, topic, django_capture_on_commit_callbacks
):
    QuestionFactory(author=asker)  # trusted
    experts = [MemberProfileFactory(expertise=[topic]).user for _ in range(6)]
    index = KnowledgeIndexPageFactory(parent=home)
    author = experts[0]
    KnowledgeArticlePageFactory(parent=index, owner=author, topics=[topic])
    unwilling = MemberProfileFactory(expertise=[topic]).user
    unwilling.notification_preference = None
    from notifications.models import Preference

    Preference.objects.create(user=unwilling, can_help=False)
    MemberProfileFactory()  # knows nothing about it
    with django_capture_on_commit_callbacks(execute=True):
        client_for(asker).post(
            url("ask"),
            {"title": "Retrofit grants?", "details": "Which ones?", "topics": [topic.pk]},
        )
    offered = Notification.objects.filter(kind="can_help")
    assert offered.count() == 5
    assert offered.filter(recipient=author).exists()
    assert not offered.filter(recipient=unwilling).exists()
    assert len(mail.outbox) == 5


def test_an_expert_who_follows_the_topic_and_the_question_is_told_each_event_once(
    home, asker, topic, django_capture_on_commit_callbacks
):
    QuestionFactory(author=asker)  # trusted
    expert = MemberProfileFactory(expertise=[topic]).user
    TopicFollow.objects.create(user=expert, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(asker).post(
            url("ask"), {"title": "Heat pump grants?", "details": "Any?", "topics": [topic.pk]}
        )
    question = Question.objects.get(title="Heat pump grants?")
    assert [note.kind for note in expert.notifications.all()] == ["can_help"]
    QuestionFollow.objects.create(question=question, user=expert)
    QuestionFollow.objects.create(question=question, user=asker)
    AnswerFactory(author=expert)  # trusted
    with django_capture_on_commit_callbacks(execute=True):
        client_for(expert).post(url("answer", question.pk), {"body": "Try the council."})
        client_for(asker).post(url("answer", question.pk), {"body": "Thanks, any other?"})
    assert sorted(note.kind for note in expert.notifications.all()) == [
        "can_help",
        "followed_question",
    ]
    assert sorted(note.kind for note in asker.notifications.all()) == ["answer"]
    assert [message.to for message in mail.outbox].count([expert.email]) == 2
    assert [message.to for message in mail.outbox].count([asker.email]) == 1


# Admin and demo content


def test_editors_moderate_in_the_admin_and_members_cannot(question, answer, editor):
    Flag.objects.create(post=answer, user=MemberFactory(), reason="Spam")
    addresses = [
        "/admin/question/",
        "/admin/answer/",
        "/admin/flag/",
        f"/admin/question/edit/{question.pk}/",
    ]
    for address in addresses:
        response = client_for(editor).get(address)
        assert response.status_code == 200, address
        assert client_for(MemberFactory()).get(address).status_code in (302, 403), address
    response = client_for(editor).post(
        f"/admin/question/edit/{question.pk}/",
        {
            "title": question.title,
            "details": question.details,
            "state": "published",
            "is_public": "on",
        },
    )
    assert response.status_code == 200  # the form, with its error
    assert "Only a resolved question can be made public." in response.content.decode()
    question.refresh_from_db()
    assert not question.is_public


def test_demo_questions_span_languages_and_build_twice_without_duplicates(db):
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = Question.objects.count(), Answer.objects.count(), HelpfulVote.objects.count()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Question.objects.count(), Answer.objects.count(), HelpfulVote.objects.count()) == counts
    assert counts[0] >= 25
    assert set(Question.objects.values_list("locale__language_code", flat=True)) == {
        "en",
        "fr",
        "es",
    }
    assert Answer.objects.filter(is_accepted=True).count() >= 15
    assert Question.objects.filter(article__isnull=False).count() == 1
    assert unanswered_questions().exists()
    assert Flag.objects.exists()


def test_question_titles_in_the_list_are_shown_as_typed(question, asker):
    """No style of the title's heading upper-cases it (a listing style once did)."""
    html = client_for(asker).get(url("index")).content.decode()
    heading = re.search(rf'<h2 class="([^"]+)"[^>]*><a href="{question.get_absolute_url()}"', html)
    css = (Path(settings.BASE_DIR) / "static" / "css" / "portal.css").read_text()
    for name in heading.group(1).split():
        for rule in re.findall(rf"[^{{}}]*\.{re.escape(name)}\b[^{{}}]*{{([^}}]*)}}", css):
            assert "uppercase" not in rule, name


@pytest.fixture
def spanish_question(home, peer, topic):
    from wagtail.models import Locale

    spanish = Locale.objects.get_or_create(language_code="es")[0]
    return QuestionFactory(author=peer, locale=spanish, topics=[topic], title="¿Cómo aislar?")


def test_a_topic_lists_questions_asked_in_every_language_named_in_the_readers(
    question, spanish_question, asker, topic
):
    from wagtail.models import Locale

    topic_es = topic.copy_for_translation(Locale.objects.get(language_code="es"))
    topic_es.name, topic_es.slug = "Rehabilitación", "rehabilitacion"
    topic_es.save()
    response = client_for(asker).get("/es/questions/", {"topic": "rehabilitacion"})
    listed = list(response.context["listing"].questions)
    assert set(listed) == {question, spanish_question}
    assert all(item.topic_names == ["Rehabilitación"] for item in listed)
    html = response.content.decode()
    assert f'lang="en"><a href="/es/questions/{question.pk}/"' in html


def test_members_narrow_the_questions_to_one_language(question, spanish_question, asker):
    response = client_for(asker).get(url("index"), {"lang": "es"})
    assert list(response.context["listing"].questions) == [spanish_question]
    assert client_for(asker).get(url("index"), {"lang": "xx" * 50}).status_code == 200


def test_the_ask_form_speaks_the_readers_language_down_to_the_image_help(home, asker):
    html = client_for(asker).get("/es/questions/ask/").content.decode()
    assert "Formatos admitidos: GIF" in html and "Supported formats" not in html


def test_members_list_the_questions_they_follow(question, asker, peer):
    other = QuestionFactory(author=asker)
    client_for(peer).post(url("follow", question.pk))
    response = client_for(peer).get(url("index"), {"show": "following"})
    assert list(response.context["listing"].questions) == [question]
    assert (
        other
        not in client_for(asker)
        .get(url("index"), {"show": "following"})
        .context["listing"]
        .questions
    )

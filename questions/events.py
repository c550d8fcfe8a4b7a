"""What a published post tells whom, through the notification service.

Called when a post is published: at once for trusted members, or when a moderator approves a held
post. Each event has one key, so someone reached by two routes gets one notification.
"""

from django.conf import settings
from django.utils import translation

from notifications.models import TopicFollow
from notifications.service import notify
from peers import expertise

from .models import QuestionFollow
from .routing import experts, members


def path_of(post):
    """The post's address in the default language; the inbox and emails translate it."""
    with translation.override(settings.LANGUAGE_CODE):
        return post.get_absolute_url()


def question_published(question):
    key = f"question:{question.pk}"
    url = path_of(question)
    for expert in experts(question):
        notify(expert, "can_help", key, question.title, url, actor=question.author)
    keys = question.topics.values_list("translation_key", flat=True)
    followers = members().filter(
        pk__in=TopicFollow.objects.filter(topic__translation_key__in=keys).values("user")
    )
    for follower in followers:
        notify(follower, "followed_topic", key, question.title, url, actor=question.author)


def answer_published(answer):
    question = answer.question
    key = f"answer:{answer.pk}"
    url = path_of(answer)
    notify(question.author, "answer", key, question.title, url, actor=answer.author)
    followers = members().filter(
        pk__in=QuestionFollow.objects.filter(question=question).values("user")
    )
    for follower in followers.exclude(pk=question.author_id):
        notify(follower, "followed_question", key, question.title, url, actor=answer.author)


def answer_accepted(answer):
    question = answer.question
    # Accepted answers count as expertise: the previous and the new answerer's topics change.
    expertise.refresh(question.answers.values_list("author_id", flat=True))
    notify(
        answer.author,
        "accepted",
        f"accepted:{answer.pk}",
        question.title,
        path_of(answer),
        actor=question.author,
    )


def article_created(question, answer, actor):
    for person in {question.author, answer.author}:
        notify(
            person, "article", f"article:{question.pk}", question.title, path_of(question), actor
        )

"""Factories for questions and answers; demo content and tests build from these."""

import factory
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from home.factories import many
from knowledge.factories import MemberFactory

from .models import Answer, HelpfulVote, Question, State


class QuestionFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"How did you run your first peer review, take {n}?")
    details = factory.Faker("paragraph", nb_sentences=4)
    author = factory.SubFactory(MemberFactory)
    locale = factory.LazyFunction(Locale.get_default)
    state = State.PUBLISHED
    topics = many("topics")

    class Meta:
        model = Question
        skip_postgeneration_save = True


class AnswerFactory(DjangoModelFactory):
    question = factory.SubFactory(QuestionFactory)
    author = factory.SubFactory(MemberFactory)
    body = factory.Faker("paragraph", nb_sentences=3)
    state = State.PUBLISHED

    class Meta:
        model = Answer


class HelpfulVoteFactory(DjangoModelFactory):
    answer = factory.SubFactory(AnswerFactory)
    user = factory.SubFactory(MemberFactory)

    class Meta:
        model = HelpfulVote
        django_get_or_create = ["answer", "user"]

"""Factories for members, profiles and applications; demo content and tests build from these."""

import factory
from factory.django import DjangoModelFactory

from knowledge.factories import MemberFactory

from .models import MemberProfile, MembershipApplication


class MemberProfileFactory(DjangoModelFactory):
    user = factory.SubFactory(MemberFactory)
    organisation = factory.Faker("company")
    role = factory.Faker("job")
    bio = factory.Faker("paragraph", nb_sentences=3)
    can_help_with = factory.Faker("sentence", nb_words=12)
    looking_for = factory.Faker("sentence", nb_words=12)
    listed_in_directory = True

    class Meta:
        model = MemberProfile
        django_get_or_create = ["user"]
        skip_postgeneration_save = True

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if create and extracted:
            self.expertise.set(extracted)


class MembershipApplicationFactory(DjangoModelFactory):
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    organisation = factory.Faker("company")
    role = factory.Faker("job")
    hopes_to_share = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = MembershipApplication
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if create and extracted:
            self.expertise.set(extracted)

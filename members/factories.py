"""Factories for members, profiles and applications; demo content and tests build from these."""

import factory
from django_comments_xtd.models import XtdComment
from factory.django import DjangoModelFactory

from django.contrib.contenttypes.models import ContentType

from home.factories import many
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
    expertise = many("expertise")

    class Meta:
        model = MemberProfile
        django_get_or_create = ["user"]
        skip_postgeneration_save = True


class MembershipApplicationFactory(DjangoModelFactory):
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    organisation = factory.Faker("company")
    role = factory.Faker("job")
    hopes_to_share = factory.Faker("paragraph", nb_sentences=2)
    expertise = many("expertise")

    class Meta:
        model = MembershipApplication
        django_get_or_create = ["email"]
        skip_postgeneration_save = True


def approved_comment(page, user, text="An earlier, approved comment.", **fields):
    """A comment a moderator has already approved (members become trusted after two)."""
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(page),
        object_pk=str(page.pk),
        site_id=1,
        user=user,
        user_name=user.get_full_name(),
        user_email=user.email,
        comment=text,
        is_public=True,
        **fields,
    )

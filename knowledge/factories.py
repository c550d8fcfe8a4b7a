import datetime

import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.search import index

from home.factories import PortalPageFactory, many

from .models import KnowledgeArticlePage, KnowledgeIndexPage
from .roles import EDITORS, MEMBERS


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("test-pass-123")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True


class MemberFactory(UserFactory):
    username = factory.Sequence(lambda n: f"member{n}")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=MEMBERS))


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor{n}")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=EDITORS))


def save_and_index(page):
    """A save indexes the page before its topics are stored: index it with them, as publishing
    from the admin does."""
    page.save()
    index.insert_or_update_object(page)


class KnowledgeIndexPageFactory(PortalPageFactory):
    title = "Knowledge"
    slug = "knowledge"
    intro = "Guides and answers written by members, reviewed by editors."

    class Meta:
        model = KnowledgeIndexPage


class KnowledgeArticlePageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"Knowledge article {n}")
    slug = factory.Sequence(lambda n: f"knowledge-article-{n}")
    intro = factory.Faker("sentence", nb_words=16)
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>What we tried and what we learned.</p>")]
    )
    review_by = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=365))
    topics = many("topics", then=save_and_index)

    class Meta:
        model = KnowledgeArticlePage
        skip_postgeneration_save = True

"""Factories for the site's shell; demo content and tests build from these."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils.text import slugify

from wagtail.models import Collection, Locale

from .illustrations import describe, picture
from .models import HomePage, MainMenu, Region, Sector, StandardPage, Topic


def default_locale():
    return Locale.get_default()


def many(name, then=None):
    """A factory argument (`topics=[...]`) that sets the many-to-many `name` once the object
    exists, then calls `then(obj)`: a page is published again so its revision carries them."""

    def set_values(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, name).set(extracted)
            if then:
                then(obj)

    return factory.PostGeneration(set_values)


def publish(page):
    page.save_revision().publish()


class PortalPageFactory(wagtail_factories.PageFactory):
    """Pages made once per slug and parent, so demo content and tests may ask for one again."""

    class Meta:
        abstract = True
        django_get_or_create = ["slug", "parent"]


class ImageFactory(wagtail_factories.ImageFactory):
    """In the root collection, where every editor finds it (wagtail-factories makes a new
    "Test collection" outside the tree for each image)."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Picture {n}")
    description = factory.LazyAttribute(lambda o: describe(o.title))
    file = factory.LazyAttribute(lambda o: picture(o.title))

    class Meta:
        django_get_or_create = ["title"]


class TermFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True
        django_get_or_create = ["slug", "locale"]


class TopicFactory(TermFactory):
    class Meta:
        model = Topic


class SectorFactory(TermFactory):
    class Meta:
        model = Sector


class RegionFactory(TermFactory):
    country = "United Kingdom"

    class Meta:
        model = Region


class HomePageFactory(PortalPageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Learn from organisations that have done it before"
    intro = "A peer-learning network where members share what worked."

    class Meta:
        model = HomePage


class StandardPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = factory.Faker("sentence")

    class Meta:
        model = StandardPage


class MainMenuFactory(DjangoModelFactory):
    title = "Main menu"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = MainMenu
        django_get_or_create = ["locale"]

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


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Learn from organisations that have done it before"
    intro = "A peer-learning network where members share what worked."

    class Meta:
        model = HomePage
        django_get_or_create = ["slug", "parent"]


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = factory.Faker("sentence")

    class Meta:
        model = StandardPage
        django_get_or_create = ["slug", "parent"]


class MainMenuFactory(DjangoModelFactory):
    title = "Main menu"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = MainMenu
        django_get_or_create = ["locale"]

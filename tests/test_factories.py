"""Every factory of every app builds a valid object (a smoke test that grows with the apps)."""

import importlib
import inspect

import pytest
from factory.django import DjangoModelFactory
from wagtail_factories import PageFactory

from django.apps import apps

from wagtail.models import Page

PROJECT_APPS = ["home", "news", "casestudies", "knowledge", "search", "questions", "workgroups"]


def project_factories():
    found = []
    for app in PROJECT_APPS:
        try:
            module = importlib.import_module(f"{app}.factories")
        except ModuleNotFoundError:
            continue
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, DjangoModelFactory)
                and value.__module__ == module.__name__
                and not value._meta.abstract
            ):
                found.append(value)
    return found


FACTORIES = project_factories()


def parent_for(model, factories_by_model):
    """Build a chain of parents that the page rules allow, down from the root."""
    parent_model = next(iter(model.allowed_parent_page_models()))
    if parent_model is Page:
        return Page.get_first_root_node()
    return factories_by_model[parent_model](parent=parent_for(parent_model, factories_by_model))


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_factory_builds_a_valid_object(db, factory_class):
    Page.get_first_root_node().get_children().delete()  # Wagtail's placeholder takes "home"
    by_model = {f._meta.model: f for f in FACTORIES if issubclass(f, PageFactory)}
    if issubclass(factory_class, PageFactory):
        instance = factory_class(parent=parent_for(factory_class._meta.model, by_model))
    else:
        instance = factory_class()
    instance.full_clean()
    assert type(instance)._meta.label in {m._meta.label for m in apps.get_models()}
    assert type(instance).objects.filter(pk=instance.pk).exists()

"""Helpers the test modules share (fixtures live in conftest.py)."""

from django.test import Client


def login(user, **kwargs):
    """A test client signed in as `user` (Client's keyword arguments, e.g. enforce_csrf_checks)."""
    client = Client(**kwargs)
    client.force_login(user)
    return client

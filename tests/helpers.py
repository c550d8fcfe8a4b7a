"""Helpers the test modules share (fixtures live in conftest.py)."""

from django.test import Client

# In the titles of another member's secret draft (conftest.py); searched for in lower case, as
# search boxes echo the query.
SECRET = "Zebracorn"


def login(user, **kwargs):
    """A test client signed in as `user` (Client's keyword arguments, e.g. enforce_csrf_checks)."""
    client = Client(**kwargs)
    client.force_login(user)
    return client


def page(client, url):
    """The page's HTML, which must answer 200."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def cached(client, url):
    """The page as rendered from its fragments: the first request stored them."""
    page(client, url)
    return page(client, url)

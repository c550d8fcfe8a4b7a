"""Requests that may write run in one transaction; reads never hold SQLite's write lock."""

import pytest

from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from portal.transactions import AtomicUnsafeRequestsMiddleware

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run(method, status=200):
    """The request's method through the middleware: whether the view ran in a transaction."""
    seen = {}

    def view(request):
        seen["atomic"] = connection.in_atomic_block
        return HttpResponse(status=status)

    request = getattr(RequestFactory(), method.lower())("/")
    AtomicUnsafeRequestsMiddleware(view)(request)
    return seen["atomic"]


def test_reads_run_in_autocommit_and_writes_in_a_transaction():
    assert [run(method) for method in ("GET", "HEAD", "OPTIONS")] == [False] * 3
    assert [run(method) for method in ("POST", "PUT", "PATCH", "DELETE")] == [True] * 4


def test_a_server_error_rolls_the_write_back_and_a_success_keeps_it(django_user_model):
    def view_answering(status):
        def view(request):
            django_user_model.objects.create(username=f"wrote-{status}")
            return HttpResponse(status=status)

        return view

    for status in (500, 302):
        AtomicUnsafeRequestsMiddleware(view_answering(status))(RequestFactory().post("/"))
    assert list(django_user_model.objects.values_list("username", flat=True)) == ["wrote-302"]

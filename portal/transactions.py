"""One transaction per request that may write; reads run in autocommit.

Django's ``ATOMIC_REQUESTS`` wraps every view in a transaction. On SQLite each of those takes the
write lock up front (``transaction_mode=IMMEDIATE``, so a request that later writes never fails
with "database is locked"), and then every page view, however read-only, waits for every other:
gunicorn's workers take turns. Here only POST, PUT, PATCH and DELETE run in a transaction, and it
is rolled back when the response is a server error, as ``ATOMIC_REQUESTS`` rolls back on an
exception: a publish either happens whole or not at all. GET and HEAD run in autocommit; their
few writes (a logged search, a login's session) are single statements that wait for the lock.
"""

from django.db import transaction

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


class AtomicUnsafeRequestsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
            return response

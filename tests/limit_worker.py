"""One worker process for tests/test_rate_limits.py.

Run as `python -m tests.limit_worker SCOPE ATTEMPTS COUNT` with the settings its environment names:
it prints "ready", waits for a line on stdin (so every worker starts together), takes ATTEMPTS hits
on one limit of COUNT a year and prints how many were allowed.
"""

import sys

import django


def main(scope, attempts, count):
    django.setup()
    from django.core.cache import caches

    from members.limits import Rate, allow

    caches["limits"].get("connect first")  # so the first hit does not pay for the connection
    print("ready", flush=True)
    sys.stdin.readline()
    rate = Rate(int(count), 365 * 86_400)
    print(sum(allow(scope, "one member", rate) for _attempt in range(int(attempts))), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])

"""gunicorn's settings for the portal: `make serve`, `make bench` and `make load-test` all use this
file, so the benchmarks measure the server the docs recommend (docs/operations.md, Serving).

Measured per request (docs/operations.md): gunicorn's own work is ~0.2 ms of a worker's CPU with
sync workers, and no less with gthread workers and keep-alive; an access log adds ~0.06 ms.
"""

import os

wsgi_app = "portal.wsgi"
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Sync workers behind a reverse proxy that buffers slow clients, keeps their connections alive
# and writes the access log (gunicorn writes none unless --access-logfile is given).
worker_class = "sync"

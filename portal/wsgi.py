"""The WSGI entry point gunicorn serves (`make serve`)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# The objects loaded so far (Django, Wagtail, our modules and settings) live as long as the worker:
# moved out of the collector's reach, an occasional full collection no longer walks all of them,
# which otherwise added ~20 ms to one request in every few dozen.
gc.freeze()

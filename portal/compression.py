"""Compressed HTML: Django's GZipMiddleware for text responses only.

Images and other media are compressed already (gzip would cost CPU for nothing); static files
come precompressed from whitenoise, which answers before this middleware runs.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/ld+json",
    "application/javascript",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)

"""Content-Security-Policy for the public site.

The Wagtail admin needs inline styles and scripts, so paths under the admin prefix get no policy
from here. Wagtail's preview renders a page through the whole middleware stack with a dummy request
for the page's own path, and shows it in an iframe in the admin: that response (and only that one)
may be framed by the site itself. Documents served by Wagtail's view already carry their own
stricter ``default-src 'none'`` policy, which is left alone.
"""

from django.conf import settings

DIRECTIVES = [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    # Video blocks embed players from these providers.
    "frame-src https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
]
# Nothing frames a public page (as X-Frame-Options: DENY says), except the admin's preview.
DEFAULT_POLICY = "; ".join([*DIRECTIVES, "frame-ancestors 'none'"])
PREVIEW_POLICY = "; ".join([*DIRECTIVES, "frame-ancestors 'self'"])


class ContentSecurityPolicyMiddleware:
    """Adds ``CONTENT_SECURITY_POLICY`` to every response outside ``CSP_EXEMPT_PATH_PREFIXES``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_POLICY)
        self.preview_policy = getattr(settings, "CONTENT_SECURITY_POLICY_PREVIEW", PREVIEW_POLICY)
        self.exempt = tuple(getattr(settings, "CSP_EXEMPT_PATH_PREFIXES", ("/admin/",)))

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.exempt):
            # Wagtail marks its dummy preview request while serving it.
            policy = self.preview_policy if getattr(request, "is_preview", False) else self.policy
            response.headers.setdefault("Content-Security-Policy", policy)
        return response

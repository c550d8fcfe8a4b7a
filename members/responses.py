"""What members' pages (questions, working groups, the inbox) answer with."""

from django.shortcuts import render
from django.views.decorators.cache import cache_control

# For views whose page depends on who asks: no shared cache may keep it.
private = cache_control(private=True, no_cache=True)


def rate_limited(request, back_url, back_label):
    """The 429 page for a member who did something too often in a short while; nothing saved."""
    context = {"back_url": back_url, "back_label": back_label}
    return render(request, "rate_limited.html", context, status=429)

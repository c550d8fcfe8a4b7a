from django import template

from ..models import Notification

register = template.Library()


@register.inclusion_tag("notifications/inbox_link.html", takes_context=True)
def inbox_link(context):
    """The header's inbox link with the unread count: one query."""
    user = context["request"].user
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    return {"unread": unread}

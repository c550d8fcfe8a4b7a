from django import template

from members.access import is_member

register = template.Library()


@register.inclusion_tag("workgroups/groups_link.html", takes_context=True)
def groups_link(context):
    """The header's "Groups" link, for members only."""
    return {"shown": is_member(context["request"].user)}

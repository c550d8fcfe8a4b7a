from django import template

from ..access import takes_part

register = template.Library()


@register.inclusion_tag("workgroups/groups_link.html", takes_context=True)
def groups_link(context):
    """The header's "Groups" link, for members only."""
    return {"shown": takes_part(context["request"].user)}

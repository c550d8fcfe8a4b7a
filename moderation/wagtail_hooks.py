from wagtail import hooks

from members.access import can_moderate

from .panels import NeedsActionPanel


@hooks.register("construct_homepage_panels")
def add_needs_action_panel(request, panels):
    if can_moderate(request.user):
        panels.insert(0, NeedsActionPanel())

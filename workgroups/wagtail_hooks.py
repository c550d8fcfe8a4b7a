"""Editors' tools in the admin (create groups, name conveners, approve proposals, archive quiet
groups) and the 404 that keeps a group's documents from anyone outside it."""

from django.db.models import Max
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import events
from .models import Status, WorkingGroup


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = _("Working groups")
    add_to_admin_menu = True
    menu_order = 260
    list_display = [
        "name",
        "status",
        "joining",
        Column("last_activity", label=_("Last post")),
        "created_at",
    ]
    list_filter = ["status", "joining"]
    search_fields = ["name", "purpose"]

    def get_queryset(self, request):
        """The latest post's date, so editors see which groups have gone quiet."""
        return WorkingGroup.objects.annotate(last_activity=Max("threads__created_at"))


register_snippet(WorkingGroupViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def tell_conveners_when_live(request, instance):
    """A group an editor approved (or created live) tells its conveners, once."""
    if isinstance(instance, WorkingGroup) and instance.status == Status.LIVE:
        events.group_live(instance)


@hooks.register("before_serve_document", order=-1)
def hide_group_documents(document, request):
    """A group's document is a 404 to anyone outside the group (Wagtail's own check would send
    visitors to the login page, confirming that the document exists)."""
    group = WorkingGroup.objects.filter(collection=document.collection_id).first()
    if (
        group is not None
        and not WorkingGroup.objects.spaces_for(request.user).filter(pk=group.pk).exists()
    ):
        raise Http404

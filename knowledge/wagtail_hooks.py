"""Admin for the knowledge base: members see only their own work; editors get the review reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, Page

from .models import KnowledgeIndexPage
from .panels import MyArticlesPanel
from .permissions import is_editor, is_member, own_or_live
from .permissions.admin_views import BULK_ACTIONS, PortalPagesAdminAPIViewSet
from .views import EditorMenuItem, OutOfDateView, PortalPageViewSet, still_accurate

# What a member's admin menu keeps; everything else is for editors and administrators.
MEMBER_MENU = {"explorer", "images", "documents", "help"}


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # Registered after Wagtail's own base page viewset (order -1), so it replaces it.
    return PortalPageViewSet(model=Page)


# Page bulk actions over the pages the user may explore; registered after Wagtail's own (order 0),
# so each replaces the action of the same type.
for action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)


@hooks.register("construct_admin_api")
def register_pages_admin_api(router):
    router.register_endpoint("pages", PortalPagesAdminAPIViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("knowledge/out-of-date/", OutOfDateView.as_view(), name="knowledge_out_of_date"),
        path(
            "knowledge/<int:page_id>/still-accurate/",
            still_accurate,
            name="knowledge_still_accurate",
        ),
        path(
            "knowledge/out-of-date/results/",
            OutOfDateView.as_view(results_only=True),
            name="knowledge_out_of_date_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_out_of_date_menu_item():
    return EditorMenuItem(
        _("Articles past review date"),
        reverse("knowledge_out_of_date"),
        name="knowledge-out-of-date",
        icon_name="time",
        order=60,
    )


@hooks.register("construct_main_menu")
def hide_menus_from_members(request, menu_items):
    if is_member(request.user) and not is_editor(request.user):
        menu_items[:] = [
            knowledge_pages_item(item) if item.name == "explorer" else item
            for item in menu_items
            if item.name in MEMBER_MENU
        ]


def knowledge_pages_item(explorer):
    """A member's "Pages": the knowledge section in the admin's language. Wagtail's explorer
    starts at the pages' common ancestor, which with a section per language is the Root
    ("Pages created here will not be accessible at any URL")."""
    sections = KnowledgeIndexPage.objects.order_by("path")
    section = (
        sections.filter(locale=Locale.get_active()).first()
        or sections.filter(locale=Locale.get_default()).first()
    )
    if section is None:
        return explorer
    return MenuItem(
        explorer.label,
        reverse("wagtailadmin_explore", args=[section.pk]),
        name=explorer.name,
        icon_name=explorer.icon_name,
        order=explorer.order,
    )


@hooks.register("construct_homepage_panels")
def add_my_articles_panel(request, panels):
    if is_member(request.user):
        panels.insert(0, MyArticlesPanel(request.user))


@hooks.register("construct_explorer_page_queryset")
def hide_others_drafts_in_explorer(parent_page, pages, request):
    return own_or_live(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_in_chooser(pages, request):
    return own_or_live(pages, request.user)

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MainMenu, Region, Sector, Topic


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    ordering = ["name"]


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class SectorViewSet(TermViewSet):
    model = Sector
    icon = "group"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "country", "slug", "locale"]
    list_filter = ["locale", "country"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomy"
    menu_icon = "tag"
    menu_order = 300
    items = (TopicViewSet, SectorViewSet, RegionViewSet)


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = "Main menu"
    list_display = ["title", "locale"]
    list_filter = ["locale"]
    add_to_admin_menu = True
    menu_order = 310


register_snippet(TaxonomyGroup)
register_snippet(MainMenuViewSet)

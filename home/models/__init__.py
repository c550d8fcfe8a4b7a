from .base import BasePage, TopicsMixin
from .pages import HomePage, HomePageFeatured, StandardPage
from .site import MainMenu, SiteSettings, SiteText
from .taxonomy import Region, Sector, Topic

__all__ = [
    "BasePage",
    "HomePage",
    "HomePageFeatured",
    "MainMenu",
    "Region",
    "Sector",
    "SiteSettings",
    "SiteText",
    "StandardPage",
    "Topic",
    "TopicsMixin",
]

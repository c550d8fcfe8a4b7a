from .base import BasePage, PrefetchedFilterField, TopicsMixin
from .pages import HomePage, HomePageFeatured, StandardPage
from .site import MainMenu, SiteSettings, SiteText
from .taxonomy import Region, Sector, Topic, optional_term

__all__ = [
    "BasePage",
    "HomePage",
    "HomePageFeatured",
    "MainMenu",
    "PrefetchedFilterField",
    "Region",
    "Sector",
    "SiteSettings",
    "SiteText",
    "StandardPage",
    "Topic",
    "TopicsMixin",
    "optional_term",
]

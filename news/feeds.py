"""RSS and Atom feeds of one news index: only live, public items, newest first."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from wagtail.models import Site

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    # Full addresses from the Wagtail Site (SITE_URL), not Django's sites record plus the request.
    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        return Site.find_for_request(self.request).root_url + self.request.path

    def description(self):
        return self.index_page.intro

    def items(self):
        return self.index_page.news().select_related("author")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return item.author_name or None

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description

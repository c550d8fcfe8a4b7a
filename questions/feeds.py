"""RSS and Atom feeds of the public questions asked in the language being read, newest first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from localization.locales import active_locale
from members.names import display_name

from .models import Question, site_root_url

FEED_LENGTH = 20
DESCRIPTION_WORDS = 80


class PublicQuestionsRssFeed(Feed):
    """Made per request (see `rss`): links are absolute on the request's Wagtail site."""

    title = _("Questions answered by the network")
    description = _("Members' questions with an accepted answer, open to everyone.")

    def __init__(self, request):
        super().__init__()
        self.request = request

    def link(self):
        return site_root_url(self.request) + reverse("questions:index")

    def item_link(self, item):
        return item.get_full_url(self.request)

    def items(self):
        questions = Question.objects.public().filter(locale=active_locale())
        return questions.select_related("author", "locale").order_by("-created_at", "-pk")[
            :FEED_LENGTH
        ]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        """Escaped here: readers take a description as HTML, and the details are plain text."""
        return linebreaks(Truncator(item.details).words(DESCRIPTION_WORDS), autoescape=True)

    def item_author_name(self, item):
        return display_name(item.author)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class PublicQuestionsAtomFeed(PublicQuestionsRssFeed):
    feed_type = Atom1Feed
    subtitle = PublicQuestionsRssFeed.description


def rss(request):
    return PublicQuestionsRssFeed(request)(request)


def atom(request):
    return PublicQuestionsAtomFeed(request)(request)
